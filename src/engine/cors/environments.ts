// Which deployment environment a host name looks like it belongs to, from the name alone: a developer's machine, a
// private network, a staging-like environment or a preview deployment. Rules use it to say "the allowlist (or the
// API base URL) still points at another environment". It is a heuristic on names, not a network fact: it never
// resolves anything, and a null answer means "looks like an ordinary public host", not "is production".

import { addressSpaceOf, isIpLiteral } from './address-space';

export type Environment = 'local' | 'private' | 'staging' | 'preview';

/**
 * The environment `host` looks like, or null for an ordinary public host.
 *
 * `host` is a host name as `URL.hostname` gives it: no scheme, no port, IPv6 with or without brackets. Case and a
 * trailing dot are ignored.
 *
 * - `'local'`: this machine. `localhost` and `*.localhost`, 127.0.0.0/8, `[::1]`, `0.0.0.0`, IPv4-mapped loopback
 *   (`::ffff:127.0.0.1`), Docker's `host.docker.internal`, the `.test` top-level domain (RFC 6761, served locally by
 *   Laravel Valet/Herd and similar tools), and public names that resolve to 127.0.0.1 by design: `lvh.me`,
 *   `localtest.me`, `*.ddev.site`, `*.lndo.site`, `127.0.0.1.nip.io`.
 * - `'private'`: another machine on a private network. RFC 1918 (10/8, 172.16/12, 192.168/16), link-local
 *   169.254/16, shared address space 100.64/10 (carrier-grade NAT, Tailscale), IPv6 unique-local fc00::/7 and
 *   link-local fe80::/10; single-label intranet names (`devbox`, `api`); the `.local` (mDNS), `.lan`, `.internal`,
 *   `.intranet`, `.corp`, `.home` and `.home.arpa` suffixes; nip.io/sslip.io names encoding a private address.
 * - `'preview'`: a per-branch or per-pull-request deployment. A `preview` label or word (`deploy-preview-12--site`,
 *   `app-preview.example.com`), a pull-request word (`pr-42`, `pr42`: Render, Heroku review apps, Amplify), Vercel
 *   preview URLs (`project-git-branch-team.vercel.app`, `project-a1b2c3d4e-team.vercel.app`), Netlify deploy and
 *   branch URLs (`anything--site.netlify.app`), Firebase preview channels (`site--channel-x1y2.web.app`) and
 *   Cloudflare Pages deployment or branch aliases (`a1b2c3d4.project.pages.dev`).
 * - `'staging'`: a non-production environment. A label, or a word of a hyphenated label, that is staging, stage,
 *   stg, dev, develop, development, test, testing, qa, uat, preprod (or pre-prod) or sandbox, optionally followed by
 *   digits: `staging.example.com`, `api-dev.example.com`, `qa2.app.example`, `myapp-staging.herokuapp.com`. Only
 *   labels left of the last two count, so the registrable name itself never decides (`dev.to`, `app.dev` and
 *   `test-kitchen.com` are ordinary hosts).
 *
 * Checked in that order: a host matching several (`dev.localhost`) gets the first.
 */
export function environmentOf(host: string): Environment | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === '') return null;
  const bare = h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
  if (isIpLiteral(bare)) return ipEnvironment(bare);
  return nameEnvironment(bare);
}

/** IP literals: one table decides, the one Local Network Access uses (address-space.ts). */
function ipEnvironment(address: string): Environment | null {
  const space = addressSpaceOf(address);
  return space === 'loopback' ? 'local' : space === 'private' ? 'private' : null;
}

const LOCAL_NAMES = new Set(['localhost', 'host.docker.internal', 'gateway.docker.internal', 'lvh.me', 'localtest.me']);
const LOCAL_SUFFIXES = ['.localhost', '.test', '.lvh.me', '.localtest.me', '.ddev.site', '.lndo.site'];
const PRIVATE_SUFFIXES = ['.local', '.lan', '.internal', '.intranet', '.corp', '.home', '.home.arpa'];
const STAGING_WORD = /^(staging|stage|stg|dev|develop|development|test|testing|qa|uat|preprod|sandbox)\d*$/;
const PREVIEW_WORD = /^(preview|pr\d+)$/;

function nameEnvironment(host: string): Environment | null {
  if (LOCAL_NAMES.has(host) || LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return 'local';
  const encoded = /(?:^|\.)(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})\.(?:nip|sslip)\.io$/.exec(host);
  if (encoded) {
    const octets = encoded.slice(1, 5).map(Number);
    if (octets.every((n) => n <= 255)) return ipEnvironment(octets.join('.'));
  }
  if (!host.includes('.')) return 'private';
  if (PRIVATE_SUFFIXES.some((s) => host.endsWith(s))) return 'private';
  if (isPlatformPreview(host)) return 'preview';

  const labels = host.split('.');
  const own = labels.slice(0, -2);
  const words = own.flatMap((label) => label.split(/[-_]/));
  if (words.some((w) => PREVIEW_WORD.test(w)) || own.some((l) => /(^|-)pr-\d+(-|$)/.test(l))) return 'preview';
  if (words.some((w) => STAGING_WORD.test(w)) || own.some((l) => /(^|-)pre-prod(-|$)/.test(l))) return 'staging';
  return null;
}

/** Preview URLs of hosting platforms whose production URLs live under the same suffix. */
function isPlatformPreview(host: string): boolean {
  const labels = host.split('.');
  const first = labels[0] ?? '';
  if (host.endsWith('.vercel.app') && labels.length === 3) {
    // project-git-<branch>-<team>, or project-<9-character deployment hash>-<team>.
    const words = first.split('-');
    return words.includes('git') || words.some((w) => /^[a-z0-9]{9}$/.test(w) && /\d/.test(w) && /[a-z]/.test(w));
  }
  if (/\.(netlify\.app|netlify\.com|web\.app|firebaseapp\.com)$/.test(host)) return first.includes('--');
  if (host.endsWith('.pages.dev')) return labels.length >= 4;
  return false;
}
