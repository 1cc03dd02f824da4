// Small random captures with dense, colliding timings (equal start times, missing ones, redirects to the same URL,
// preflights asking for other headers): the cases where pairing order and tie-breaks decide. Deterministic per seed.
import type { RawHarEntry } from '../../src/engine';

export function randomCapture(seed: number, count: number): RawHarEntry[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const urls = [
    'https://api.x.example/a',
    'https://api.x.example/b',
    'https://cdn.y.example/c',
    'https://app.z.example/d',
  ];
  const epoch = Date.parse('2026-01-01T00:00:00Z');
  const entries: RawHarEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = epoch + Math.floor(random() * 200) * pick([1, 1, 1, 10, 100]);
    const startedDateTime = random() < 0.05 ? undefined : new Date(at).toISOString();
    const url = pick(urls);
    const origin = () =>
      random() < 0.7
        ? [{ name: 'Origin', value: pick(['https://app.z.example', 'null', 'https://other.w.example']) }]
        : [];
    const allowOrigin = () =>
      random() < 0.6 ? [{ name: 'Access-Control-Allow-Origin', value: pick(['*', 'https://app.z.example']) }] : [];
    if (random() < 0.3) {
      const requested = pick(['', 'content-type', 'authorization,content-type', 'x-a']);
      entries.push({
        startedDateTime,
        request: {
          method: 'OPTIONS',
          url,
          headers: [
            ...origin(),
            { name: 'Access-Control-Request-Method', value: pick(['PUT', 'POST', 'GET', 'put']) },
            ...(requested ? [{ name: 'Access-Control-Request-Headers', value: requested }] : []),
          ],
        },
        response: { status: pick([204, 200, 404, 0, 301]), headers: allowOrigin(), _error: null },
        _resourceType: random() < 0.8 ? 'preflight' : 'other',
      });
      continue;
    }
    const status = pick([200, 200, 0, 302, 301, 307, 500]);
    const target = pick(urls);
    const redirect = status >= 300 && status < 400;
    entries.push({
      startedDateTime,
      request: {
        method: pick(['GET', 'PUT', 'POST', 'put']),
        url,
        headers: [
          ...origin(),
          ...pick([
            [],
            [{ name: 'Content-Type', value: 'application/json' }],
            [
              { name: 'Authorization', value: 'Bearer x' },
              { name: 'Content-Type', value: 'application/json' },
            ],
            [{ name: 'X-A', value: '1' }],
            [{ name: 'Cookie', value: 'a=1' }],
          ]),
        ],
      },
      response: {
        status,
        headers: [
          ...allowOrigin(),
          ...(redirect ? [{ name: 'Location', value: target }] : []),
          ...(random() < 0.3 ? [{ name: 'Server', value: pick(['nginx', 'cloudflare', 'Kestrel']) }] : []),
          ...(random() < 0.2 ? [{ name: 'X-Powered-By', value: pick(['Express', 'Next.js']) }] : []),
          ...(random() < 0.2 ? [{ name: 'Age', value: '60' }] : []),
          ...(random() < 0.1 ? [{ name: 'Set-Cookie', value: 'sid=1; SameSite=Lax' }] : []),
        ],
        redirectURL: redirect && random() < 0.5 ? target : '',
        _error: status === 0 ? pick(['net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED']) : null,
      },
      serverIPAddress: pick(['', '203.0.113.7', '10.0.0.2', '127.0.0.1']),
      _resourceType: pick(['fetch', 'xhr', 'document', 'script']),
    });
  }
  return entries;
}

/** A deterministic shuffle (Fisher–Yates with a small LCG). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
