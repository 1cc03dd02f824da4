// The Access-Control-Allow-Origin root causes on real captures (shared/fixtures): for each scenario whose cause the
// capture shows, the root cause must be listed first, before the failing check, in both HAR variants.
import { describe, expect, it } from 'vitest';
import type { ExchangeReport, Report } from '../../src/engine';
import { diagnoseText, readFixture, requireSharedFixtures } from '../support/fixtures';

requireSharedFixtures();

const OUR_ROOT_CAUSES = [
  'allow-origin-near-miss',
  'allow-origin-wrong-environment',
  'allow-origin-duplicated',
  'credentials-wildcard',
  'cache-missing-vary-origin',
];

function exchangeAt(report: Report, path: string): ExchangeReport {
  const exchange = report.exchanges.find((e) => new URL(e.url).pathname === path);
  if (!exchange) throw new Error(`no exchange for ${path}`);
  return exchange;
}

const first = (exchange: ExchangeReport) => exchange.diagnoses[0];

describe.each(['getHAR.har', 'stream.har'])('Chromium 156 %s', (file) => {
  const report = diagnoseText(readFixture(`chromium-156/${file}`), file);

  it('h (two ACAO lines): duplicate header lines, named, before MultipleAllowOriginValues', () => {
    const h = exchangeAt(report, '/h-acao-two-headers');
    expect(h.browserError).toBe('MultipleAllowOriginValues');
    expect(first(h)).toMatchObject({ rule: 'allow-origin-duplicated', kind: 'root-cause' });
    expect(first(h)?.message).toContain(
      '2 Access-Control-Allow-Origin header lines: "http://127.0.0.1:8001" and "http://127.0.0.1:9999"',
    );
    expect(first(h)?.fixes[0]).toContain('keep the layer that sends "http://127.0.0.1:8001"');
  });

  it('h2 (one comma list): the whole allowlist in one header', () => {
    const h2 = exchangeAt(report, '/h2-acao-comma-list');
    expect(h2.browserError).toBe('MultipleAllowOriginValues');
    expect(first(h2)).toMatchObject({ rule: 'allow-origin-duplicated', kind: 'root-cause' });
    expect(first(h2)?.message).toContain('sends the whole list of allowed origins in one Access-Control-Allow-Origin');
    expect(first(h2)?.message).toContain('is in that list');
  });

  it('f (fetch credentials: include, ACAO *): credentials-wildcard, naming the Cookie', () => {
    const f = exchangeAt(report, '/f-cred-wildcard');
    expect(f.browserError).toBe('WildcardOriginNotAllowed');
    expect(first(f)).toMatchObject({ rule: 'credentials-wildcard', kind: 'root-cause' });
    expect(first(f)?.message).toContain("`credentials: 'include'` in the fetch() call");
    expect(first(f)?.message).toContain('The request carried a Cookie header');
    expect(first(f)?.message).toContain('`Access-Control-Allow-Credentials: true`, so the server means to accept');
  });

  it('r (XHR withCredentials, ACAO *): credentials-wildcard, naming withCredentials', () => {
    const r = exchangeAt(report, '/r-xhr-cred-wildcard');
    expect(r.browserError).toBe('WildcardOriginNotAllowed');
    expect(first(r)).toMatchObject({ rule: 'credentials-wildcard', kind: 'root-cause' });
    expect(first(r)?.message).toContain('`withCredentials = true` on the XMLHttpRequest');
  });

  it('g (ACAO http://127.0.0.1:9999 for a page on :8001): a near miss on the port', () => {
    const g = exchangeAt(report, '/g-acao-mismatch');
    expect(g.browserError).toBe('AllowOriginMismatch');
    expect(first(g)).toMatchObject({ rule: 'allow-origin-near-miss', kind: 'root-cause' });
    expect(first(g)?.message).toContain('the allowed value has port 9999 where the page uses port 8001');
  });

  it('no allow-origin root cause on a request the browser allowed, and no cache mix-up anywhere', () => {
    for (const exchange of report.exchanges) {
      const rules = exchange.diagnoses.map((d) => d.rule);
      if (exchange.outcome === 'allowed') {
        expect(
          rules.filter((r) => OUR_ROOT_CAUSES.includes(r)),
          exchange.url,
        ).toEqual([]);
      }
      expect(rules, exchange.url).not.toContain('cache-missing-vary-origin');
    }
  });
});

describe.each(['getHAR.har', 'stream.har'])('Firefox 153 %s', (file) => {
  const report = diagnoseText(readFixture(`firefox-153/${file}`), file);

  it('h (two identical ACAO lines): duplicate header lines, before CORSMultipleAllowOriginNotAllowed', () => {
    const h = exchangeAt(report, '/h-acao-multiple');
    expect(h.firefoxError).toBe('CORSMultipleAllowOriginNotAllowed');
    expect(first(h)).toMatchObject({ rule: 'allow-origin-duplicated', kind: 'root-cause' });
    expect(first(h)?.message).toContain('2 Access-Control-Allow-Origin header lines: "http://127.0.0.1:8301" twice');
  });

  it('f (credentials, ACAO *): credentials-wildcard', () => {
    const f = exchangeAt(report, '/f-cred-acao-star');
    expect(f.firefoxError).toBe('CORSNotSupportingCredentials');
    expect(first(f)).toMatchObject({ rule: 'credentials-wildcard', kind: 'root-cause' });
  });

  it('g (ACAO http://example.com): a real mismatch, neither a near miss nor another environment', () => {
    const g = exchangeAt(report, '/g-acao-mismatch');
    expect(g.firefoxError).toBe('CORSAllowOriginNotMatchingOrigin');
    expect(g.diagnoses.map((d) => d.rule)).not.toContain('allow-origin-near-miss');
    expect(g.diagnoses.map((d) => d.rule)).not.toContain('allow-origin-wrong-environment');
  });

  it('no warning about Vary where every response says Cache-Control: no-store', () => {
    for (const exchange of report.exchanges) {
      expect(
        exchange.diagnoses.map((d) => d.rule),
        exchange.url,
      ).not.toContain('vary-origin-missing');
    }
  });
});
