import { originOf } from '../cors/origin';
import { statusLine } from '../har/entry-facts';
import type { Entry } from '../har/normalize';
import type { Evidence, Exchange, Failure, Finding } from '../model';
import { defineAdvice } from './define-rule';

type MessageId = 'taintedOrigin' | 'redirectWithoutCors' | 'authorizationDropped';

/** Allow-origin checks a tainted `Origin: null` fails: nothing allows it, or only the page origin or "*". */
const TAINT_FAILURES = new Set([
  'allow-origin-missing',
  'allow-origin-mismatch',
  'allow-origin-wildcard-with-credentials',
]);

export default defineAdvice({
  id: 'redirect-tainted-origin',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'A cross-origin redirect broke the CORS request',
    description:
      'Require every redirect response of a cross-origin request to carry CORS headers, and the server after a cross-origin redirect to allow the origin "null"',
    fixTopics: ['allow-origin'],
    messages: {
      taintedOrigin:
        'The request was redirected from {{from}} to {{to}}, a different origin, so the browser sent `Origin: null` there instead of `Origin: {{pageOrigin}}` (a tainted origin). The response from {{url}} {{allowed}}, and after such a redirect only {{accepted}} lets the page read it.',
      redirectWithoutCors:
        'The {{method}} request to {{url}} was answered with {{kind}} ({{status}}) to {{location}}, without an Access-Control-Allow-Origin header. The browser CORS-checks every redirect of a cross-origin request, so it stopped there: {{layer}} answered before the CORS headers were added.',
      authorizationDropped:
        'The request to {{from}} carried an Authorization header, but the {{status}} redirect sent it on to {{to}}, another origin, and browsers drop Authorization on a cross-origin redirect. So {{to}} got the request without it and answered {{answer}}.',
    },
    fixes: {
      taintedOrigin: [
        'Call {{finalUrl}} directly from the page (change the API base URL to where the redirect leads), so the request keeps `Origin: {{pageOrigin}}`.',
        'If the redirect must stay, {{serverFix}}.',
      ],
      redirectWithoutCors: [
        'Avoid the redirect: {{avoid}}.',
        'If the redirect must stay, send `Access-Control-Allow-Origin: {{pageOrigin}}` on the redirect response too, from the layer that produces it.',
      ],
      authorizationDropped: [
        'Call {{to}} directly with the Authorization header instead of going through the redirect.',
        'Or keep the API on one origin: a redirect within the same origin keeps the Authorization header.',
      ],
    },
  },
  check({ exchange, verdict }) {
    const findings: (Finding & { messageId: MessageId })[] = [];
    const failure = verdict.failure;
    const pageOrigin = exchange.origin;
    if (failure && pageOrigin && pageOrigin !== 'null' && failure.entry) {
      const hop = exchange.hops[failure.hop];
      if (hop?.origin === 'null' && TAINT_FAILURES.has(failure.rule)) {
        const tainted = taintedOrigin(exchange, failure, failure.entry, pageOrigin, verdict.credentials);
        if (tainted) findings.push(tainted);
      } else if (failure.stage === 'redirect' && failure.rule === 'allow-origin-missing') {
        findings.push(redirectWithoutCors(exchange, failure, failure.entry, pageOrigin));
      }
    }
    const dropped = authorizationDropped(exchange);
    if (dropped) findings.push(dropped);
    return findings;
  },
});

function taintedOrigin(
  exchange: Exchange,
  failure: Failure,
  entry: Entry,
  pageOrigin: string,
  credentials: boolean,
): (Finding & { messageId: 'taintedOrigin' }) | null {
  // The hop where the Origin turned "null", and the 3xx that led there.
  const taintedAt = exchange.hops.findIndex((hop) => hop.origin === 'null');
  const redirect = exchange.hops[taintedAt - 1]?.entry;
  const target = exchange.hops[taintedAt];
  if (taintedAt < 1 || !redirect || !target) return null;
  const allowOrigin = entry.responseHeaders.get('access-control-allow-origin');
  const allowed =
    allowOrigin === null
      ? 'has no Access-Control-Allow-Origin header'
      : allowOrigin === '*'
        ? 'allows "*", which does not cover a request with credentials'
        : `allows "${allowOrigin}", not "null"`;
  const failingOrigin = originOf(entry.url) ?? entry.url;
  const evidence: Evidence[] = [
    {
      entry: redirect.index,
      role: taintedAt - 1 > 0 ? 'redirect' : 'request',
      location: 'response-header',
      name: redirect.responseHeaders.displayName('location'),
      actual: redirect.responseHeaders.get('location') ?? redirect.redirectUrl,
    },
  ];
  const sentOrigin = target.entry?.requestHeaders.get('origin') ?? null;
  if (target.entry && sentOrigin !== null) {
    evidence.push({
      entry: target.entry.index,
      role: 'redirect',
      location: 'request-header',
      name: target.entry.requestHeaders.displayName('origin'),
      actual: sentOrigin,
    });
  }
  evidence.push({
    entry: entry.index,
    role: failure.stage === 'preflight' ? 'preflight' : 'redirect',
    location: 'response-header',
    name: entry.responseHeaders.displayName('access-control-allow-origin'),
    actual: allowOrigin,
    expected: credentials ? 'null' : '*',
  });
  return {
    messageId: 'taintedOrigin',
    data: {
      from: redirect.url,
      to: target.url,
      pageOrigin,
      url: entry.url,
      allowed,
      accepted: credentials
        ? '`Access-Control-Allow-Origin: null` with `Access-Control-Allow-Credentials: true`'
        : '`Access-Control-Allow-Origin: *` (or `null`)',
      finalUrl: exchange.hops[exchange.hops.length - 1]?.url ?? entry.url,
      serverFix: credentials
        ? `${failingOrigin} has to answer \`Access-Control-Allow-Origin: null\` with \`Access-Control-Allow-Credentials: true\`; beware that every sandboxed iframe and file: page sends \`Origin: null\` too, so never do this for private data`
        : `have ${failingOrigin} answer \`Access-Control-Allow-Origin: *\`: the request carries no credentials, so the wildcard covers \`Origin: null\``,
    },
    evidence,
  };
}

