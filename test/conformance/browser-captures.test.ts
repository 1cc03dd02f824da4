// The engine's verdict must equal the browser's own, scenario by scenario, on real captures from Chromium 156 and
// Firefox 153 (shared/fixtures, recorded with each browser's verdict in oracle.json), for both HAR variants.
import { describe, expect, it } from 'vitest';
import type { ExchangeReport } from '../../src/engine';
import { diagnoseText, readFixture, requireSharedFixtures } from '../support/fixtures';

/** What Chromium's "Save all as HAR" export drops since ~M130: Cookie, Authorization, Set-Cookie, cookie arrays. */
function sanitized(text: string): string {
  const har = JSON.parse(text) as {
    log: { entries: { request: Record<string, unknown>; response: Record<string, unknown> }[] };
  };
  const secret = /^(cookie|authorization|set-cookie)$/i;
  for (const { request, response } of har.log.entries) {
    for (const message of [request, response]) {
      message.headers = (message.headers as { name: string }[]).filter((h) => !secret.test(h.name));
      message.cookies = [];
    }
  }
  return JSON.stringify(har);
}

const VARIANTS = {
  'getHAR.har': (path: string) => readFixture(path),
  'stream.har': (path: string) => readFixture(path),
  'getHAR.har, sanitized like a "Save all as HAR" export': (path: string) => sanitized(readFixture(path)),
};
const variantFile = (variant: string) => (variant.startsWith('stream') ? 'stream.har' : 'getHAR.har');

requireSharedFixtures();

interface ChromiumOracle {
  scenario: string;
  url: string;
  method: string;
  browserVerdict: string;
  failedParameter: string | null;
}

interface FirefoxOracle {
  scenario: string;
  path: string;
  browserVerdict: string[];
  messages: string[];
}

/** Firefox has one category for the preflight and the response; the engine names the stage Chromium's way. */
const FIREFOX_TO_CHROMIUM: Record<string, string[]> = {
  CORSMissingAllowOrigin2: ['MissingAllowOriginHeader', 'PreflightMissingAllowOriginHeader'],
  CORSMultipleAllowOriginNotAllowed: ['MultipleAllowOriginValues', 'PreflightMultipleAllowOriginValues'],
  CORSNotSupportingCredentials: ['WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed'],
  CORSAllowOriginNotMatchingOrigin: ['AllowOriginMismatch', 'PreflightAllowOriginMismatch'],
  CORSMissingAllowCredentials: ['InvalidAllowCredentials', 'PreflightInvalidAllowCredentials'],
  CORSExternalRedirectNotAllowed: ['PreflightDisallowedRedirect'],
  CORSPreflightDidNotSucceed3: ['PreflightInvalidStatus'],
  CORSMethodNotFound: ['MethodDisallowedByPreflightResponse'],
  CORSMissingAllowHeaderFromPreflight2: ['HeaderDisallowedByPreflightResponse'],
};

/** Pairs each oracle row with the exchange for the same URL, the k-th row with the k-th exchange. */
function match<T>(rows: T[], exchanges: ExchangeReport[], matches: (row: T, exchange: ExchangeReport) => boolean) {
  const used = new Set<ExchangeReport>();
  return rows.map((row) => {
    const exchange = exchanges.find((e) => !used.has(e) && matches(row, e));
    if (exchange) used.add(exchange);
    return { row, exchange };
  });
}

describe.each(Object.keys(VARIANTS))('Chromium 156 capture %s', (variant) => {
  const read = VARIANTS[variant as keyof typeof VARIANTS];
  const report = diagnoseText(read(`chromium-156/${variantFile(variant)}`), variant);
  const oracle = JSON.parse(readFixture('chromium-156/oracle.json')) as ChromiumOracle[];
  // oracle.json normalises host and port (m2 ran on localhost:8002, x on :8004), so match on path and method.
  const rows = match(
    oracle,
    report.exchanges,
    (row, e) => new URL(e.url).pathname === new URL(row.url).pathname && e.method === row.method,
  );

  it.each(rows.map(({ row, exchange }) => [row.scenario, row, exchange] as const))(
    'scenario %s matches Chromium',
    (_scenario, row, exchange) => {
      expect(exchange, `no exchange for ${row.url}`).toBeDefined();
      const e = exchange as ExchangeReport;
      if (row.browserVerdict === 'OK') {
        expect({ outcome: e.outcome, browserError: e.browserError }).toEqual({
          outcome: 'allowed',
          browserError: null,
        });
      } else if (row.browserVerdict.startsWith('net::')) {
        expect({ outcome: e.outcome, netError: e.netError }).toEqual({
          outcome: 'failed-not-cors',
          netError: row.browserVerdict,
        });
      } else {
        expect({ outcome: e.outcome, browserError: e.browserError, failedParameter: e.failedParameter }).toEqual({
          outcome: 'blocked',
          browserError: row.browserVerdict,
          failedParameter: row.failedParameter,
        });
      }
    },
  );

  // Redirect scenarios recorded in the capture but not in oracle.json; verdicts from shared/docs/spike-chromium.md §2.
  it('follows a cross-origin redirect with Origin: null (n: allowed, n2: target without ACAO blocked)', () => {
    const n = report.exchanges.find((e) => e.url.endsWith('/n-redirect-xorigin-ok'));
    const n2 = report.exchanges.find((e) => e.url.endsWith('/n2-redirect-xorigin-target-no-acao'));
    expect(n).toMatchObject({ outcome: 'allowed', entries: { redirects: [30] } });
    expect(n?.hops.map((h) => h.origin)).toEqual(['http://127.0.0.1:8001', 'null']);
    expect(n2).toMatchObject({ outcome: 'blocked', browserError: 'MissingAllowOriginHeader', stage: 'response' });
    expect(n2?.hops[1]).toMatchObject({ origin: 'null', status: 200 });
  });
});

describe.each(['getHAR.har', 'stream.har'])('Firefox 153 capture %s', (variant) => {
  const report = diagnoseText(readFixture(`firefox-153/${variant}`), variant);
  const oracle = JSON.parse(readFixture('firefox-153/oracle.json')) as FirefoxOracle[];
  const rows = match(oracle, report.exchanges, (row, e) => new URL(e.url).pathname === row.path);

  it.each(rows.map(({ row, exchange }) => [row.scenario, row, exchange] as const))(
    'scenario %s matches Firefox',
    (_scenario, row, exchange) => {
      expect(exchange, `no exchange for ${row.path}`).toBeDefined();
      const e = exchange as ExchangeReport;
      expect(e.browser).toBe('firefox');
      // Every preflight-stage failure is followed by a generic CORSDidNotSucceed2; the first category is the cause.
      const primary = row.browserVerdict.find((c) => c !== 'CORSDidNotSucceed2');
      if (row.browserVerdict[0] === 'OK') {
        expect({ outcome: e.outcome, firefoxError: e.firefoxError }).toEqual({
          outcome: 'allowed',
          firefoxError: null,
        });
      } else if (!primary) {
        expect({ outcome: e.outcome, firefoxError: e.firefoxError }).toEqual({
          outcome: 'failed-not-cors',
          firefoxError: 'CORSDidNotSucceed2',
        });
      } else {
        expect({ outcome: e.outcome, firefoxError: e.firefoxError }).toEqual({
          outcome: 'blocked',
          firefoxError: primary,
        });
        expect(FIREFOX_TO_CHROMIUM[primary]).toContain(e.browserError);
      }
      // The console line the engine quotes is the one Firefox printed.
      if (row.messages[0]) expect(e.console.firefox).toContain(`(${row.messages[0]}`);
    },
  );
});
