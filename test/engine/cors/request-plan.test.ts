// What a browser sends for a page's fetch(), hop by hop: preflight decision (R5), ACRM/ACRH (R3, R6), Origin
// (R12, R13) and redirects (R11). cors-doctor probe sends exactly this.
import { describe, expect, it } from 'vitest';
import {
  followRedirect,
  planHop,
  startRequest,
  type BrowserRequest,
  type FetchCall,
  type Header,
} from '../../../src/engine';

const PAGE = 'https://app.example';
const API = 'https://api.example';

function start(call: Partial<FetchCall> = {}): BrowserRequest {
  const request = startRequest({
    url: `${API}/items`,
    pageOrigin: PAGE,
    method: 'GET',
    headers: [],
    hasBody: false,
    credentials: false,
    cookie: null,
    ...call,
  });
  if ('errors' in request) throw new Error(request.errors.join('; '));
  return request;
}

const h = (line: string): Header => {
  const [name = '', ...rest] = line.split(':');
  return { name, value: rest.join(':').trim() };
};
const get = (headers: readonly Header[] | null, name: string) =>
  headers?.find((x) => x.name.toLowerCase() === name.toLowerCase())?.value ?? null;

describe('startRequest: only what a page can do', () => {
  it.each([
    [{ url: 'ftp://api.example/x' }, /not an absolute http\(s\) URL/],
    [{ pageOrigin: 'https://app.example/path' }, /not an http\(s\) origin/],
    [{ pageOrigin: 'null' }, /not an http\(s\) origin/],
    [{ method: 'TRACE' }, /forbidden method/],
    [{ method: 'GE T' }, /not a valid HTTP method/],
    [{ hasBody: true }, /GET request cannot have a body/],
    [{ headers: [h('Host: evil.example')] }, /Host is a forbidden request header/],
    [{ headers: [h('Origin: https://evil.example')] }, /sets Origin itself/],
    [{ headers: [h('Cookie: a=1')] }, /only with credentials/],
    [{ headers: [h('Sec-Fetch-Site: same-origin')] }, /Sec-\/Proxy- prefix/],
    [{ headers: [{ name: 'X-A', value: 'a\r\nInjected: 1' }] }, /CR or LF/],
  ])('%j is refused', (call, message) => {
    const result = startRequest({
      url: `${API}/items`,
      pageOrigin: PAGE,
      method: 'GET',
      headers: [],
      hasBody: false,
      credentials: false,
      cookie: null,
      ...call,
    });
    expect('errors' in result && result.errors.join('; ')).toMatch(message);
  });

  it('forgives a trailing slash on the origin and normalizes the method as fetch() does', () => {
    const request = start({ pageOrigin: 'https://app.example/', method: 'put' });
    expect(request.pageOrigin).toBe(PAGE);
    expect(request.method).toBe('PUT');
    expect(start({ method: 'patch' }).method).toBe('patch');
  });
});

