import { failedCheckCacheMixup, STORED_COPY, type CacheMixup } from '../cors/http-cache';
import { statusLine } from '../har/entry-facts';
import type { Evidence } from '../model';
import { defineAdvice } from './define-rule';
import { describeCheck, failureContext, responseHeaderEvidence, roleOf } from './support';

type MessageId = 'cachedForAnotherOrigin' | 'cachedWithoutAllowOrigin' | 'cacheIgnoresVary';

const MESSAGE_OF: Record<CacheMixup['kind'], MessageId> = {
  'another-origin': 'cachedForAnotherOrigin',
  'no-allow-origin': 'cachedWithoutAllowOrigin',
  'vary-ignored': 'cacheIgnoresVary',
};

const PURGE =
  'Then purge the cached copies of {{url}} (a CDN purge; in the browser, DevTools "Disable cache" or a hard reload), so the wrong copy is gone.';

export default defineAdvice<MessageId>({
  id: 'cache-missing-vary-origin',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'A cache served a response made for another origin',
    description:
      'Require "Vary: Origin" on every response whose Access-Control-Allow-Origin depends on the request, so caches keep one copy per origin',
    fixTopics: ['vary-origin'],
    messages: {
      cachedForAnotherOrigin:
        '{{what}} from {{url}} was served from {{cache}} ({{cacheSign}}) and allows "{{value}}", not this page\'s origin {{origin}}: the copy was stored for a request from {{value}}.{{proofNote}} The response does not say `Vary: Origin`, so the cache did not tell the two origins apart, and the browser {{consequence}}.',
      cachedWithoutAllowOrigin:
        '{{what}} from {{url}} was served from {{cache}} ({{cacheSign}}) without Access-Control-Allow-Origin, although the server does send that header (entry {{proofEntry}}: {{proofValue}}). The copy was most likely stored from a request that needed no CORS headers, such as an <img>, a <script> or a page load of the same URL, and the response does not say `Vary: Origin`, so the cache handed it to this CORS request and the browser {{consequence}}.',
      cacheIgnoresVary:
        '{{what}} from {{url}} was served from {{cache}} ({{cacheSign}}) and allows "{{value}}", not this page\'s origin {{origin}}, although it says `Vary: Origin`.{{proofNote}} The cache does not key its copies on the Origin header, so it handed a copy made for {{value}} to this page, and the browser {{consequence}}.',
    },
    fixes: {
      cachedForAnotherOrigin: [
        'Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request, and to the responses of the same URL that carry no CORS headers, so no cache reuses a copy across origins.',
        PURGE,
        'If the response is the same for every origin and needs no credentials, send `Access-Control-Allow-Origin: *` instead: a constant value needs no Vary.',
      ],
      cachedWithoutAllowOrigin: [
        'Send `Vary: Origin` on every response of this URL, with or without CORS headers, so a copy stored for a request without Origin is never reused for a CORS request.',
        'Or send the same CORS headers on every response of this URL, whether or not the request had an Origin header (`*`, or one fixed origin).',
        PURGE,
      ],
      cacheIgnoresVary: [
        'Make the cache key its copies on the Origin header. CloudFront: include Origin in the cache policy (or use the managed CORS-CustomOrigin / CORS-S3Origin origin request policy with a cache policy that keys on it). Cloudflare ignores Vary except for images: bypass the cache for these responses with a Cache Rule, or add Origin to the cache key where the plan allows.',
        'If the response is the same for every origin and needs no credentials, send `Access-Control-Allow-Origin: *` instead, which every cache can share.',
        PURGE,
      ],
    },
  },
  check({ exchange, verdict, capture }) {
    const failure = verdict.failure;
    if (!failure || (failure.rule !== 'allow-origin-mismatch' && failure.rule !== 'allow-origin-missing')) return [];
    const entry = failure.entry;
    const hop = exchange.hops[failure.hop];
    if (!entry || !hop) return [];
    const mixup = failedCheckCacheMixup(hop, entry, failure.stage, capture);
    if (!mixup || (mixup.kind === 'no-allow-origin') !== (failure.rule === 'allow-origin-missing')) return [];
    // The verdict checked the copy an earlier response stored, because the request shows no response of its own.
    const reused = mixup.hit.field === STORED_COPY ? hop.entry : null;

    const ctx = failureContext(exchange, verdict);
    if (!ctx) return [];
    const { what, url, consequence } = describeCheck(ctx);
    const { hit, proof } = mixup;
    const HAR_FIELDS: Record<string, { status: string; sign: string }> = {
      _fromCache: { status: `from ${hit.value} cache`, sign: `HAR _fromCache: "${hit.value}"` },
      _transferSize: { status: '0 bytes transferred', sign: 'HAR _transferSize: 0' },
      serverIPAddress: {
        status: 'no server address: not from the network',
        sign: "no serverIPAddress in the HAR, unlike the server's other responses",
      },
      [STORED_COPY]: {
        status: `no response from the network: the browser reused the copy entry ${entry.index} stored`,
        sign: `the request shows no response of its own, and entry ${entry.index} stored a fresh copy of this URL just before`,
      },
    };
    const harField = HAR_FIELDS[hit.field];
    const headerSign = !harField;
    const evidence: Evidence[] = [
      responseHeaderEvidence(ctx, 'access-control-allow-origin', hop.origin),
      headerSign
        ? {
            entry: entry.index,
            role: roleOf(ctx),
            location: 'response-header',
            name: hit.field,
            actual: hit.value,
          }
        : {
            entry: (reused ?? entry).index,
            role: roleOf(ctx),
            location: 'status',
            actual: `${statusLine(reused ?? entry)} (${harField?.status ?? ''})`,
          },
      mixup.kind === 'vary-ignored'
        ? responseHeaderEvidence(ctx, 'Vary')
        : responseHeaderEvidence(ctx, 'Vary', 'Origin'),
    ];
    if (reused) evidence.push(responseHeaderEvidence(ctx, 'Cache-Control'));
    if (proof) {
      evidence.push({
        entry: proof.index,
        role: 'request',
        location: 'response-header',
        name: proof.responseHeaders.displayName('access-control-allow-origin'),
        actual: proof.responseHeaders.get('access-control-allow-origin'),
      });
    }
    const data = {
      what,
      url,
      consequence,
      origin: hop.origin,
      value: mixup.value ?? '',
      cache: hit.description,
      cacheSign: harField?.sign ?? `${hit.field}: ${hit.value}`,
      proofNote: proof
        ? ` A response of the same server that did not come from a cache allows ${hop.origin} (entry ${proof.index}).`
        : '',
      proofEntry: proof ? String(proof.index) : '',
      proofValue: proof
        ? `Access-Control-Allow-Origin: ${proof.responseHeaders.get('access-control-allow-origin') ?? ''}`
        : '',
    };
    return [{ messageId: MESSAGE_OF[mixup.kind], data, evidence }];
  },
});
