// Section 7: curl commands that replay the preflight and the real request, copied exactly as the report holds them.
import type { ExchangeReport } from '../../../engine';
import { CopyButton } from './CopyButton';
import { Section } from './Section';
import { CapturedText } from './text';

interface Props {
  exchange: ExchangeReport;
  copy: (text: string) => void;
}

export function CurlSection({ exchange, copy }: Props) {
  const commands = [
    { key: 'preflight', title: 'Preflight', text: exchange.curl.preflight },
    { key: 'request', title: 'Real request', text: exchange.curl.request },
  ].filter((c): c is { key: string; title: string; text: string } => c.text !== null);
  return (
    <Section title="Reproduce with curl" name="curl">
      {commands.length === 0 ? (
        <p className="cd-muted">The capture holds no request to replay.</p>
      ) : (
        <>
          {commands.map((command) => (
            <div key={command.key} className="cd-curl">
              <h4 className="cd-subtitle">{command.title}</h4>
              <div className="cd-code-block">
                <pre className="cd-pre">
                  <code>
                    <CapturedText value={command.text} />
                  </code>
                </pre>
                <CopyButton
                  text={command.text}
                  label={`Copy ${command.key === 'preflight' ? 'preflight' : 'request'} curl command`}
                  copy={copy}
                />
              </div>
            </div>
          ))}
        </>
      )}
    </Section>
  );
}
