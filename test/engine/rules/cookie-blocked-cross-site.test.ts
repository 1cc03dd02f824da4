import rule from '../../../src/engine/rules/cookie-blocked-cross-site';
import { allow, API, entry, PAGE, type EntryOptions } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const CREDENTIALED = { 'Access-Control-Allow-Credentials': 'true' };

/** A login call whose response sets `cookie`, from the page at `origin`. */
const login = (cookie: string, origin = PAGE, url = `${API}/login`, options: EntryOptions = {}) =>
  entry({
    method: 'POST',
    url,
    at: 0,
    requestHeaders: { Origin: origin, 'Content-Type': 'text/plain' },
    responseHeaders: allow(origin, { ...CREDENTIALED, 'Set-Cookie': cookie }),
    ...options,
  });

/** The later call that arrived without a cookie and was refused. */
const me = (origin = PAGE, url = `${API}/me`, status = 401, options: EntryOptions = {}) =>
  entry({
    url,
    at: 100,
    status,
    statusText: status === 401 ? 'Unauthorized' : 'Forbidden',
    requestHeaders: { Origin: origin },
    responseHeaders: allow(origin, CREDENTIALED),
    ...options,
  });

const NO_SAMESITE = 'has no SameSite attribute, so Chromium treats it as SameSite=Lax';

