// Section 3: what each browser's console prints for this exchange, the producing browser's first (the one whose
// rules decided the verdict: for an imported capture, what its reporter saw), then the other's, then how they differ.
import type { ExchangeReport } from '../../../engine';
import { Section } from './Section';
import { CapturedText, Message } from './text';

interface Props {
  exchange: ExchangeReport;
  /** The panel's browser: the order when the report does not name a known producer. */
  browser: 'chrome' | 'firefox';
}

export function ConsoleSection({ exchange, browser }: Props) {
  const first = exchange.browser === 'firefox' ? 'firefox' : exchange.browser === 'chromium' ? 'chrome' : browser;
  const lines = [
    { id: 'chrome', label: 'Chrome', text: exchange.console.chromium },
    { id: 'firefox', label: 'Firefox', text: exchange.console.firefox },
  ];
  if (first === 'firefox') lines.reverse();
  const printed = lines.filter((line) => line.text !== null);
  return (
    <Section title="What the browser console says" name="console">
      {printed.length === 0 ? (
        <p className="cd-muted">Neither browser prints a console message for this request.</p>
      ) : (
        <dl className="cd-console">
          {lines.map((line) => (
            <div key={line.id} className="cd-console__row" data-browser={line.id}>
              <dt>{line.label}</dt>
              <dd>
                {line.text === null ? (
                  <span className="cd-muted">prints nothing for this request</span>
                ) : (
                  <pre className="cd-pre cd-pre--console">
                    <CapturedText value={line.text} />
                  </pre>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {exchange.deviation && (
        <p className="cd-deviation">
          <strong>Browsers differ:</strong> <Message text={exchange.deviation} />
        </p>
      )}
    </Section>
  );
}
