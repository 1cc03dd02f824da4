// Credentials mode is not in a HAR. The engine infers it from evidence, eliminates what the capture rules out,
// and otherwise says "unknown" with the verdict under each assumption.
import { describe, expect, it } from 'vitest';
import { diagnose, parseHarJson, type RawHarEntry } from '../../src/engine';
import { readFixture } from '../support/fixtures';
import { allow, entry, har, notSent, PAGE, preflight } from '../support/har-builders';

const run = (entries: RawHarEntry[], producer: 'chromium' | 'firefox' = 'chromium') =>
  diagnose([{ file: 't.har', har: parseHarJson(har(entries, producer)) }], { version: 't' }).exchanges;

describe('credentials inference', () => {
  it('a Cookie header proves credentials were sent', () => {
    const [e] = run([entry({ requestHeaders: { Origin: PAGE, Cookie: 'sid=1' }, responseHeaders: allow('*') })]);
    expect(e).toMatchObject({ credentials: 'include', outcome: 'blocked', browserError: 'WildcardOriginNotAllowed' });
    expect(e?.credentialsEvidence).toMatch(/Cookie header/);
  });

  it('no cookie although an earlier request from the page to that host sent one: no credentials', () => {
    // Listed by default: only the cross-origin request (the favicon is same-origin).
    const [e] = run(
      [
        entry({
          at: 0,
          url: `${PAGE}/favicon.ico`,
          requestHeaders: { Cookie: 'sid=1', Referer: `${PAGE}/` },
          resourceType: 'other',
        }),
        entry({ at: 5, url: 'https://app.example:8443/api', responseHeaders: allow() }),
      ],
      'firefox',
    );
    expect(e).toMatchObject({ credentials: 'not-include', outcome: 'allowed' });
  });

  it('the cookie evidence may come from a page of another origin of the same site (an iframe), not another site', () => {
    const api = 'https://app.example:8443/api';
    const cookieFrom = (origin: string) =>
      entry({
        at: 0,
        url: `${api}/session`,
        requestHeaders: { Origin: origin, Cookie: 'sid=1' },
        responseHeaders: allow(origin),
      });
    const request = entry({ at: 5, url: api, requestHeaders: { Origin: PAGE }, responseHeaders: allow() });
    // https://admin.example.com and https://app.example share the site only if their registrable domain matches.
    const sameSite = run([cookieFrom('https://www.app.example'), request], 'firefox').find((e) => e.url === api);
    expect(sameSite).toMatchObject({ credentials: 'not-include', outcome: 'allowed' });
    expect(sameSite?.credentialsEvidence).toMatch(/earlier request from this site/);
    const otherSite = run([cookieFrom('https://elsewhere.example'), request], 'firefox').find((e) => e.url === api);
    // Another site's cookies say nothing about this one's (here elimination decides instead).
    expect(otherSite?.credentialsEvidence).not.toMatch(/earlier request/);
  });

  it('a real request that was sent rules out a preflight failure that only credentials would cause', () => {
    const [e] = run(
      [
        entry({
          method: 'PUT',
          at: 0,
          requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json' },
          responseHeaders: allow(),
        }),
        preflight({
          at: 2,
          requestedHeaders: ['content-type'],
          responseHeaders: allow(PAGE, {
            'Access-Control-Allow-Methods': 'PUT',
            'Access-Control-Allow-Headers': 'Content-Type',
          }),
        }),
      ],
      'firefox',
    );
    expect(e).toMatchObject({ credentials: 'not-include', outcome: 'allowed' });
    expect(e?.credentialsEvidence).toMatch(/Inferred by elimination/);
  });

  it("Chromium's net::ERR_FAILED on a response that passes without credentials means they were sent", () => {
    const [e] = run([entry({ error: 'net::ERR_FAILED', responseHeaders: allow() })]);
    expect(e).toMatchObject({ credentials: 'include', outcome: 'blocked', browserError: 'InvalidAllowCredentials' });
  });

  it('both assumptions blocked at the preflight: blocked, with the default (no credentials) error and both listed', () => {
    const [e] = run([
      notSent({ method: 'PUT', at: 0 }),
      preflight({
        at: 1,
        requestedHeaders: ['content-type'],
        responseHeaders: allow(PAGE, { 'Access-Control-Allow-Methods': 'GET' }),
      }),
    ]);
    expect(e).toMatchObject({
      credentials: 'unknown',
      outcome: 'blocked',
      browserError: 'MethodDisallowedByPreflightResponse',
    });
    expect(e?.alternatives?.map((a) => a.browserError)).toEqual([
      'MethodDisallowedByPreflightResponse',
      'PreflightInvalidAllowCredentials',
    ]);
    expect(e?.diagnoses.map((d) => d.rule)).toContain('credentials-mode-unknown');
  });
});

describe('cases the HAR cannot decide, derived from real captures', () => {
  /** The real capture with the matching entries edited, to make the evidence disappear. */
  function edited(path: string, urlPart: string, edit: (e: RawHarEntry) => void) {
    const parsed = JSON.parse(readFixture(path)) as { log: { entries: RawHarEntry[] } };
    for (const e of parsed.log.entries) if (String(e.request?.url).includes(urlPart)) edit(e);
    return diagnose([{ file: path, har: parseHarJson(parsed) }], { version: 't' }).exchanges.find((x) =>
      x.url.includes(urlPart),
    );
  }

  it('Firefox m with no cookies anywhere in the capture: unknown, with both verdicts', () => {
    const parsed = JSON.parse(readFixture('firefox-153/getHAR.har')) as { log: { entries: RawHarEntry[] } };
    for (const entry of parsed.log.entries) {
      if (entry.request && Array.isArray(entry.request.headers)) {
        entry.request.headers = (entry.request.headers as { name: string }[]).filter(
          (h) => h.name.toLowerCase() !== 'cookie',
        );
        entry.request.cookies = [];
      }
    }
    const e = diagnose([{ file: 'no-cookies.har', har: parseHarJson(parsed) }], { version: 't' }).exchanges.find((x) =>
      x.url.includes('m-cred-no-acac'),
    );
    expect(e).toMatchObject({ outcome: 'unknown', credentials: 'unknown', browserError: null });
    expect(e?.alternatives).toEqual([
      { credentials: 'not-include', outcome: 'allowed', browserError: null, failedParameter: null },
      { credentials: 'include', outcome: 'blocked', browserError: 'InvalidAllowCredentials', failedParameter: null },
    ]);
  });

  it('Chromium m2 (credentials, no cookie) from a producer that drops _error: unknown, with both verdicts', () => {
    const e = edited('chromium-156/getHAR.har', 'm2-cred-no-acac-nocookie', (entry) => {
      if (entry.response) delete entry.response._error;
    });
    expect(e).toMatchObject({ outcome: 'unknown', credentials: 'unknown' });
    expect(e?.alternatives?.map((a) => [a.credentials, a.outcome, a.browserError])).toEqual([
      ['not-include', 'allowed', null],
      ['include', 'blocked', 'InvalidAllowCredentials'],
    ]);
  });
});
