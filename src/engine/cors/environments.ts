// Which deployment environment a host name looks like it belongs to, from the name alone: a developer's machine, a
// private network, a staging-like environment or a preview deployment. Rules use it to say "the allowlist (or the
// API base URL) still points at another environment". It is a heuristic on names, not a network fact: it never
// resolves anything, and a null answer means "looks like an ordinary public host", not "is production".

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
  if (bare.includes(':')) return ipv6Environment(bare);
  const v4 = parseIpv4(bare);
  if (v4) return ipv4Environment(v4);
  return nameEnvironment(bare);
}

function ipv4Environment([a, b]: readonly number[]): Environment | null {
  if (a === undefined || b === undefined) return null;
  if (a === 127 || (a === 0 && b === 0)) return 'local';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if ((a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return null;
}

function parseIpv4(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((n) => n <= 255) ? octets : null;
}

function ipv6Environment(address: string): Environment | null {
  if (address === '::1' || address === '0:0:0:0:0:0:0:1') return 'local';
  if (address === '::') return 'local';
  const mapped = /^::ffff:(.+)$/.exec(address)?.[1];
  if (mapped) {
    // ::ffff:127.0.0.1, or the hex form URL serializes it to (::ffff:7f00:1).
    const dotted = parseIpv4(mapped);
    if (dotted) return ipv4Environment(dotted);
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped);
    if (hex) {
      const high = parseInt(hex[1] as string, 16);
      const low = parseInt(hex[2] as string, 16);
      return ipv4Environment([high >> 8, high & 255, low >> 8, low & 255]);
    }
    return null;
  }
  const first = parseInt(address.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return 'private'; // fe80::/10 link-local
  return null;
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
    if (octets.every((n) => n <= 255)) return ipv4Environment(octets);
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
