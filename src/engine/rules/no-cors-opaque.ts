import { defineAdvice } from './define-rule';

export default defineAdvice({
  id: 'no-cors-opaque',
  meta: {
    severity: 'warning',
    title: 'Opaque response: a no-cors request cannot be read',
    description:
      'Disallow `mode: "no-cors"` for data the page needs to read: it yields an opaque response with status 0 and no body',
    messages: {
      opaque:
        'This {{method}} request to {{url}} was made with `mode: "no-cors"`. The browser sends it without CORS and gives the script an opaque response: status 0, no headers, no body, even though the server answered {{status}}.',
    },
    fixes: {
      opaque: [
        'Drop `mode: "no-cors"` and make the server send `Access-Control-Allow-Origin: {{origin}}`; no-cors only suits fire-and-forget requests.',
      ],
    },
  },
  check({ exchange }) {
    const entry = exchange.hops[0]?.entry;
    if (exchange.mode !== 'no-cors' || !exchange.crossOrigin || !entry || entry.status === 0) return [];
    // Only fetch()/XHR calls: images, scripts and styles are no-cors by design.
    const dest = entry.requestHeaders.get('sec-fetch-dest');
    const isScriptCall = entry.resourceType === 'fetch' || entry.resourceType === 'xhr' || dest === 'empty';
    if (!isScriptCall) return [];
    return [
      {
        messageId: 'opaque',
        data: {
          method: exchange.method,
          url: exchange.url,
          status: String(entry.status),
          origin: exchange.origin ?? 'null',
        },
        evidence: [
          {
            entry: entry.index,
            role: 'request',
            location: 'request-header',
            name: 'Sec-Fetch-Mode',
            actual: 'no-cors',
            expected: 'cors',
          },
        ],
      },
    ];
  },
});
