// "Site" as cookies' SameSite rules use it (schemeful same-site): scheme plus registrable domain. The engine has no
// Public Suffix List, so the registrable domain is approximated by the last two labels of the host, or three under
// a handful of common multi-label suffixes; IP addresses and localhost are their own site.
import { memoize } from '../memo';
import { isIpLiteral } from './address-space';

/** Suffixes under which every customer name is its own site (a small excerpt of the Public Suffix List). */
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'co.in',
  'com.br',
  'com.cn',
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'web.app',
  'firebaseapp.com',
  'appspot.com',
  'azurewebsites.net',
  'cloudfront.net',
  'onrender.com',
  'fly.dev',
  'ngrok.io',
  'ngrok-free.app',
]);

/** "https://example.com" for https://api.example.com/x; null when the URL has no http(s) host. */
export const siteOf: (url: string) => string | null = memoize(parseSite);

function parseSite(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const scheme = parsed.protocol.slice(0, -1);
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host === '') return null;
  if (isIpLiteral(host) || host === 'localhost' || host.endsWith('.localhost')) return `${scheme}://${host}`;
  const labels = host.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = MULTI_LABEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return `${scheme}://${labels.slice(-keep).join('.')}`;
}

/** Two URLs (or origins) are cross-site when their sites differ, or either has none. */
export function isCrossSite(a: string, b: string): boolean {
  const siteA = siteOf(a);
  return siteA === null || siteA !== siteOf(b);
}
