import type { BrowserName } from '../cors/browsers';
import { isPotentiallyTrustworthy } from '../cors/origin';
import { isCrossSite, siteOf } from '../cors/site';
import { statusLine } from '../har/entry-facts';
import type { Entry } from '../har/normalize';
import type { Evidence, Finding } from '../model';
import { defineAdvice } from './define-rule';

/** One Set-Cookie line the browser will not use on cross-site requests, and why. */
interface BlockedCookie {
  readonly entry: Entry;
  readonly name: string;
  /** The line with the cookie's value replaced by "…": values are often session secrets. */
  readonly line: string;
  readonly reason: string;
}

export default defineAdvice({
  id: 'cookie-blocked-cross-site',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'A cross-site cookie was blocked',
    description:
      'Require cookies used by cross-site requests to be set with `SameSite=None; Secure` over https, or browsers neither store nor send them',
    fixTopics: ['cookie-samesite'],
    messages: {
      cookieNotSent:
        'The {{method}} request to {{url}} was answered {{status}} and carried no Cookie header, although the response to {{setUrl}} (entry {{setEntry}}) set the cookie "{{cookie}}" earlier. That cookie {{reason}}, so the browser does not send it on this cross-site request from {{pageOrigin}}. It looks like a CORS or login failure, but it is cookie policy.',
      setsBlockedCookie:
        'The response from {{url}} sets the cookie "{{cookie}}", which {{reason}}. The response is cross-site to the page at {{pageOrigin}}, so the browser drops the cookie, and later credentialed requests to {{host}} will arrive without it (typically ending in 401 or 403).',
    },
    fixes: {
      cookieNotSent: [
        'Set the cookie for cross-site use, over https: `Set-Cookie: {{cookie}}=…; SameSite=None; Secure; HttpOnly; Path=/`.',
        'Send the request with credentials (`credentials: "include"`, or `withCredentials = true`) and answer it with `Access-Control-Allow-Origin: {{pageOrigin}}` and `Access-Control-Allow-Credentials: true`.',
        "Or avoid third-party cookies, which browsers increasingly block anyway: serve the API from the page's own site, or authenticate with a token in the Authorization header.",
      ],
      setsBlockedCookie: [
        'Set the cookie for cross-site use, over https: `Set-Cookie: {{cookie}}=…; SameSite=None; Secure; HttpOnly; Path=/`.',
        "Or avoid third-party cookies, which browsers increasingly block anyway: serve the API from the page's own site, or authenticate with a token in the Authorization header.",
      ],
    },
  },
  check({ exchange, verdict, credentials, capture }) {
    const pageOrigin = exchange.origin;
    if (!pageOrigin || pageOrigin === 'null' || siteOf(pageOrigin) === null) return [];
    const browser = verdict.browser.name;
    const findings: (Finding & { messageId: 'cookieNotSent' | 'setsBlockedCookie' })[] = [];

    // The later request that arrived without the cookie.
    const last = [...exchange.hops].reverse().find((hop) => hop.entry)?.entry ?? null;
    if (
      last &&
      (last.status === 401 || last.status === 403) &&
      isCrossSite(last.url, pageOrigin) &&
      !sentCookies(last) &&
      credentials.mode !== 'not-include'
    ) {
      const blocked = earlierBlockedCookie(last, capture.entries, browser);
      if (blocked) {
        findings.push({
          messageId: 'cookieNotSent',
          data: {
            method: last.method,
            url: last.url,
            status: statusLine(last),
            setUrl: blocked.entry.url,
            setEntry: String(blocked.entry.index),
            cookie: blocked.name,
            reason: blocked.reason,
            pageOrigin,
          },
          evidence: [
            { entry: last.index, role: roleOf(exchange.hops.length > 1), location: 'status', actual: statusLine(last) },
            {
              entry: last.index,
              role: roleOf(exchange.hops.length > 1),
              location: 'request-header',
              name: 'Cookie',
              actual: null,
              expected: `${blocked.name}=…`,
            },
            setCookieEvidence(blocked),
          ],
        });
      }
    }

    // The response that set such a cookie (fetch and XHR calls only: that is where it looks like CORS).
    if (exchange.mode === 'cors' || exchange.mode === 'unknown') {
      for (const hop of exchange.hops) {
        const entry = hop.entry;
        if (!entry || !isCrossSite(entry.url, pageOrigin)) continue;
        const cookie = blockedCookies(entry, browser).find((c) => !cookieEverSent(c, capture.entries));
        if (!cookie) continue;
        findings.push({
          messageId: 'setsBlockedCookie',
          data: { url: entry.url, cookie: cookie.name, reason: cookie.reason, pageOrigin, host: hostOf(entry.url) },
          evidence: [setCookieEvidence(cookie)],
        });
        break;
      }
    }
    return findings;
  },
});

