// The preflight root causes on real captures: the scenarios of shared/fixtures whose preflight failed (b: 404,
// c: 401, d: 301 to a trailing slash) must be explained by the rule that names that failure, in both browsers and
// both HAR variants; look-alikes on the real request must not be.
import { describe, expect, it } from 'vitest';
import type { ExchangeReport, Report } from '../../src/engine';
import { diagnoseText, readFixture, requireSharedFixtures } from '../support/fixtures';

requireSharedFixtures();

function exchange(report: Report, path: string, method?: string): ExchangeReport {
  const found = report.exchanges.find(
    (e) => new URL(e.url).pathname === path && (method === undefined || e.method === method),
  );
  if (!found) throw new Error(`no exchange for ${path}`);
  return found;
}

const rules = (e: ExchangeReport) => e.diagnoses.map((d) => d.rule);

const CAPTURES = [
  { browser: 'Chromium 156', dir: 'chromium-156', redirect: '/d-preflight-redirect', put: '/a-put-ok' },
  { browser: 'Firefox 153', dir: 'firefox-153', redirect: '/d-preflight-301', put: '/a-ok-put' },
] as const;

describe.each(CAPTURES.flatMap((c) => ['getHAR.har', 'stream.har'].map((file) => ({ ...c, file }))))(
  '$browser capture $file',
  ({ dir, file, redirect, put }) => {
    const report = diagnoseText(readFixture(`${dir}/${file}`), file);

    it('c: the 401 preflight is explained first as rejected by authentication', () => {
      const c = exchange(report, '/c-preflight-401', 'PUT');
      expect(c.outcome).toBe('blocked');
      expect(c.diagnoses[0]).toMatchObject({ rule: 'preflight-rejected-by-auth', kind: 'root-cause' });
      expect(c.diagnoses[0]?.message).toContain('WWW-Authenticate: Bearer');
    });

    it('b: the 404 preflight is explained as a missing OPTIONS route', () => {
      const b = exchange(report, '/b-preflight-404', 'PUT');
      expect(b.diagnoses.find((d) => d.kind === 'root-cause')?.rule).toBe('preflight-route-missing');
      expect(rules(b)).not.toContain('preflight-rejected-by-auth');
    });

    it('d: the redirected preflight is explained as a trailing slash added', () => {
      const d = exchange(report, redirect, 'PUT');
      const diagnosis = d.diagnoses.find((x) => x.rule === 'preflight-redirect');
      expect(diagnosis?.kind).toBe('root-cause');
      expect(diagnosis?.message).toMatch(/trailing slash added/);
      expect(diagnosis?.message).toContain(`${redirect}/`);
    });

    it('a preflighted PUT lists why it needed the preflight', () => {
      const a = exchange(report, put, 'PUT');
      expect(a.outcome).toBe('allowed');
      const triggers = a.diagnoses.filter((x) => x.rule === 'preflight-trigger');
      expect(triggers).toHaveLength(1);
      expect(triggers[0]).toMatchObject({ kind: 'advice', severity: 'info' });
      expect(triggers[0]?.message).toMatch(
        /the PUT method .*the Authorization header .*the Content-Type application\/json/,
      );
    });

    it('does not blame the preflight for failures of the real request', () => {
      const real401 = exchange(report, '/l-get-401');
      expect(rules(real401)).not.toContain('preflight-rejected-by-auth');
      expect(rules(real401)).not.toContain('preflight-trigger');
      const real500 = report.exchanges.find((e) => /^\/k-(500-no-cors|real-500)$/.test(new URL(e.url).pathname));
      expect(real500).toBeDefined();
      expect(rules(real500 as ExchangeReport)).not.toContain('preflight-server-error');
      expect(rules(real500 as ExchangeReport)).toContain('preflight-trigger');
    });
  },
);

describe('scenarios of one browser', () => {
  it('Chromium b2: a 404 preflight that carries CORS headers is still a missing route', () => {
    const report = diagnoseText(readFixture('chromium-156/getHAR.har'));
    const b2 = exchange(report, '/b2-preflight-404-with-cors', 'PUT');
    expect(b2.browserError).toBe('PreflightInvalidStatus');
    expect(rules(b2)).toContain('preflight-route-missing');
  });

  it('Chromium q: a 200 preflight with Allow-Methods but no Allow-Origin is not a missing route', () => {
    const report = diagnoseText(readFixture('chromium-156/getHAR.har'));
    const q = exchange(report, '/q-preflight-no-acao', 'PUT');
    expect(q.browserError).toBe('PreflightMissingAllowOriginHeader');
    expect(rules(q)).not.toContain('preflight-route-missing');
  });

  it('Firefox d2: a 301 with CORS headers fails as an external redirect, explained as a trailing slash added', () => {
    const report = diagnoseText(readFixture('firefox-153/getHAR.har'));
    const d2 = exchange(report, '/d2-preflight-301-cors', 'PUT');
    expect(d2.firefoxError).toBe('CORSExternalRedirectNotAllowed');
    expect(d2.diagnoses.find((x) => x.rule === 'preflight-redirect')?.message).toMatch(/trailing slash added/);
  });
});
