import type { Evidence } from '../model';
import { redactValue } from '../redact';
import { defineAdvice } from './define-rule';
import { describeCheck, failureContext, responseHeaderEvidence } from './support';

type MessageId = 'wildcardOrigin' | 'wildcardHeaders' | 'wildcardMethods';

const CLIENT_OPTION_ADVICE =
  'If the endpoint needs neither cookies nor HTTP authentication, remove {{clientSetting}} from the page instead: without credentials, "*" works as a wildcard.';

export default defineAdvice<MessageId>({
  id: 'credentials-wildcard',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'A request with credentials met a wildcard CORS response',
    description:
      'Require a request with credentials to be answered with its exact origin, Access-Control-Allow-Credentials: true and explicit header and method lists, never "*"',
    fixTopics: ['allow-credentials'],
    messages: {
      wildcardOrigin:
        'The request to {{url}} was sent with credentials, which the page asks for with {{clientSetting}}. {{credentialsEvidence}} {{what}} answered `Access-Control-Allow-Origin: *`{{acacNote}}, and for a request with credentials "*" is not a wildcard: it matches no origin, so the browser {{consequence}}.',
      wildcardHeaders:
        'The request to {{url}} was sent with credentials, which the page asks for with {{clientSetting}}. {{credentialsEvidence}} Its preflight response allows the request headers with `Access-Control-Allow-Headers: *`, and for a request with credentials "*" is just a header named "*", so {{header}} is not allowed and the browser {{consequence}}.',
      wildcardMethods:
        'The request to {{url}} was sent with credentials, which the page asks for with {{clientSetting}}. {{credentialsEvidence}} Its preflight response allows the methods with `Access-Control-Allow-Methods: *`, and for a request with credentials "*" is just a method named "*", so {{method}} is not allowed and the browser {{consequence}}.',
    },
    fixes: {
      wildcardOrigin: [
        'Send the exact origin instead of "*": `Access-Control-Allow-Origin: {{origin}}`, with `Access-Control-Allow-Credentials: true` and `Vary: Origin` (the value now depends on the request).',
        'With several allowed origins, compare the request\'s Origin with the list and send back the match; never reflect every Origin with credentials. Spring: `allowedOriginPatterns` instead of `allowedOrigins("*")` with `allowCredentials(true)`. ASP.NET Core: `WithOrigins(...)` with `AllowCredentials()`. Express cors: `origin: [...]` with `credentials: true`.',
        CLIENT_OPTION_ADVICE,
      ],
      wildcardHeaders: [
        'List the request headers by name on the preflight response: `Access-Control-Allow-Headers: {{suggested}}`, together with `Access-Control-Allow-Origin: {{origin}}` and `Access-Control-Allow-Credentials: true`.',
        CLIENT_OPTION_ADVICE,
      ],
      wildcardMethods: [
        'List the methods by name on the preflight response: `Access-Control-Allow-Methods: {{suggested}}`, together with `Access-Control-Allow-Origin: {{origin}}` and `Access-Control-Allow-Credentials: true`.',
        CLIENT_OPTION_ADVICE,
      ],
    },
  },
  check({ exchange, verdict, credentials }) {
    const failure = verdict.failure;
    if (!failure) return [];
    const wildcardList = failure.finding.messageId === 'wildcardWithCredentials';
    let messageId: MessageId;
    if (failure.rule === 'allow-origin-wildcard-with-credentials') messageId = 'wildcardOrigin';
    else if (failure.rule === 'header-not-allowed' && wildcardList) messageId = 'wildcardHeaders';
    else if (failure.rule === 'method-not-allowed' && wildcardList) messageId = 'wildcardMethods';
    else return [];
    const entry = failure.entry;
    const hop = exchange.hops[failure.hop];
    if (!entry || !hop) return [];

    const ctx = failureContext(exchange, verdict);
    if (!ctx) return [];
    const { what, consequence } = describeCheck(ctx);
    const found = failure.finding.data;
    const data = {
      url: hop.url,
      what,
      consequence,
      origin: hop.origin,
      clientSetting: clientSetting(exchange.resourceType),
      credentialsEvidence:
        credentials.mode === 'include'
          ? credentials.evidence
          : 'The verdict assumes credentials, because only a request with credentials fails this way.',
      acacNote:
        entry.responseHeaders.get('access-control-allow-credentials') === 'true'
          ? ' together with `Access-Control-Allow-Credentials: true`, so the server means to accept credentials'
          : '',
      header: found.header ?? '',
      method: found.method ?? hop.method,
      suggested: found.suggested ?? '',
    };
    const header = {
      wildcardOrigin: 'access-control-allow-origin',
      wildcardHeaders: 'access-control-allow-headers',
      wildcardMethods: 'access-control-allow-methods',
    }[messageId];
    const evidence: Evidence[] = [
      responseHeaderEvidence(ctx, header, messageId === 'wildcardOrigin' ? hop.origin : data.suggested),
    ];
    const withCookie = exchange.hops.map((h) => h.entry).find((e) => e !== null && e.requestHeaders.has('cookie'));
    if (withCookie) {
      evidence.push({
        entry: withCookie.index,
        role: withCookie === exchange.hops[0]?.entry ? 'request' : 'redirect',
        location: 'request-header',
        name: withCookie.requestHeaders.displayName('cookie'),
        actual: redactValue('cookie', withCookie.requestHeaders.get('cookie') ?? ''),
      });
    }
    return [{ messageId, data, evidence }];
  },
});

/** How the page asked for credentials, by the kind of request the capture shows. */
function clientSetting(resourceType: string | null): string {
  switch (resourceType) {
    case 'xhr':
      return '`withCredentials = true` on the XMLHttpRequest (axios: `withCredentials: true`)';
    case 'fetch':
      return "`credentials: 'include'` in the fetch() call";
    case 'script':
    case 'stylesheet':
    case 'image':
    case 'media':
      return 'the `crossorigin="use-credentials"` attribute on the element';
    default:
      return "`credentials: 'include'` (fetch) or `withCredentials = true` (XMLHttpRequest, axios)";
  }
}