testAdviceRule(rule, {
  valid: [
    {
      name: 'a first-party (same-site) cookie without SameSite is fine',
      entries: [
        login('session=abc; Path=/; HttpOnly', 'https://app.example.com', 'https://api.example.com/login'),
        me('https://app.example.com', 'https://api.example.com/me'),
      ],
      url: 'https://api.example.com/me',
    },
    {
      name: 'the same first-party cookie, on the response that sets it',
      entries: [login('session=abc; Path=/; HttpOnly', 'https://app.example.com', 'https://api.example.com/login')],
    },
    {
      name: 'SameSite=None; Secure over https is fine, so a later 401 is about something else',
      entries: [login('session=abc; Path=/; Secure; HttpOnly; SameSite=None'), me()],
      url: `${API}/me`,
    },
    {
      name: 'SameSite=None; Secure over https, on the response that sets it',
      entries: [login('session=abc; Path=/; Secure; HttpOnly; SameSite=None')],
    },
    {
      name: 'localhost ports are one site: a cookie without SameSite works',
      entries: [
        login('session=abc; Path=/', 'http://localhost:3000', 'http://localhost:8080/login'),
        me('http://localhost:3000', 'http://localhost:8080/me'),
      ],
      url: 'http://localhost:8080/me',
    },
    { name: 'a 401 with no cookie set anywhere earlier', entries: [me()] },
    {
      name: 'a 401 that did carry a Cookie: the server refused the cookie itself',
      entries: [
        login('session=abc; Path=/'),
        me(PAGE, `${API}/me`, 401, { requestHeaders: { Origin: PAGE, Cookie: 'other=1' } }),
      ],
      url: `${API}/me`,
    },
    {
      name: 'a cookie the capture shows being sent is not blocked',
      entries: [
        login('session=abc; Path=/'),
        entry({
          url: `${API}/profile`,
          at: 50,
          requestHeaders: { Origin: PAGE, Cookie: 'session=abc' },
          responseHeaders: allow(PAGE, CREDENTIALED),
        }),
      ],
    },
    {
      name: 'a server deleting its cookie (Max-Age=0)',
      entries: [login('session=; Path=/; Max-Age=0')],
    },
    {
      name: 'Firefox: no SameSite attribute is not Lax in Firefox (it partitions third-party cookies instead)',
      browser: 'firefox',
      entries: [login('session=abc; Path=/; HttpOnly', PAGE, `${API}/login`, { producer: 'firefox' })],
    },
  ],
  invalid: [
    {
      name: 'Chromium: a cross-site login sets a cookie without SameSite',
      entries: [login('session=abc123; Path=/; HttpOnly'), me()],
      expect: [
        {
          messageId: 'setsBlockedCookie',
          data: {
            url: `${API}/login`,
            cookie: 'session',
            reason: NO_SAMESITE,
            pageOrigin: PAGE,
            host: 'api.example',
          },
        },
      ],
    },
    {
      name: 'Chromium: the later call arrives without that cookie and gets 401',
      entries: [login('session=abc123; Path=/; HttpOnly'), me()],
      url: `${API}/me`,
      expect: [
        {
          messageId: 'cookieNotSent',
          data: {
            method: 'GET',
            url: `${API}/me`,
            status: '401 Unauthorized',
            setUrl: `${API}/login`,
            setEntry: '0',
            cookie: 'session',
            reason: NO_SAMESITE,
            pageOrigin: PAGE,
          },
        },
      ],
    },
    {
      name: 'Chromium: a SameSite=Lax cookie, then a 403',
      entries: [login('sid=1; Path=/; Secure; SameSite=Lax'), me(PAGE, `${API}/me`, 403)],
      url: `${API}/me`,
      expect: [
        { messageId: 'cookieNotSent', data: { status: '403 Forbidden', cookie: 'sid', reason: 'is SameSite=Lax' } },
      ],
    },
    {
      name: 'Chromium: SameSite=None without Secure',
      entries: [login('sid=1; Path=/; SameSite=None')],
      expect: [
        {
          messageId: 'setsBlockedCookie',
          data: { reason: 'has SameSite=None without Secure, which Chromium rejects' },
        },
      ],
    },
    {
      name: 'Chromium: SameSite=None; Secure sent over plain http',
      entries: [login('sid=1; Path=/; SameSite=None; Secure', 'http://app.example', 'http://api.example/login')],
      expect: [
        {
          messageId: 'setsBlockedCookie',
          data: {
            reason: 'is marked Secure but came over plain http, so the browser rejects it',
            url: 'http://api.example/login',
          },
        },
      ],
    },
    {
      name: 'Chromium: a cookie without SameSite over plain http',
      entries: [login('sid=1; Path=/', 'http://app.example', 'http://api.example/login')],
      expect: [
        {
          messageId: 'setsBlockedCookie',
          data: { reason: `${NO_SAMESITE}, and it came over plain http, where a cookie cannot be Secure` },
        },
      ],
    },
    {
      name: "Chromium: a cookie set for the parent domain by the auth host, missing on the API's 401",
      entries: [
        login('token=x; Domain=example.net; Path=/; Secure; SameSite=Strict', PAGE, 'https://auth.example.net/login'),
        me(PAGE, 'https://api.example.net/me'),
      ],
      url: 'https://api.example.net/me',
      expect: [
        {
          messageId: 'cookieNotSent',
          data: { setUrl: 'https://auth.example.net/login', cookie: 'token', reason: 'is SameSite=Strict' },
        },
      ],
    },
    {
      name: 'Firefox: an explicit SameSite=Lax cookie from a cross-site response',
      browser: 'firefox',
      entries: [login('sid=1; Path=/; Secure; SameSite=Lax', PAGE, `${API}/login`, { producer: 'firefox' })],
      expect: [{ messageId: 'setsBlockedCookie', data: { cookie: 'sid', reason: 'is SameSite=Lax' } }],
    },
    {
      name: 'Firefox: the later call without the SameSite=Lax cookie gets 401',
      browser: 'firefox',
      entries: [
        login('sid=1; Path=/; Secure; SameSite=Lax', PAGE, `${API}/login`, { producer: 'firefox' }),
        me(PAGE, `${API}/me`, 401, { producer: 'firefox' }),
      ],
      url: `${API}/me`,
      expect: [{ messageId: 'cookieNotSent', data: { cookie: 'sid', setEntry: '0' } }],
    },
  ],
});
