// The engine's verdict on what the extension captured, request by request, against the browser's own.
import { diagnose, parseHarJson, type ExchangeReport, type RawHarEntry, type Report } from '../../../src/engine';
import { chromiumAgreement, firefoxAgreement, type Agreement } from '../../support/agreement';
import type { BrowserName, RequestObservation } from './observe';

export interface Judged extends RequestObservation {
  agreement: Agreement;
  exchange: ExchangeReport | undefined;
  /** The rules the engine named for this request: root causes, then the failed check, then advice. */
  rules: string[];
}

/** The captured entries as the panel diagnoses them: a HAR log of the browser the capture comes from. */
export function captureHar(browser: BrowserName, version: string, entries: readonly RawHarEntry[]): unknown {
  const creator = browser === 'firefox' ? 'Firefox' : 'WebInspector';
  return { log: { version: '1.2', creator: { name: creator, version }, comment: 'CORS lab', entries } };
}

export function diagnoseCapture(har: unknown): Report {
  return diagnose([{ file: 'lab capture', har: parseHarJson(har) }], { version: 'lab' });
}

export function judge(browser: BrowserName, observations: readonly RequestObservation[], report: Report): Judged[] {
  const used = new Set<ExchangeReport>();
  return observations.map((observation) => {
    // The k-th request to a URL is the k-th exchange for it, in capture order.
    const exchange = report.exchanges.find(
      (e) => !used.has(e) && e.url === observation.url && e.method === observation.method,
    );
    if (exchange) used.add(exchange);
    const { verdict } = observation;
    const agreement =
      verdict.browser === 'chromium'
        ? chromiumAgreement(verdict.verdict, verdict.failedParameter, exchange)
        : firefoxAgreement(verdict.categories, exchange, !observation.page.ok);
    if (browser !== verdict.browser) throw new Error(`a ${verdict.browser} verdict in the ${browser} run`);
    return { ...observation, agreement, exchange, rules: exchange?.diagnoses.map((d) => d.rule) ?? [] };
  });
}

/**
 * The status Firefox's console gives for a response whose capture says status 0: Firefox sometimes zeroes the status
 * of a response it blocked (its HAR keeps the headers), so a rule that reads the status (an error status without CORS
 * headers) cannot be named from that capture. Null when the capture has the status, or the console does not say.
 */
export function statusLostByFirefox(judged: Judged): number | null {
  const exchange = judged.exchange;
  // The real response's status (a request blocked at its preflight was never answered: its 0 is no loss).
  if (judged.verdict.browser !== 'firefox' || exchange?.status !== 0) return null;
  if (exchange.stage !== 'response' && exchange.stage !== 'redirect') return null;
  for (const message of judged.verdict.messages) {
    const status = /Status code: (\d+)/.exec(message)?.[1];
    if (status && Number(status) > 0) return Number(status);
  }
  return null;
}
