// Section 6: the generic fixes, then the fix in the server stack's own terms: detected stacks first and expanded,
// and a "Server stack" selector for any other stack.
import { useId, useState } from 'react';
import type { ExchangeReport } from '../../../engine';
import { CopyButton } from './CopyButton';
import { DEFAULT_STACK, genericFixes, stackGroups, topicLabel, type StackGroup } from './exchange';
import { Section } from './Section';
import { CapturedText, Message } from './text';

interface Props {
  exchange: ExchangeReport;
  copy: (text: string) => void;
}

export function FixSection({ exchange, copy }: Props) {
  const fixes = genericFixes(exchange);
  const groups = stackGroups(exchange);
  const detected = groups.filter((g) => g.detected);
  const fallback = groups.find((g) => g.stack === DEFAULT_STACK) ?? groups[0];
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  const selected = groups.find((g) => g.stack === chosen) ?? detected[0] ?? fallback;
  const alsoDetected = detected.filter((g) => g !== selected);
  return (
    <Section title="Fix" name="fix">
      {fixes.length === 0 ? (
        <p className="cd-muted">Nothing to fix.</p>
      ) : (
        <ul className="cd-fixes">
          {fixes.map((fix, i) => (
            <li key={i}>
              <Message text={fix} />
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div className="cd-stacks">
          <h4 className="cd-subtitle">In your server&apos;s terms</h4>
          {exchange.stacks.length > 0 ? (
            <p className="cd-muted">
              Detected from the response headers:{' '}
              {exchange.stacks.map((s, i) => (
                <span key={i}>
                  {i > 0 && ', '}
                  <code className="cd-code cd-value">
                    <CapturedText value={s.evidence} />
                  </code>
                </span>
              ))}
            </p>
          ) : (
            <p className="cd-muted">The response headers do not reveal the server stack: choose yours.</p>
          )}
          <div className="cd-stack-picker">
            <label htmlFor={selectId}>Server stack</label>{' '}
            <select id={selectId} value={selected.stack} onChange={(event) => setChosen(event.target.value)}>
              {groups.map((g) => (
                <option key={g.stack} value={g.stack}>
                  {g.label}
                  {g.detected ? ' (detected)' : ''}
                </option>
              ))}
            </select>
          </div>
          <StackFixes group={selected} copy={copy} />
          {alsoDetected.map((g) => (
            <StackFixes key={g.stack} group={g} copy={copy} />
          ))}
        </div>
      )}
    </Section>
  );
}

function StackFixes({ group, copy }: { group: StackGroup; copy: (text: string) => void }) {
  return (
    <div className="cd-stack" data-stack={group.stack}>
      <h5 className="cd-stack__title">
        {group.label}
        {group.detected && <span className="cd-pill cd-pill--detected">detected</span>}
      </h5>
      {group.fixes.map((fix) => (
        <div key={fix.topic} className="cd-snippet">
          <p className="cd-snippet__summary">
            <span className="cd-topic">{topicLabel(fix.topic)}</span> <Message text={fix.summary} />
          </p>
          <div className="cd-code-block">
            <pre className="cd-pre" data-language={fix.language}>
              <code>
                <CapturedText value={fix.code} />
              </code>
            </pre>
            <CopyButton text={fix.code} label={`Copy ${group.label} code: ${topicLabel(fix.topic)}`} copy={copy} />
          </div>
        </div>
      ))}
    </div>
  );
}
