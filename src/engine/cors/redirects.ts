// What kind of redirect a 3xx is, judged from its URL and its Location: the kinds that explain a redirected
// preflight (shared/docs/cors-reference.md §(b) 8): slash normalization, https upgrade, canonical host, login.

export type RedirectKind =
  | 'trailing-slash-added'
  | 'trailing-slash-removed'
  | 'https-upgrade'
  | 'www-added'
  | 'www-removed'
  | 'host-changed'
  | 'login'
  | 'other';

export interface RedirectInfo {
  readonly kind: RedirectKind;
  /** The host (with port, when not the default) the request went to, and the one the Location names. */
  readonly fromHost: string;
  readonly toHost: string;
}

/** A path segment (extension dropped: `login.php`) or a host label that names a sign-in step. */
const LOGIN_WORD =
  /^(log[-_]?in|log[-_]?on|sign[-_]?in|sso|oauth2?|auth|authenticate|authorize|authorization|saml2?|openid(-connect)?)$/i;
/** Hosts of identity providers whose labels are not sign-in words themselves (accounts.google.com, *.okta.com). */
const LOGIN_HOST_LABEL = /^(accounts|okta|auth0|keycloak)$/i;

/** Classifies the redirect from `from` to `to` (both absolute URLs). Unparsable URLs give "other". */
export function classifyRedirect(from: string, to: string): RedirectInfo {
  let a: URL;
  let b: URL;
  try {
    a = new URL(from);
    b = new URL(to);
  } catch {
    return { kind: 'other', fromHost: '', toHost: '' };
  }
  const info = (kind: RedirectKind): RedirectInfo => ({ kind, fromHost: a.host, toHost: b.host });

  // A login redirect may also change host or scheme; it is the kind that explains the most, so it comes first.
  // A URL already on a login path (`/auth/token` → `/auth/token/`) is judged by its other changes.
  if (looksLikeLogin(b) && !looksLikeLogin(a)) return info('login');
  if (a.hostname !== b.hostname) {
    if (b.hostname === `www.${a.hostname}`) return info('www-added');
    if (a.hostname === `www.${b.hostname}`) return info('www-removed');
    return info('host-changed');
  }
  // Same host, http to https: an upgrade, whatever the ports (the URL parser already drops :80 and :443).
  if (a.protocol === 'http:' && b.protocol === 'https:') return info('https-upgrade');
  if (a.port !== b.port) return info('host-changed');
  if (a.protocol !== b.protocol || a.search !== b.search) return info('other');
  if (b.pathname === `${a.pathname}/`) return info('trailing-slash-added');
  if (a.pathname === `${b.pathname}/`) return info('trailing-slash-removed');
  return info('other');
}

/** True when the URL's path or host reads like a login, sign-in or single-sign-on page. */
export function looksLikeLogin(url: URL): boolean {
  const segments = url.pathname.split('/').map((segment) => segment.replace(/\.[a-z]+$/i, ''));
  if (segments.some((segment) => LOGIN_WORD.test(segment))) return true;
  return url.hostname.split('.').some((label) => LOGIN_WORD.test(label) || LOGIN_HOST_LABEL.test(label));
}
