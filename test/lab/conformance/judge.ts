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
