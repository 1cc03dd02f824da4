import { isRedirectStatus } from '../har/entry-facts';
import type { Entry } from '../har/normalize';
import type { Evidence, Hop, Stage } from '../model';
import { defineAdvice, type CheckContext } from './define-rule';
import { describeCheck, responseHeaderEvidence } from './support';

export default defineAdvice({
  id: 'allow-origin-null',
  meta: {
    severity: 'warning',
    title: 'Access-Control-Allow-Origin allows the "null" origin',
    description:
      'Disallow "Access-Control-Allow-Origin: null": every sandboxed iframe, data: URL and local file has that origin, so any website can match it',
    fixTopics: ['allow-origin'],
    messages: {
      allowsNull:
        '{{what}} from {{url}} sends `Access-Control-Allow-Origin: null` to a request from {{origin}}. That never matches {{origin}}, but it does match every document with an opaque origin (a sandboxed iframe, a data: URL, a local file), and any website can create one of those, so any website can read this response.',
      originWasNull:
        '{{what}} from {{url}} answers `Access-Control-Allow-Origin: null` to a request that carried `Origin: null` {{reason}}. That matches, as the CORS protocol intends, but the same header lets every document with an opaque origin read this response: a sandboxed iframe any website can embed, a data: URL or a local file. On a production API it allows far more than this one page.',
      withCredentials:
        "{{what}} from {{url}} sends `Access-Control-Allow-Origin: null` together with `Access-Control-Allow-Credentials: true`. Any website can create a document whose origin is null (a sandboxed iframe, a data: URL) and have it send the user's cookies to {{url}} and read the answer.",
    },
    fixes: {
      allowsNull: [
        'Send the page\'s real origin instead: `Access-Control-Allow-Origin: {{origin}}`. A server that echoes the Origin header echoes "null" too; check the origin against an allowlist before sending it back, and never put "null" in that list.',
      ],
      originWasNull: [
        'If the null origin comes from a redirect to another origin, request the final URL directly, so the browser sends the real origin and the server can allow exactly that one.',
        'If the page itself runs in a sandboxed iframe or from a local file, serve it from a real origin instead.',
        'Only a public resource is safe behind `Access-Control-Allow-Origin: null`; for one, `*` says the same thing without pretending to restrict anything.',
      ],
      withCredentials: [
        'Never combine "null" with credentials: remove "null" from the allowed origins and allow only named origins, such as the page\'s real one.',
        'If the server reflects the Origin header, compare it with an allowlist first: a reflected "null" with credentials lets any website act as the signed-in user.',
      ],
    },
  },
  check({ exchange, verdict }) {
    const hits: { hop: Hop; hopIndex: number; stage: Stage; entry: Entry }[] = [];
    exchange.hops.forEach((hop, hopIndex) => {
      if (hop.preflight && allowsNull(hop.preflight)) {
        hits.push({ hop, hopIndex, stage: 'preflight', entry: hop.preflight });
      }
      if (hop.entry && allowsNull(hop.entry)) {
        const stage = isRedirectStatus(hop.entry.status) && hop.entry.redirectUrl ? 'redirect' : 'response';
        hits.push({ hop, hopIndex, stage, entry: hop.entry });
      }
    });
    const [first] = hits;
    if (!first) return [];
    const contextOf = (hit: (typeof hits)[number]): CheckContext => ({
      exchange,
      hop: hit.hop,
      hopIndex: hit.hopIndex,
      stage: hit.stage,
      response: hit.entry,
      credentials: verdict.credentials,
      browser: verdict.browser,
    });
    const evidence: Evidence[] = hits.map((hit) =>
      responseHeaderEvidence(contextOf(hit), 'access-control-allow-origin'),
    );
    const { what, url } = describeCheck(contextOf(first));
    const credentialed = hits.find(
      (hit) => hit.entry.responseHeaders.get('access-control-allow-credentials')?.trim() === 'true',
    );
    if (credentialed) {
      evidence.push(responseHeaderEvidence(contextOf(credentialed), 'access-control-allow-credentials'));
      return [{ messageId: 'withCredentials', data: { what, url }, evidence }];
    }
    const origin = first.hop.origin;
    if (origin !== 'null') return [{ messageId: 'allowsNull', data: { what, url, origin }, evidence }];
    const redirected = exchange.origin !== null && exchange.origin !== 'null';
    return [
      {
        messageId: 'originWasNull',
        data: {
          what,
          url,
          reason: redirected
            ? `after a redirect from one cross-origin server to another (the page is ${exchange.origin ?? ''})`
            : 'because the page itself has an opaque origin (a sandboxed iframe, a data: URL or a local file)',
        },
        evidence,
      },
    ];
  },
});

function allowsNull(entry: Entry): boolean {
  return entry.responseHeaders.get('access-control-allow-origin')?.trim() === 'null';
}