describe('planHop: the preflight decision and its headers', () => {
  it('a simple GET: no preflight, Origin on the request', () => {
    const plan = planHop(start());
    expect(plan.preflightHeaders).toBeNull();
    expect(plan.preflightReasons).toEqual([]);
    expect(get(plan.requestHeaders, 'origin')).toBe(PAGE);
    expect(get(plan.requestHeaders, 'accept')).toBe('*/*');
    expect(get(plan.requestHeaders, 'sec-fetch-mode')).toBe('cors');
    expect(get(plan.requestHeaders, 'sec-fetch-site')).toBe('cross-site');
    const sameSite = start({ url: 'https://api.example.com/x', pageOrigin: 'https://app.example.com' });
    expect(get(planHop(sameSite).requestHeaders, 'sec-fetch-site')).toBe('same-site');
  });

  it('PUT with JSON and Authorization: ACRM PUT, ACRH sorted, lower-case, no spaces; no credentials on it', () => {
    const plan = planHop(
      start({
        method: 'PUT',
        headers: [h('X-Trace: 1'), h('Content-Type: application/json'), h('Authorization: Bearer t')],
        hasBody: true,
        credentials: true,
        cookie: 'sid=1',
      }),
    );
    expect(get(plan.preflightHeaders, 'access-control-request-method')).toBe('PUT');
    expect(get(plan.preflightHeaders, 'access-control-request-headers')).toBe('authorization,content-type,x-trace');
    expect(get(plan.preflightHeaders, 'origin')).toBe(PAGE);
    expect(get(plan.preflightHeaders, 'authorization')).toBeNull();
    expect(get(plan.preflightHeaders, 'cookie')).toBeNull();
    expect(get(plan.requestHeaders, 'authorization')).toBe('Bearer t');
    expect(get(plan.requestHeaders, 'cookie')).toBe('sid=1');
    expect(plan.preflightReasons.map((r) => (r.kind === 'method' ? r.method : r.name))).toEqual([
      'PUT',
      'authorization',
      'content-type',
      'x-trace',
    ]);
  });

  it('safelisted headers need no preflight; a value over 128 bytes makes one unsafe', () => {
    expect(
      planHop(start({ method: 'POST', headers: [h('Content-Type: text/plain;charset=UTF-8')] })).preflightHeaders,
    ).toBeNull();
    const many = planHop(
      start({
        headers: ['Accept', 'Accept-Language', 'Content-Language'].map((name) => ({ name, value: 'a'.repeat(100) })),
      }),
    );
    expect(many.preflightHeaders).toBeNull();
    const long = planHop(start({ headers: [{ name: 'Accept', value: 'a'.repeat(129) }, h('Content-Language: en')] }));
    expect(get(long.preflightHeaders, 'access-control-request-headers')).toBe('accept');
  });

  it('Cache-Control set by the page is unsafe (the browser lists it)', () => {
    const plan = planHop(start({ headers: [h('Cache-Control: no-cache')] }));
    expect(get(plan.preflightHeaders, 'access-control-request-headers')).toBe('cache-control');
  });

  it('"patch" stays lower-case in Access-Control-Request-Method', () => {
    expect(get(planHop(start({ method: 'patch' })).preflightHeaders, 'access-control-request-method')).toBe('patch');
  });

  it('repeated headers are combined as fetch() combines them', () => {
    const plan = planHop(start({ headers: [h('X-A: 1'), h('x-a: 2')] }));
    expect(get(plan.requestHeaders, 'x-a')).toBe('1, 2');
    expect(get(plan.preflightHeaders, 'access-control-request-headers')).toBe('x-a');
  });

  it('same-origin: no CORS, no preflight, no Origin on GET', () => {
    const plan = planHop(start({ url: `${PAGE}/x`, method: 'PUT' }));
    expect(plan.cors).toBe(false);
    expect(plan.preflightHeaders).toBeNull();
    expect(get(plan.requestHeaders, 'origin')).toBe(PAGE);
    expect(get(planHop(start({ url: `${PAGE}/x` })).requestHeaders, 'origin')).toBeNull();
  });

  it('an https page calling a plain-http API is blocked as mixed content; loopback is not', () => {
    expect(planHop(start({ url: 'http://api.example/x' })).blocked).toMatch(/mixed content/);
    expect(planHop(start({ url: 'http://127.0.0.1:8080/x' })).blocked).toBeNull();
    // No Sec-Fetch-* and no Referer to a non-trustworthy http URL from an https page.
    const plan = planHop(start({ url: 'http://api.example/x', pageOrigin: 'http://app.example' }));
    expect(get(plan.requestHeaders, 'sec-fetch-mode')).toBeNull();
  });
});

