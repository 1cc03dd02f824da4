import rule from '../../../src/engine/rules/redirect-tainted-origin';
import { allow, API, entry, PAGE, preflight } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const CDN = 'https://cdn.example';
type Headers = Record<string, string | string[]>;

/** A 3xx from `url` to `location`, with `responseHeaders` (CORS headers or not). */
const redirect = (url: string, location: string, status = 302, responseHeaders: Headers = allow(), extra = {}) =>
  entry({
    url,
    status,
    statusText: '',
    redirectURL: location,
    responseHeaders: { ...responseHeaders, Location: location },
    ...extra,
  });

/** The next hop of a redirect, sent with `origin` (R12: "null" after a cross-origin hop). */
const hop = (url: string, origin: string, options: Parameters<typeof entry>[0] = {}) =>
  entry({ url, at: 5, requestHeaders: { Origin: origin, Referer: `${PAGE}/` }, ...options });

testAdviceRule(rule, {
  valid: [
    {
      name: 'a same-origin redirect on the API keeps the Origin: the target lacking ACAO is a plain missing header',
      entries: [
        redirect(`${API}/v1/data`, `${API}/v2/data`),
        hop(`${API}/v2/data`, PAGE, {
          error: 'net::ERR_FAILED',
          responseHeaders: { 'Content-Type': 'application/json' },
        }),
      ],
    },
    {
      name: 'a cross-origin redirect whose target allows "*" without credentials works',
      entries: [redirect(`${API}/data`, `${CDN}/file`), hop(`${CDN}/file`, 'null', { responseHeaders: allow('*') })],
    },
    {
      name: "a redirect from the page's own origin to the API does not taint the Origin",
      entries: [
        entry({
          url: `${PAGE}/api/data`,
          status: 302,
          statusText: 'Found',
          redirectURL: `${API}/data`,
          requestHeaders: { Referer: `${PAGE}/` },
          responseHeaders: { Location: `${API}/data` },
        }),
        hop(`${API}/data`, PAGE, { error: 'net::ERR_FAILED', responseHeaders: { 'Content-Type': 'application/json' } }),
      ],
    },
    {
      name: 'a redirect that carries CORS headers passes the redirect check',
      entries: [
        redirect(`${API}/items`, `${API}/items/`, 308),
        hop(`${API}/items/`, PAGE, { responseHeaders: allow() }),
      ],
    },
    {
      name: 'Authorization survives a same-origin redirect, so a 401 there is the API itself',
      entries: [
        redirect(`${API}/a`, `${API}/b`, 302, allow(), {
          requestHeaders: { Origin: PAGE, Authorization: 'Bearer abc' },
        }),
        hop(`${API}/b`, PAGE, {
          status: 401,
          statusText: 'Unauthorized',
          requestHeaders: { Origin: PAGE, Authorization: 'Bearer abc' },
          responseHeaders: allow(),
        }),
      ],
    },
    {
      name: 'a 401 after a cross-origin redirect of a request that had no Authorization',
      entries: [
        redirect(`${API}/data`, `${CDN}/file`),
        hop(`${CDN}/file`, 'null', { status: 401, statusText: 'Unauthorized', responseHeaders: allow('*') }),
      ],
    },
    {
      name: 'a response without ACAO that was never redirected',
      entries: [entry({ error: 'net::ERR_FAILED', responseHeaders: { 'Content-Type': 'application/json' } })],
    },
    {
      name: 'Firefox: a cross-origin redirect whose target allows "*"',
      browser: 'firefox',
      entries: [
        redirect(`${API}/data`, `${CDN}/file`, 302, allow(), { producer: 'firefox' }),
        hop(`${CDN}/file`, 'null', { producer: 'firefox', responseHeaders: allow('*') }),
      ],
    },
  ],
  invalid: [
    {
      name: 'Chromium: a 302 to another origin whose target answers Origin: null without ACAO (n2)',
      entries: [
        redirect(`${API}/data`, `${CDN}/file`),
        hop(`${CDN}/file`, 'null', {
          error: 'net::ERR_FAILED',
          responseHeaders: { 'Content-Type': 'application/json' },
        }),
      ],
      expect: [
        {
          messageId: 'taintedOrigin',
          data: {
            from: `${API}/data`,
            to: `${CDN}/file`,
            pageOrigin: PAGE,
            url: `${CDN}/file`,
            allowed: 'has no Access-Control-Allow-Origin header',
            accepted: '`Access-Control-Allow-Origin: *` (or `null`)',
            finalUrl: `${CDN}/file`,
          },
        },
      ],
    },
    {
      name: 'Chromium: the redirect target allows the page origin, but the browser sent Origin: null',
      entries: [
        redirect(`${API}/data`, `${CDN}/file`, 307),
        hop(`${CDN}/file`, 'null', { error: 'net::ERR_FAILED', responseHeaders: allow(PAGE) }),
      ],
      expect: [{ messageId: 'taintedOrigin', data: { allowed: `allows "${PAGE}", not "null"` } }],
    },
    {
      name: 'Chromium: a credentialed request redirected to a target that answers "*"',
      entries: [
        redirect(`${API}/data`, `${CDN}/file`, 302, allow(PAGE, { 'Access-Control-Allow-Credentials': 'true' }), {
          requestHeaders: { Origin: PAGE, Cookie: 'session=1' },
        }),
        hop(`${CDN}/file`, 'null', {
          error: 'net::ERR_FAILED',
          requestHeaders: { Origin: 'null', Cookie: 'cdn=1' },
          responseHeaders: allow('*'),
        }),
      ],
      expect: [
        {
          messageId: 'taintedOrigin',
          data: {
            allowed: 'allows "*", which does not cover a request with credentials',
            accepted: '`Access-Control-Allow-Origin: null` with `Access-Control-Allow-Credentials: true`',
          },
        },
      ],
    },
    {
      name: 'Firefox: a 302 to another origin whose target answers without ACAO',
      browser: 'firefox',
      entries: [
        redirect(`${API}/data`, `${CDN}/file`, 302, allow(), { producer: 'firefox' }),
        hop(`${CDN}/file`, 'null', { producer: 'firefox', responseHeaders: { 'Content-Type': 'application/json' } }),
      ],
      expect: [
        {
          messageId: 'taintedOrigin',
          data: { to: `${CDN}/file`, allowed: 'has no Access-Control-Allow-Origin header' },
        },
      ],
    },
    {
      name: 'Chromium: an http-to-https redirect without CORS headers',
      entries: [
        redirect(
          'http://api.example/data',
          `${API}/data`,
          301,
          {},
          {
            requestHeaders: { Origin: 'http://app.example' },
            error: 'net::ERR_FAILED',
          },
        ),
      ],
      expect: [
        {
          messageId: 'redirectWithoutCors',
          data: {
            method: 'GET',
            url: 'http://api.example/data',
            status: '301',
            location: `${API}/data`,
            kind: 'an http-to-https redirect',
            pageOrigin: 'http://app.example',
          },
        },
      ],
    },
    {
      name: 'Chromium: a trailing-slash redirect without CORS headers',
      entries: [redirect(`${API}/items`, `${API}/items/`, 308, {}, { error: 'net::ERR_FAILED' })],
      expect: [
        {
          messageId: 'redirectWithoutCors',
          data: { kind: 'a trailing-slash redirect', layer: "the router's trailing-slash normalisation" },
        },
      ],
    },
    {
      name: 'Chromium: an unauthenticated call redirected to the login page',
      entries: [
        redirect(`${API}/me`, 'https://login.example/sso/start?next=%2Fme', 302, {}, { error: 'net::ERR_FAILED' }),
      ],
      url: `${API}/me`,
      expect: [{ messageId: 'redirectWithoutCors', data: { kind: 'a login redirect' } }],
    },
    {
      name: 'Firefox: a redirect to another origin without CORS headers',
      browser: 'firefox',
      entries: [redirect(`${API}/data`, `${CDN}/data`, 302, {}, { producer: 'firefox' })],
      expect: [
        { messageId: 'redirectWithoutCors', data: { kind: 'a cross-origin redirect', location: `${CDN}/data` } },
      ],
    },
    {
      name: 'Chromium: Authorization dropped at a cross-origin redirect, so the target answered 401',
      entries: [
        preflight({
          for: 'GET',
          requestedHeaders: ['authorization'],
          responseHeaders: allow(PAGE, { 'Access-Control-Allow-Headers': 'Authorization' }),
        }),
        redirect(`${API}/data`, `${CDN}/report`, 307, allow(), {
          at: 3,
          requestHeaders: { Origin: PAGE, Authorization: 'Bearer secret-token' },
        }),
        hop(`${CDN}/report`, 'null', {
          status: 401,
          statusText: 'Unauthorized',
          responseHeaders: allow('*', { 'WWW-Authenticate': 'Bearer' }),
        }),
      ],
      url: `${API}/data`,
      expect: [
        {
          messageId: 'authorizationDropped',
          data: { from: `${API}/data`, to: `${CDN}/report`, status: '307', answer: '401 Unauthorized' },
        },
      ],
    },
    {
      name: 'Chromium: Authorization dropped, and the 401 from the target also lacks ACAO',
      entries: [
        redirect(`${API}/data`, `${CDN}/report`, 302, allow(), {
          requestHeaders: { Origin: PAGE, Authorization: 'Bearer secret-token' },
        }),
        hop(`${CDN}/report`, 'null', { status: 401, statusText: 'Unauthorized', error: 'net::ERR_FAILED' }),
      ],
      expect: [
        { messageId: 'taintedOrigin', data: { url: `${CDN}/report` } },
        { messageId: 'authorizationDropped', data: { answer: '401 Unauthorized' } },
      ],
    },
  ],
});