/** The most recent earlier response for the same host that set a cookie the browser keeps off cross-site requests. */
function earlierBlockedCookie(request: Entry, entries: readonly Entry[], browser: BrowserName): BlockedCookie | null {
  const host = hostOf(request.url);
  const earlier = entries
    .filter((e) => e !== request && isEarlier(e, request))
    .sort((a, b) => (b.startedMs ?? 0) - (a.startedMs ?? 0) || b.index - a.index);
  for (const entry of earlier) {
    const cookie = blockedCookies(entry, browser).find((c) => coversHost(c, host) && !cookieEverSent(c, entries));
    if (cookie) return cookie;
  }
  return null;
}

/** Set-Cookie lines of `entry` that the browser will not use cross-site. Deletions (expired cookies) are skipped. */
function blockedCookies(entry: Entry, browser: BrowserName): BlockedCookie[] {
  const lines = entry.responseHeaders.values('set-cookie').flatMap((value) => value.split('\n'));
  const secureContext = isPotentiallyTrustworthy(entry.url);
  const result: BlockedCookie[] = [];
  for (const raw of lines) {
    const [pair = '', ...rest] = raw.split(';');
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    if (name === '') continue;
    const attributes = new Map<string, string>();
    for (const attribute of rest) {
      const at = attribute.indexOf('=');
      const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
      if (key) attributes.set(key, at === -1 ? '' : attribute.slice(at + 1).trim());
    }
    if (isDeletion(attributes, entry)) continue;
    const reason = whyBlocked(attributes, secureContext, browser);
    if (!reason) continue;
    const line = [`${name}=…`, ...rest.map((a) => a.trim()).filter(Boolean)].join('; ');
    result.push({ entry, name, line, reason });
  }
  return result;
}

function whyBlocked(attributes: Map<string, string>, secureContext: boolean, browser: BrowserName): string | null {
  const sameSite = attributes.get('samesite')?.toLowerCase() ?? null;
  const secure = attributes.has('secure');
  const overHttp = secureContext ? '' : ', and it came over plain http, where a cookie cannot be Secure';
  // Every browser rejects a Secure cookie from an insecure origin.
  if (secure && !secureContext) return 'is marked Secure but came over plain http, so the browser rejects it';
  if (sameSite === 'strict') return `is SameSite=Strict${overHttp}`;
  if (sameSite === 'lax') return `is SameSite=Lax${overHttp}`;
  // Firefox neither defaults to Lax nor demands Secure with SameSite=None; it partitions third-party cookies instead.
  if (browser === 'firefox') return null;
  if (sameSite === 'none') {
    if (!secure) return 'has SameSite=None without Secure, which Chromium rejects';
    return null;
  }
  return `has no SameSite attribute, so Chromium treats it as SameSite=Lax${overHttp}`;
}

/** Max-Age=0 or an Expires date before the response: the server is deleting the cookie. */
function isDeletion(attributes: Map<string, string>, entry: Entry): boolean {
  const maxAge = attributes.get('max-age');
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge) && Number(maxAge) <= 0) return true;
  const expires = attributes.get('expires');
  if (expires === undefined) return false;
  const when = Date.parse(expires);
  // Without a start time, a date before 2000 still reads as a deletion: servers delete with the 1970 epoch.
  return Number.isFinite(when) && when < (entry.startedMs ?? Date.parse('2000-01-01T00:00:00Z'));
}

/** The cookie applies to `host`: set by that host, or by a Domain attribute that covers it. */
function coversHost(cookie: BlockedCookie, host: string): boolean {
  if (hostOf(cookie.entry.url) === host) return true;
  const domain = /;\s*domain=\.?([^;\s]+)/i.exec(cookie.line)?.[1]?.toLowerCase();
  return domain !== undefined && (host === domain || host.endsWith(`.${domain}`));
}

/** Some request in the capture did carry this cookie to its host: the browser kept it, so it is not blocked. */
function cookieEverSent(cookie: BlockedCookie, entries: readonly Entry[]): boolean {
  const host = hostOf(cookie.entry.url);
  return entries.some(
    (e) =>
      hostOf(e.url) === host &&
      (e.requestHeaders.get('cookie') ?? '')
        .split(/;\s*/)
        .some((pair) => pair.slice(0, pair.indexOf('=') === -1 ? undefined : pair.indexOf('=')).trim() === cookie.name),
  );
}

function sentCookies(entry: Entry): boolean {
  return entry.requestHeaders.has('cookie') || entry.requestCookieCount > 0;
}

function isEarlier(a: Entry, b: Entry): boolean {
  if (a.startedMs !== null && b.startedMs !== null && a.startedMs !== b.startedMs) return a.startedMs < b.startedMs;
  return a.index < b.index;
}

function setCookieEvidence(cookie: BlockedCookie): Evidence {
  return {
    entry: cookie.entry.index,
    role: 'request',
    location: 'response-header',
    name: cookie.entry.responseHeaders.displayName('set-cookie'),
    actual: cookie.line,
    expected: `${cookie.name}=…; SameSite=None; Secure`,
  };
}

function roleOf(redirected: boolean): Evidence['role'] {
  return redirected ? 'redirect' : 'request';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
