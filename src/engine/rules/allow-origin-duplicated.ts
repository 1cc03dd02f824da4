import { intermediaryOf } from '../cors/intermediaries';
import type { Evidence } from '../model';
import { defineAdvice } from './define-rule';
import { describeCheck, failureContext, responseHeaderEvidence, roleOf } from './support';

export default defineAdvice({
  id: 'allow-origin-duplicated',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'Access-Control-Allow-Origin is sent twice or as a list',
    description:
      'Require one layer to send one Access-Control-Allow-Origin header naming only the requesting origin, never the whole allowlist',
    fixTopics: ['single-allow-origin'],
    messages: {
      duplicateLines:
        '{{what}} from {{url}} carries {{count}} Access-Control-Allow-Origin header lines: {{values}}. The browser reads them as the single value "{{combined}}", which is not one origin, so it {{consequence}}. Two layers add the header, typically a reverse proxy, CDN or gateway and the application behind it.',
      duplicateLinesViaProxy:
        '{{what}} from {{url}} carries {{count}} Access-Control-Allow-Origin header lines: {{values}}. Its {{proxyHeader}} header shows that it passed through {{proxy}}, and most likely {{proxy}} adds the header while the application behind it adds it too. The browser reads them as the single value "{{combined}}", which is not one origin, so it {{consequence}}.',
      commaList:
        '{{what}} from {{url}} sends the whole list of allowed origins in one Access-Control-Allow-Origin header: "{{value}}". The header takes exactly one origin, so the browser {{consequence}}; the page\'s origin {{origin}} {{membership}}.',
    },
    fixes: {
      duplicateLines: [
        'Send the header from one layer only; {{which}}.',
        "In nginx, remove `add_header Access-Control-Allow-Origin …` when the application already sets it, or drop the application's copy with `proxy_hide_header Access-Control-Allow-Origin;`. With a gateway or ingress (AWS API Gateway, Kong, an ingress-nginx `enable-cors` annotation), turn off either its CORS feature or the application's CORS middleware.",
        'Compare the response of the application alone with the one through the proxy (`curl -si -H "Origin: {{origin}}" …`) to see which layer adds which line.',
      ],
      duplicateLinesViaProxy: [
        'Remove the CORS headers either from {{proxy}} or from the application, not both; {{which}}.',
        "In nginx, remove `add_header Access-Control-Allow-Origin …` when the application already sets it, or drop the application's copy with `proxy_hide_header Access-Control-Allow-Origin;`. In a CDN or gateway, turn off its CORS feature or response-header rule if the application handles CORS.",
      ],
      commaList: [
        "Keep the list on the server: compare the request's Origin header with it and send back only that origin, `Access-Control-Allow-Origin: {{origin}}`, with `Vary: Origin`.",
        'CORS libraries do this when given a list (Express cors `origin: [...]`, django-cors-headers CORS_ALLOWED_ORIGINS, Spring `allowedOrigins(...)`, ASP.NET Core `WithOrigins(...)`). In nginx, pick the value with a `map $http_origin $cors_origin { … }` block instead of writing the list into `add_header`.',
      ],
    },
  },
  check({ exchange, verdict }) {
    const failure = verdict.failure;
    if (!failure || (failure.rule !== 'allow-origin-multiple' && failure.rule !== 'allow-origin-mismatch')) return [];
    const entry = failure.entry;
    const hop = exchange.hops[failure.hop];
    if (!entry || !hop) return [];
    const headers = entry.responseHeaders;
    const lines = headers.values('access-control-allow-origin').map((line) => line.trim());
    const value = headers.get('access-control-allow-origin');
    if (value === null) return [];
    const items = value.split(/[\s,]+/).filter((item) => item !== '');
    // A mismatch is this rule's only when the one value is a list (Firefox reports a single "a, b" line that way).
    if (failure.rule === 'allow-origin-mismatch' && (lines.length > 1 || items.length < 2)) return [];

    const ctx = failureContext(exchange, verdict);
    if (!ctx) return [];
    const { what, url, consequence } = describeCheck(ctx);
    const origin = hop.origin;
    const evidence: Evidence[] = [responseHeaderEvidence(ctx, 'access-control-allow-origin', origin)];
    const base = { what, url, consequence, origin };

    if (lines.length > 1) {
      const data = {
        ...base,
        count: String(lines.length),
        values: listValues(lines),
        combined: value,
        which: whichToKeep(lines, origin),
      };
      const proxy = intermediaryOf(headers);
      if (!proxy) return [{ messageId: 'duplicateLines', data, evidence }];
      evidence.push({
        entry: entry.index,
        role: roleOf(ctx),
        location: 'response-header',
        name: proxy.header,
        actual: proxy.value,
      });
      return [
        {
          messageId: 'duplicateLinesViaProxy',
          data: { ...data, proxy: proxy.name, proxyHeader: proxy.header },
          evidence,
        },
      ];
    }
    if (items.length < 2) return [];
    return [
      {
        messageId: 'commaList',
        data: {
          ...base,
          value,
          membership: items.includes(origin)
            ? 'is in that list, so only the way the list is sent is wrong'
            : 'is not in that list either, so it must also be added',
        },
        evidence,
      },
    ];
  },
});

/** `"a" and "b"`, or `"a" twice` when every line is the same. */
function listValues(lines: readonly string[]): string {
  const distinct = [...new Set(lines)];
  if (distinct.length === 1) {
    return `"${distinct[0] ?? ''}" ${lines.length === 2 ? 'twice' : `${lines.length} times`}`;
  }
  const quoted = lines.map((line) => `"${line}"`);
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
}

/** Which copy to keep, as the end of "Send the header from one layer only; …". */
function whichToKeep(lines: readonly string[], origin: string): string {
  const distinct = [...new Set(lines)];
  if (distinct.length === 1) return 'the copies are identical, so keeping any one of them fixes the request';
  if (distinct.includes(origin)) {
    const others = distinct.filter((line) => line !== origin).map((line) => `"${line}"`);
    return `keep the layer that sends "${origin}" and remove the one that sends ${others.join(' and ')}`;
  }
  return `none of the copies is this page's origin ${origin}, so the layer you keep must also send that origin`;
}
