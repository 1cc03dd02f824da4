import rule from '../../../src/engine/rules/preflight-rejected-by-auth';
import { allow, API, entry, notSent, PAGE, preflight, preflightedPut } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const corsHeaders = allow(PAGE, {
  'Access-Control-Allow-Methods': 'PUT',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
});
const requested = ['authorization', 'content-type'];
/** What Chromium records of a PUT blocked at its preflight: provisional headers only. */
const blockedPut = notSent({
  method: 'PUT',
  requestHeaders: { 'Content-Type': 'application/json', Authorization: 'Bearer tok' },
});
const { answered: rejected, firefoxStopped } = preflightedPut(requested);
const bearerChallenge = { 'WWW-Authenticate': 'Bearer' };

testAdviceRule(rule, {
  valid: [
    {
      name: 'a 401 on the real request, after a preflight that passed, is not a preflight rejection',
      entries: [
        preflight({ requestedHeaders: requested, responseHeaders: corsHeaders }),
        entry({
          method: 'PUT',
          status: 401,
          statusText: 'Unauthorized',
          requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json', Authorization: 'Bearer expired' },
          responseHeaders: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        }),
      ],
    },
    {
      name: 'a simple GET answered 401 had no preflight at all',
      entries: [entry({ status: 401, statusText: 'Unauthorized', responseHeaders: { 'WWW-Authenticate': 'Bearer' } })],
    },
    {
      name: 'a 403 on the real request that carries CORS headers reaches the page',
      entries: [
        preflight({ requestedHeaders: requested, responseHeaders: corsHeaders }),
        entry({
          method: 'PUT',
          status: 403,
          statusText: 'Forbidden',
          requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json', Authorization: 'Bearer tok' },
          responseHeaders: allow(),
        }),
      ],
    },
    {
      name: 'a preflight answered 404 is a missing route, not authentication',
      entries: [rejected(404, 'Not Found'), blockedPut],
    },
    {
      name: "Spring's CORS processor refusing the origin with a bare 403 is the CORS layer, not authentication",
      entries: [
        rejected(403, 'Forbidden', {
          Vary: ['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'],
          'Content-Type': 'text/plain',
        }),
        blockedPut,
      ],
    },
    {
      name: 'API Gateway\'s 403 "Missing Authentication Token" means no OPTIONS route, not authentication',
      entries: [
        rejected(403, 'Forbidden', { 'x-amzn-ErrorType': 'MissingAuthenticationTokenException:http://internal/' }),
        blockedPut,
      ],
    },
    {
      name: 'a 401 preflight whose Access-Control-Allow-Origin names another origin fails on the origin first',
      entries: [rejected(401, 'Unauthorized', allow('https://other.example')), blockedPut],
    },
    {
      name: 'Firefox: a 401 on a simple GET is not a preflight rejection',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          status: 401,
          statusText: 'Unauthorized',
          responseHeaders: { 'WWW-Authenticate': 'Bearer' },
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'auth middleware answered the preflight 401 with a Bearer challenge and no CORS headers',
      entries: [rejected(401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="api"' }), blockedPut],
      expect: [
        {
          messageId: 'beforeCors',
          data: {
            url: `${API}/data`,
            status: '401 Unauthorized',
            method: 'PUT',
            origin: PAGE,
            who: 'an authentication layer (it asked for credentials with WWW-Authenticate: Bearer realm="api")',
          },
        },
      ],
    },
    {
      name: 'a 401 preflight without a challenge header',
      entries: [rejected(401, 'Unauthorized'), blockedPut],
      expect: [{ messageId: 'beforeCors', data: { who: 'an authentication layer' } }],
    },
    {
      name: 'a 403 preflight without CORS headers: authorization, CSRF or a firewall',
      entries: [rejected(403, 'Forbidden', { 'Content-Type': 'text/html' }), blockedPut],
      expect: [
        {
          messageId: 'beforeCors',
          data: { status: '403 Forbidden', who: 'an authorization check, a CSRF filter or a firewall' },
        },
      ],
    },
    {
      name: 'an API Gateway authorizer that denies the preflight: 403 AccessDeniedException',
      entries: [rejected(403, 'Forbidden', { 'x-amzn-ErrorType': 'AccessDeniedException' }), blockedPut],
      expect: [{ messageId: 'beforeCors', data: { status: '403 Forbidden' } }],
    },
    {
      name: 'CORS headers on a 401 preflight: the CORS layer passed OPTIONS on to authentication',
      entries: [
        rejected(401, 'Unauthorized', { ...corsHeaders, 'WWW-Authenticate': 'Basic realm="admin"' }),
        blockedPut,
      ],
      expect: [
        {
          messageId: 'afterCors',
          data: {
            status: '401 Unauthorized',
            who: 'an authentication layer (it asked for credentials with WWW-Authenticate: Basic realm="admin")',
          },
        },
      ],
    },
    {
      name: 'a DELETE preflight rejected 403 while carrying CORS headers',
      entries: [
        preflight({ for: 'DELETE', status: 403, statusText: 'Forbidden', responseHeaders: corsHeaders }),
        notSent({ method: 'DELETE', requestHeaders: {} }),
      ],
      expect: [{ messageId: 'afterCors', data: { method: 'DELETE', status: '403 Forbidden' } }],
    },
    {
      name: 'Firefox getHAR: the 401 preflight and the PUT it never sent',
      browser: 'firefox',
      entries: firefoxStopped(401, 'Unauthorized', bearerChallenge),
      expect: [
        {
          messageId: 'beforeCors',
          data: {
            method: 'PUT',
            who: 'an authentication layer (it asked for credentials with WWW-Authenticate: Bearer)',
          },
        },
      ],
    },
    {
      name: 'Firefox live stream: only the 401 preflight is recorded',
      browser: 'firefox',
      entries: [rejected(401, 'Unauthorized', bearerChallenge, 'firefox')],
      expect: [{ messageId: 'beforeCors', data: { url: `${API}/data`, method: 'PUT', origin: PAGE } }],
    },
  ],
});