/** What kind of redirect a 3xx is, the layer that usually sends it, and how to do without it. */
function describeRedirect(url: string, location: string): { kind: string; layer: string; avoid: string } {
  let from: URL;
  let to: URL;
  try {
    from = new URL(url);
    to = new URL(location);
  } catch {
    return { kind: 'a redirect', layer: 'whatever sent the redirect', avoid: `call ${location} directly` };
  }
  const samePath = from.pathname === to.pathname && from.search === to.search;
  if (from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && samePath) {
    return {
      kind: 'an http-to-https redirect',
      layer: 'the proxy or framework that forces https',
      avoid: `put the https URL (${location}) in the page's API base URL`,
    };
  }
  if (from.host === to.host && from.search === to.search && trimSlash(from.pathname) === trimSlash(to.pathname)) {
    return {
      kind: 'a trailing-slash redirect',
      layer: "the router's trailing-slash normalisation",
      avoid: `call ${location} exactly as the server spells it, or turn off the trailing-slash redirect for the API`,
    };
  }
  if (from.hostname.replace(/^www\./, '') === to.hostname.replace(/^www\./, '') && from.hostname !== to.hostname) {
    return {
      kind: 'a canonical-host redirect',
      layer: "the web server's canonical-host rule",
      avoid: `call the canonical host (${to.origin}) directly`,
    };
  }
  if (
    /(^|[/._-])(login|log-in|signin|sign-in|sso|oauth2?|saml|auth|authorize|session)([/._-]|$)/i.test(
      to.hostname + to.pathname,
    )
  ) {
    return {
      kind: 'a login redirect',
      layer: 'the authentication layer',
      avoid:
        'send the credentials the API expects, and make the API answer 401 to unauthenticated calls instead of redirecting them to a login page',
    };
  }
  return {
    kind: from.origin === to.origin ? 'a redirect' : 'a cross-origin redirect',
    layer: 'the server or proxy that sent the redirect',
    avoid: `call ${location} directly from the page`,
  };
}

function redirectWithoutCors(
  exchange: Exchange,
  failure: Failure,
  entry: Entry,
  pageOrigin: string,
): Finding & { messageId: 'redirectWithoutCors' } {
  const location = entry.redirectUrl ?? entry.responseHeaders.get('location') ?? '(no Location)';
  const hop = exchange.hops[failure.hop];
  return {
    messageId: 'redirectWithoutCors',
    data: {
      method: hop?.method ?? exchange.method,
      url: entry.url,
      status: statusLine(entry),
      location,
      pageOrigin,
      ...describeRedirect(entry.url, location),
    },
    evidence: [
      {
        entry: entry.index,
        role: failure.hop > 0 ? 'redirect' : 'request',
        location: 'response-header',
        name: entry.responseHeaders.displayName('access-control-allow-origin'),
        actual: null,
        expected: hop?.origin ?? pageOrigin,
      },
      {
        entry: entry.index,
        role: failure.hop > 0 ? 'redirect' : 'request',
        location: 'response-header',
        name: entry.responseHeaders.displayName('location'),
        actual: location,
      },
    ],
  };
}

/** R11: a cross-origin hop deletes Authorization, so the next server sees an unauthenticated request. */
function authorizationDropped(exchange: Exchange): (Finding & { messageId: 'authorizationDropped' }) | null {
  for (let i = 1; i < exchange.hops.length; i++) {
    const previous = exchange.hops[i - 1]?.entry;
    const next = exchange.hops[i]?.entry;
    if (!previous || !next || next.status !== 401) continue;
    const authorization = previous.requestHeaders.get('authorization');
    if (authorization === null || next.requestHeaders.has('authorization')) continue;
    if (originOf(previous.url) === originOf(next.url)) continue;
    const scheme = authorization.trim().split(/\s+/)[0] ?? '';
    return {
      messageId: 'authorizationDropped',
      data: {
        from: previous.url,
        to: next.url,
        status: String(previous.status),
        answer: statusLine(next),
      },
      evidence: [
        {
          entry: previous.index,
          role: i - 1 > 0 ? 'redirect' : 'request',
          location: 'request-header',
          name: previous.requestHeaders.displayName('authorization'),
          // The scheme only: the credentials themselves stay out of reports.
          actual: scheme ? `${scheme} …` : '…',
        },
        {
          entry: next.index,
          role: 'redirect',
          location: 'request-header',
          name: 'Authorization',
          actual: null,
        },
        { entry: next.index, role: 'redirect', location: 'status', actual: statusLine(next), expected: '2xx' },
      ],
    };
  }
  return null;
}

function trimSlash(path: string): string {
  return path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path;
}