describe('followRedirect: what a redirect changes (R11, R12)', () => {
  const follow = (request: BrowserRequest, status: number, location: string) => {
    const step = followRedirect(request, status, location);
    if (step.kind !== 'follow') throw new Error(`expected follow, got ${JSON.stringify(step)}`);
    return step;
  };

  it('is final for a non-redirect status or a missing Location', () => {
    expect(followRedirect(start(), 200, null).kind).toBe('final');
    expect(followRedirect(start(), 302, null).kind).toBe('final');
    expect(followRedirect(start(), 304, '/x').kind).toBe('final');
    expect(followRedirect(start(), 300, '/x').kind).toBe('final');
  });

  it('301/302 turn POST into GET and drop the body headers; 303 turns PUT into GET; 307/308 keep all', () => {
    const post = start({ method: 'POST', headers: [h('Content-Type: application/json'), h('X-A: 1')], hasBody: true });
    for (const status of [301, 302]) {
      const { request, changes } = follow(post, status, `${API}/new`);
      expect(request).toMatchObject({ method: 'GET', hasBody: false, headers: [h('X-A: 1')] });
      expect(changes.join()).toMatch(/from POST to GET/);
    }
    expect(follow(start({ method: 'PUT', hasBody: true }), 303, `${API}/new`).request.method).toBe('GET');
    for (const status of [307, 308]) {
      expect(follow(post, status, `${API}/new`).request).toMatchObject({ method: 'POST', hasBody: true });
    }
  });

  it('a cross-origin hop drops Authorization; a same-origin one keeps it', () => {
    const request = start({ headers: [h('Authorization: Bearer t')] });
    expect(get(follow(request, 302, `${API}/v2/items`).request.headers, 'authorization')).toBe('Bearer t');
    const away = follow(request, 302, 'https://cdn.example/items');
    expect(get(away.request.headers, 'authorization')).toBeNull();
    expect(away.changes.join()).toMatch(/drops the Authorization header/);
  });

  it('page → api → cdn taints the origin: Origin: null at the cdn; page → api → api does not', () => {
    const tainted = follow(start(), 302, 'https://cdn.example/items').request;
    expect(tainted.taintedOrigin).toBe(true);
    expect(get(planHop(tainted).requestHeaders, 'origin')).toBe('null');
    const same = follow(start(), 301, '/items/').request;
    expect(same.taintedOrigin).toBe(false);
    expect(same.urlList).toEqual([`${API}/items`, `${API}/items/`]);
  });

  it('a redirect from the page origin to the API does not taint, but starts CORS (a new preflight if needed)', () => {
    const request = start({ url: `${PAGE}/api/items`, method: 'PUT' });
    expect(planHop(request).preflightHeaders).toBeNull();
    const next = follow(request, 307, `${API}/items`).request;
    expect(next.taintedOrigin).toBe(false);
    expect(get(planHop(next).preflightHeaders, 'access-control-request-method')).toBe('PUT');
    expect(get(planHop(next).preflightHeaders, 'origin')).toBe(PAGE);
  });

  it('cookies are per host: the given cookie is not sent to another host', () => {
    const request = start({ credentials: true, cookie: 'sid=1' });
    expect(follow(request, 302, 'https://api.example:8443/x').request.cookie).toBe('sid=1');
    expect(follow(request, 302, 'https://other.example/x').request.cookie).toBeNull();
  });

  it('refuses the 21st redirect, non-http(s) targets and credentials in a cross-origin Location', () => {
    let request = start();
    for (let i = 0; i < 20; i++) request = follow(request, 302, `${API}/r${i}`).request;
    expect(followRedirect(request, 302, `${API}/last`)).toMatchObject({
      kind: 'error',
      netError: 'net::ERR_TOO_MANY_REDIRECTS',
    });
    expect(followRedirect(start(), 302, 'data:text/plain,hi')).toMatchObject({ kind: 'error' });
    expect(followRedirect(start(), 302, 'https://u:p@cdn.example/')).toMatchObject({ kind: 'error' });
  });
});
