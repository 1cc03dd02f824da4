import { classifyRedirect, type RedirectKind } from '../cors/redirects';
import { isRedirectStatus, statusLine } from '../har/entry-facts';
import type { Evidence } from '../model';
import { defineAdvice } from './define-rule';

type MessageId =
  | 'trailingSlashAdded'
  | 'trailingSlashRemoved'
  | 'httpsUpgrade'
  | 'apexWww'
  | 'otherHost'
  | 'login'
  | 'other'
  | 'noLocation';

const MESSAGE: Record<RedirectKind, MessageId> = {
  'trailing-slash-added': 'trailingSlashAdded',
  'trailing-slash-removed': 'trailingSlashRemoved',
  'https-upgrade': 'httpsUpgrade',
  'www-added': 'apexWww',
  'www-removed': 'apexWww',
  'host-changed': 'otherHost',
  login: 'login',
  other: 'other',
};

/** Kinds where calling the Location directly is the whole fix, so the evidence names the URL to use. */
const CALL_TARGET: ReadonlySet<RedirectKind> = new Set([
  'trailing-slash-added',
  'trailing-slash-removed',
  'https-upgrade',
  'www-added',
  'www-removed',
]);

const NEVER_SENT = 'Browsers never follow a redirect on a preflight, so the {{method}} request was never sent';

export default defineAdvice({
  id: 'preflight-redirect',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'A redirect answered the preflight',
    description: 'Disallow redirects on the preflight (OPTIONS): the server must answer it at the URL the page calls',
    fixTopics: ['no-redirect-on-preflight'],
    messages: {
      trailingSlashAdded: `The preflight (OPTIONS) request to {{url}} was answered {{status}} with a redirect to {{location}}: the same URL with a trailing slash added. ${NEVER_SENT}; the server's slash-appending rule answered before its CORS handling could.`,
      trailingSlashRemoved: `The preflight (OPTIONS) request to {{url}} was answered {{status}} with a redirect to {{location}}: the same URL with its trailing slash removed. ${NEVER_SENT}; the server's slash-stripping rule answered before its CORS handling could.`,
      httpsUpgrade: `The preflight (OPTIONS) request to {{url}} was answered {{status}} with a redirect to {{location}}: the same URL over https. ${NEVER_SENT}.`,
      apexWww: `The preflight (OPTIONS) request to {{url}} was answered {{status}} with a redirect from {{fromHost}} to {{toHost}} ({{location}}): a canonical-host rule that adds or removes "www.". ${NEVER_SENT}.`,
      otherHost: `The preflight (OPTIONS) request to {{url}} was answered {{status}} with a redirect to another server, {{toHost}} ({{location}}). ${NEVER_SENT}.`,
      login: `The preflight (OPTIONS) request to {{url}} was answered {{status}} with a redirect to {{location}}, which looks like a login page: an authentication layer sent the preflight off to sign in, because browsers never send cookies or an Authorization header with a preflight. ${NEVER_SENT}.`,
      other: `The preflight (OPTIONS) request to {{url}} was answered {{status}} with a redirect to {{location}}. ${NEVER_SENT}.`,
      noLocation:
        'The preflight (OPTIONS) request to {{url}} was answered {{status}}, a redirect status, without a Location header. A preflight needs a 2xx answer, so the {{method}} request was never sent.',
    },
    fixes: {
      trailingSlashAdded: [
        'Call {{location}} from the page: the URL with the trailing slash is the one the route is defined with.',
        'Or keep the server from redirecting OPTIONS: run the CORS handling before slash normalization (Django: `CorsMiddleware` above `CommonMiddleware`), or turn the redirect off (Flask `strict_slashes=False`, FastAPI `redirect_slashes=False`).',
      ],
      trailingSlashRemoved: [
        'Call {{location}} from the page: the URL without the trailing slash is the one the server answers.',
        'Or keep the rule that strips trailing slashes (an nginx or Apache rewrite, a CDN rule, a framework option) from applying to OPTIONS requests.',
      ],
      httpsUpgrade: [
        'Call the https URL from the page: {{location}}. The http URL usually comes from the API base URL in the page configuration.',
        'If the redirect is a 307 with `Non-Authoritative-Reason: HSTS`, the browser itself upgraded the request: no server change helps, only the URL in the page.',
      ],
      apexWww: [
        'Call {{location}} from the page: {{toHost}} is the host the server treats as canonical.',
        'Or exempt the API (at least OPTIONS requests) from the canonical-host redirect (Django `PREPEND_WWW`, an nginx `return 301` server block, a CDN redirect rule).',
      ],
      otherHost: [
        'Call {{location}} from the page directly, if {{toHost}} is where the API lives now (a moved API, an old hostname).',
        'Otherwise find what sends the redirect (a proxy, load balancer or CDN rule) and keep it from redirecting OPTIONS requests.',
      ],
      login: [
        'Let OPTIONS requests through the authentication layer: answer preflights in the CORS handling before the login redirect can run (Spring Security: `http.cors(...)`; nginx `auth_request`: answer OPTIONS before it).',
        'Make the API answer unauthenticated calls with 401 instead of a redirect to a login page: a script cannot follow a login page, and the redirect hides the real problem.',
      ],
      other: [
        'Call {{location}} from the page, if that is the resource the page means.',
        'Otherwise keep the server from redirecting OPTIONS requests: answer them with 204 No Content and the CORS headers before any redirect rule runs.',
      ],
      noLocation: [
        'Answer OPTIONS on {{url}} with 204 No Content and the CORS headers, before whatever produced the {{status}} runs.',
      ],
    },
  },
  check({ exchange, verdict }) {
    const failure = verdict.failure;
    // Chromium fails a redirected preflight at once (preflight-redirect-disallowed); Firefox CORS-checks the 3xx
    // first, so a 3xx without a matching Access-Control-Allow-Origin fails an allow-origin check instead.
    if (!failure || failure.stage !== 'preflight') return [];
    const preflight = failure.entry;
    if (!preflight || !isRedirectStatus(preflight.status)) return [];
    const hop = exchange.hops[failure.hop];
    const method = hop?.method ?? exchange.method;
    const status = statusLine(preflight);
    const statusEvidence: Evidence = {
      entry: preflight.index,
      role: 'preflight',
      location: 'status',
      actual: status,
      expected: '2xx',
    };
    const location = preflight.redirectUrl;
    if (location === null) {
      return [{ messageId: 'noLocation', data: { url: preflight.url, status, method }, evidence: [statusEvidence] }];
    }
    const redirect = classifyRedirect(preflight.url, location);
    const headers = preflight.responseHeaders;
    const evidence: Evidence[] = [
      statusEvidence,
      {
        entry: preflight.index,
        role: 'preflight',
        location: 'response-header',
        name: headers.displayName('location'),
        actual: headers.get('location') ?? location,
      },
      {
        entry: preflight.index,
        role: 'preflight',
        location: 'url',
        actual: preflight.url,
        ...(CALL_TARGET.has(redirect.kind) ? { expected: location } : {}),
      },
    ];
    return [
      {
        messageId: MESSAGE[redirect.kind],
        data: {
          url: preflight.url,
          status,
          location,
          method,
          fromHost: redirect.fromHost,
          toHost: redirect.toHost,
        },
        evidence,
      },
    ];
  },
});
