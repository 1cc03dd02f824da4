// Root causes on the real captures (shared/fixtures): a request that never got a response is "not a CORS error",
// whatever the console says, and a cross-origin redirect that tainted the Origin explains the block after it.
import { describe, expect, it } from 'vitest';
import type { ExchangeReport } from '../../src/engine';
import { diagnoseText, readFixture, requireSharedFixtures } from '../support/fixtures';

requireSharedFixtures();

function exchangeFor(file: string, path: string): ExchangeReport {
  const report = diagnoseText(readFixture(file), file);
  const exchange = report.exchanges.find((e) => new URL(e.url).pathname === path);
  if (!exchange) throw new Error(`${file} has no exchange for ${path}`);
  return exchange;
}

describe.each(['getHAR.har', 'stream.har'])('Chromium 156 capture %s', (variant) => {
  const file = `chromium-156/${variant}`;

  it('x (connection refused): not a CORS error, listed first', () => {
    const x = exchangeFor(file, '/x-refused');
    expect(x).toMatchObject({ outcome: 'failed-not-cors', netError: 'net::ERR_CONNECTION_REFUSED' });
    const first = x.diagnoses[0];
    expect(first).toMatchObject({ rule: 'not-a-cors-error', kind: 'root-cause' });
    expect(first?.message).toContain('net::ERR_CONNECTION_REFUSED');
    expect(first?.message).toContain('This is not a CORS error');
    // A loopback page calling loopback is not Local Network Access, nor another environment.
    expect(x.diagnoses.map((d) => d.rule)).not.toContain('local-network-access');
    expect(x.diagnoses.map((d) => d.rule)).not.toContain('api-wrong-environment');
  });

  it('n2 (302 to another origin, target without ACAO): the tainted Origin is the root cause', () => {
    const n2 = exchangeFor(file, '/n2-redirect-xorigin-target-no-acao');
    expect(n2).toMatchObject({ outcome: 'blocked', browserError: 'MissingAllowOriginHeader', stage: 'response' });
    const first = n2.diagnoses[0];
    expect(first).toMatchObject({ rule: 'redirect-tainted-origin', kind: 'root-cause' });
    expect(first?.message).toContain('`Origin: null`');
    expect(first?.message).toContain('http://127.0.0.1:8003/n2-target-no-acao');
    expect(n2.diagnoses.map((d) => d.rule)).not.toContain('not-a-cors-error');
  });

  it('n (302 to another origin, target allows "*"): nothing to explain', () => {
    const n = exchangeFor(file, '/n-redirect-xorigin-ok');
    expect(n.outcome).toBe('allowed');
    expect(n.diagnoses.map((d) => d.rule)).not.toContain('redirect-tainted-origin');
  });
});

describe.each(['getHAR.har', 'stream.har'])('Firefox 153 capture %s', (variant) => {
  it('s (closed port, status 0 without an error name): not a CORS error, listed first', () => {
    const s = exchangeFor(`firefox-153/${variant}`, '/s-closed-port');
    expect(s).toMatchObject({ outcome: 'failed-not-cors', firefoxError: 'CORSDidNotSucceed2' });
    const first = s.diagnoses[0];
    expect(first).toMatchObject({ rule: 'not-a-cors-error', kind: 'root-cause' });
    expect(first?.message).toContain('CORS request did not succeed');
    expect(s.diagnoses.map((d) => d.rule)).not.toContain('local-network-access');
  });
});
