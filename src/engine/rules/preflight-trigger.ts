import { parseMimeEssence, whyNotSafelisted } from '../cors/safelist';
import type { Entry } from '../har/normalize';
import type { Evidence, Hop, PreflightReason } from '../model';
import { defineAdvice } from './define-rule';

/** Header names that are CORS-safelisted when their value is (R2): anything else always needs a preflight. */
const SAFELISTED_NAMES = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);

/** One reason, as the message states it and as the fix would remove it. */
interface Explained {
  readonly why: string;
  readonly avoid: string;
}

export default defineAdvice({
  id: 'preflight-trigger',
  meta: {
    severity: 'info',
    title: 'This request needed a preflight',
    description:
      'Require a preflight (OPTIONS) before a cross-origin request whose method is not GET, HEAD or POST, or that sends a header that is not CORS-safelisted',
    messages: {
      triggered: 'This {{method}} request to {{url}} needed a preflight (OPTIONS) because of {{reasons}}.',
      forced:
        'The browser sent a preflight (OPTIONS) for this {{method}} request to {{url}} although its method and headers are all CORS-safelisted: that happens when an XMLHttpRequest has upload event listeners, or when fetch() sends a stream as the body.',
    },
    fixes: {
      triggered: [
        'If the preflight is not intended, remove every reason for it: {{avoid}}.',
        'When the preflight has to stay, the server must answer it, and `Access-Control-Max-Age: 600` on the OPTIONS response lets the browser reuse it for 10 minutes (Chromium caps it at 2 hours, Firefox at 24).',
      ],
      forced: [
        'If the upload progress events are not needed, remove the `xhr.upload` listeners (or send the body as a string or Blob instead of a ReadableStream) and the preflight goes away.',
        'Otherwise the server must answer the preflight, and `Access-Control-Max-Age: 600` on the OPTIONS response lets the browser reuse it for 10 minutes.',
      ],
    },
  },
  check({ exchange }) {
    const hop = exchange.hops[0];
    if (!hop || !hop.corsChecked || exchange.mode !== 'cors') return [];
    const base = { method: hop.method, url: hop.url };

    if (hop.preflightReasons.length === 0) {
      // A preflight for a request with nothing unsafe: the use-CORS-preflight flag (R5) was set.
      if (hop.preflightState !== 'observed' || !hop.preflight) return [];
      return [{ messageId: 'forced', data: base, evidence: [requestMethodEvidence(hop.preflight)] }];
    }

    const explained = hop.preflightReasons.map((reason) => explain(reason, hop));
    return [
      {
        messageId: 'triggered',
        data: {
          ...base,
          reasons: explained.map((e) => e.why).join('; '),
          avoid: explained.map((e) => e.avoid).join('; '),
        },
        evidence: reasonEvidence(hop),
      },
    ];
  },
});

function explain(reason: PreflightReason, hop: Hop): Explained {
  if (reason.kind === 'method') {
    return {
      why: `the ${reason.method} method (only GET, HEAD and POST go without one)`,
      avoid: `use POST (or GET, for a read) instead of ${reason.method}, if the API offers it`,
    };
  }
  const value = hop.entry?.requestHeaders.get(reason.name) ?? null;
  const header = displayName(reason.name, hop.entry);
  if (reason.name === 'authorization') {
    return {
      why: 'the Authorization header (never CORS-safelisted)',
      avoid: 'a token in the Authorization header always costs a preflight, whatever else changes',
    };
  }
  if (!SAFELISTED_NAMES.has(reason.name)) {
    return {
      why: `the ${header} header (not CORS-safelisted)`,
      avoid: `drop the ${header} header, if the server does not need it`,
    };
  }
  if (reason.name === 'content-type' && value !== null && hasUnsafeEssence(value)) {
    return {
      why: `the ${header} ${value} (only application/x-www-form-urlencoded, multipart/form-data and text/plain go without one)`,
      avoid: `send the body as text/plain instead of ${value}, if the server accepts it (a string body in fetch() without a Content-Type header goes out as text/plain;charset=UTF-8)`,
    };
  }
  if (value === null) {
    return {
      why: `the ${header} header, with a value that is not CORS-safelisted (the capture does not show it)`,
      avoid:
        reason.name === 'content-type'
          ? 'send the body as text/plain, if the server accepts it'
          : `give the ${header} header a CORS-safelisted value, or drop it`,
    };
  }
  return {
    why: `the ${header} header (${reason.reason})`,
    avoid: `give the ${header} header a CORS-safelisted value, or drop it`,
  };
}

/** A Content-Type that parses, as a type other than the three safelisted ones (application/json…). */
function hasUnsafeEssence(value: string): boolean {
  const essence = parseMimeEssence(value);
  return essence !== null && whyNotSafelisted('content-type', essence) !== null;
}

/** The header name as the request wrote it, or in the usual capitalization when the request does not show it. */
function displayName(name: string, entry: Entry | null): string {
  if (entry?.requestHeaders.has(name)) return entry.requestHeaders.displayName(name);
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

function requestMethodEvidence(preflight: Entry): Evidence {
  return {
    entry: preflight.index,
    role: 'preflight',
    location: 'request-header',
    name: preflight.requestHeaders.displayName('access-control-request-method'),
    actual: preflight.requestHeaders.get('access-control-request-method'),
  };
}

/** The method on the preflight, each unsafe header on the request when the capture shows it, and the list the
 * preflight sent (or the request's URL when there is no preflight to point at). */
function reasonEvidence(hop: Hop): Evidence[] {
  const evidence: Evidence[] = [];
  for (const reason of hop.preflightReasons) {
    if (reason.kind === 'header' && hop.entry?.requestHeaders.has(reason.name)) {
      evidence.push({
        entry: hop.entry.index,
        role: 'request',
        location: 'request-header',
        name: hop.entry.requestHeaders.displayName(reason.name),
        actual: hop.entry.requestHeaders.get(reason.name),
      });
    }
  }
  if (hop.preflight) {
    if (hop.preflightReasons.some((r) => r.kind === 'method')) evidence.unshift(requestMethodEvidence(hop.preflight));
    if (hop.preflight.requestHeaders.has('access-control-request-headers')) {
      evidence.push({
        entry: hop.preflight.index,
        role: 'preflight',
        location: 'request-header',
        name: hop.preflight.requestHeaders.displayName('access-control-request-headers'),
        actual: hop.preflight.requestHeaders.get('access-control-request-headers'),
      });
    }
  } else if (hop.entry && hop.preflightReasons.some((r) => r.kind === 'method')) {
    evidence.unshift({ entry: hop.entry.index, role: 'request', location: 'url', actual: hop.url });
  }
  return evidence;
}
