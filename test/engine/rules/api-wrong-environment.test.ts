import rule from '../../../src/engine/rules/api-wrong-environment';
import { allow, entry, PAGE, type EntryOptions } from '../../support/har-builders';
import { testAdviceRule } from '../../support/rule-tester';

const JSON_BODY = { 'Content-Type': 'application/json' };

/** A Chromium request from `origin` to `url` that got no response. */
const unanswered = (origin: string, url: string, error = 'net::ERR_CONNECTION_REFUSED') =>
  entry({ url, status: 0, statusText: '', error, requestHeaders: { Origin: origin } });
/** A response that arrived without the CORS headers the page needed (Chromium records ERR_FAILED). */
const corsBlocked = (
  origin: string,
  url: string,
  responseHeaders: Record<string, string> = JSON_BODY,
  options: EntryOptions = {},
) => entry({ url, error: 'net::ERR_FAILED', requestHeaders: { Origin: origin }, responseHeaders, ...options });

const LOOPBACK = 'which for every visitor means their own computer (a loopback address), not your development machine';

testAdviceRule(rule, {
  valid: [
    {
      name: 'a staging page calling a staging API is the same environment',
      entries: [corsBlocked('https://staging.example.com', 'https://api.staging.example.com/v1/cart')],
    },
    {
      name: 'a preview deployment calling the staging API is a normal setup',
      entries: [corsBlocked('https://deploy-preview-42--shop.netlify.app', 'https://api-staging.example.com/v1')],
    },
    {
      name: 'a localhost page calling a localhost API',
      entries: [unanswered('http://localhost:5173', 'http://localhost:8080/api')],
    },
    {
      name: 'a 127.0.0.1 page calling another 127.0.0.1 port (the x scenario)',
      entries: [unanswered('http://127.0.0.1:8001', 'http://127.0.0.1:8004/x-refused')],
    },
    {
      name: 'a local .test page calling localhost',
      entries: [unanswered('http://shop.test', 'http://localhost:8080/api')],
    },
    {
      name: 'a production page calling the production API: an ordinary CORS failure',
      entries: [corsBlocked('https://app.example.com', 'https://api.example.com/v1/cart')],
    },
    {
      name: 'a production page calling localhost that succeeded is not reported here',
      entries: [entry({ url: 'http://localhost:8080/api', responseHeaders: allow(PAGE) })],
    },
    {
      name: 'a page served from 127.0.0.1 under a public-looking name calling the staging API',
      entries: [
        {
          ...entry({ url: 'https://shop.example.com/', resourceType: 'document', requestHeaders: {} }),
          serverIPAddress: '127.0.0.1',
        },
        corsBlocked('https://shop.example.com', 'https://api.staging.example.com/v1', JSON_BODY, { at: 10 }),
      ],
      url: 'https://api.staging.example.com/v1',
    },
    {
      name: 'Firefox: a staging page calling a staging API',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          url: 'https://api-dev.example.com/v1',
          requestHeaders: { Origin: 'https://dev.example.com' },
          responseHeaders: JSON_BODY,
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'Chromium: a deployed page calling localhost, connection refused',
      entries: [unanswered(PAGE, 'http://localhost:8080/api')],
      expect: [
        {
          messageId: 'localApi',
          data: {
            pageOrigin: PAGE,
            url: 'http://localhost:8080/api',
            where: LOOPBACK,
            failure: 'net::ERR_CONNECTION_REFUSED',
          },
        },
      ],
    },
    {
      name: 'Chromium: a deployed page calling a private address that answered without CORS headers',
      entries: [corsBlocked('https://shop.example.com', 'https://10.0.0.12/api/cart')],
      expect: [
        {
          messageId: 'localApi',
          data: {
            where: 'an address on a private network that visitors of the deployed page cannot reach',
            failure: 'blocked with MissingAllowOriginHeader',
          },
        },
      ],
    },
    {
      name: 'Chromium: a staging page calling localhost',
      entries: [unanswered('https://staging.example.com', 'http://127.0.0.1:3000/api')],
      expect: [{ messageId: 'localApi', data: { pageOrigin: 'https://staging.example.com', where: LOOPBACK } }],
    },
    {
      name: 'Chromium: a production page calling the staging API, which allows only the staging origin',
      entries: [
        corsBlocked('https://www.shop.example.com', 'https://api.staging.shop.example.com/v1/cart', {
          ...JSON_BODY,
          ...allow('https://staging.shop.example.com'),
        }),
      ],
      expect: [
        {
          messageId: 'otherEnvironmentApi',
          data: {
            pageOrigin: 'https://www.shop.example.com',
            url: 'https://api.staging.shop.example.com/v1/cart',
            host: 'api.staging.shop.example.com',
            environment: 'staging',
            failure: 'blocked with AllowOriginMismatch',
          },
        },
      ],
    },
    {
      name: 'Chromium: a production page calling a Vercel preview deployment of the API',
      entries: [corsBlocked('https://app.example.com', 'https://api-git-feature-x-team.vercel.app/v1')],
      expect: [
        {
          messageId: 'otherEnvironmentApi',
          data: { environment: 'preview', host: 'api-git-feature-x-team.vercel.app' },
        },
      ],
    },
    {
      name: 'Firefox: a production page calling the dev API without CORS headers',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          url: 'https://api-dev.example.com/v1',
          requestHeaders: { Origin: 'https://app.example.com' },
          responseHeaders: JSON_BODY,
        }),
      ],
      expect: [
        {
          messageId: 'otherEnvironmentApi',
          data: {
            environment: 'staging',
            host: 'api-dev.example.com',
            failure: 'blocked with CORSMissingAllowOrigin2',
          },
        },
      ],
    },
    {
      name: 'Firefox: a deployed page calling localhost that got no response',
      browser: 'firefox',
      entries: [
        entry({
          producer: 'firefox',
          url: 'http://localhost:8080/api',
          status: 0,
          statusText: '',
          timings: { send: 0, wait: 0, receive: 0 },
        }),
      ],
      expect: [{ messageId: 'localApi', data: { failure: 'no response, status 0' } }],
    },
  ],
});
