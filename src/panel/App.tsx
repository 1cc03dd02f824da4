// A first, minimal panel: every exchange of the inspected page with its verdict. The full panel (detail view,
// export, navigation handling) is built on this in its own issue.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { LiveCapture } from '../capture/live-capture';
import { diagnose, parseHarJson, type ExchangeReport, type RawHarEntry } from '../engine';
import type { DevtoolsHost } from '../platform/devtools-host';

export function App({ host }: { host: DevtoolsHost }) {
  const entries = useCapturedEntries(host);
  const report = useMemo(
    () =>
      diagnose(
        [
          {
            file: 'live',
            har: parseHarJson({ log: { creator: { name: creatorName(host), version: '' }, entries: [...entries] } }),
          },
        ],
        {
          version: __VERSION__,
        },
      ),
    [entries, host],
  );
  return (
    <main>
      <h1>CORS Doctor</h1>
      <p>
        {report.summary.exchanges} cross-origin requests · {report.summary.blocked} blocked by CORS ·{' '}
        {report.summary.failedNotCors} failed for other reasons
      </p>
      <table>
        <thead>
          <tr>
            <th>Method</th>
            <th>URL</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {report.exchanges.map((exchange) => (
            <tr key={exchange.id} data-outcome={exchange.outcome}>
              <td>{exchange.method}</td>
              <td>{exchange.url}</td>
              <td>{verdictLine(exchange)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

function verdictLine(exchange: ExchangeReport): string {
  if (exchange.outcome === 'allowed') return 'Allowed';
  const title = exchange.diagnoses[0]?.title;
  const name = exchange.browserError ?? exchange.netError;
  return [exchange.outcome, name, title].filter(Boolean).join(' · ');
}

function creatorName(host: DevtoolsHost): string {
  return host.browser === 'firefox' ? 'Firefox' : 'WebInspector';
}

/** The captured entries, re-rendered whenever the capture changes. */
function useCapturedEntries(host: DevtoolsHost): readonly RawHarEntry[] {
  const capture = useMemo(() => new LiveCapture(host), [host]);
  useEffect(() => {
    void capture.start();
    return () => capture.stop();
  }, [capture]);
  return useSyncExternalStore(capture.subscribe, capture.getEntries);
}
