// Section 1: the five facts (page origin, API origin, method, credentials, preflight) and the kind of problem.
import type { ExchangeReport, RawHarEntry } from '../../../engine';
import { KIND_LABELS, originOf, problemKind } from './exchange';
import { entryAt, statusOf } from './har';
import { Section } from './Section';
import { CapturedText } from './text';

interface Props {
  exchange: ExchangeReport;
  entries: readonly RawHarEntry[];
}

const CREDENTIALS: Record<ExchangeReport['credentials'], string> = {
  include: 'sent',
  'not-include': 'not sent',
  unknown: 'unknown',
};

const ALTERNATIVE: Record<'include' | 'not-include', string> = {
  include: 'With credentials',
  'not-include': 'Without credentials',
};

const OUTCOME: Record<ExchangeReport['outcome'], string> = {
  allowed: 'allowed',
  blocked: 'blocked by CORS',
  'failed-not-cors': 'failed (not CORS)',
  unknown: 'undecided',
};

export function FactsSection({ exchange, entries }: Props) {
  const kind = problemKind(exchange);
  const errors = [
    exchange.browserError && { label: 'Chrome', value: exchange.browserError },
    exchange.firefoxError && { label: 'Firefox', value: exchange.firefoxError },
    exchange.netError && { label: 'Network', value: exchange.netError },
  ].filter((item): item is { label: string; value: string } => Boolean(item));
  return (
    <Section title="Summary" name="facts">
      <div className="cd-kind" data-kind={kind}>
        <strong className="cd-kind__label">{KIND_LABELS[kind]}</strong>
        {errors.length > 0 && (
          <span className="cd-kind__errors">
            {errors.map((error) => (
              <span key={error.label} className="cd-kind__error">
                {error.label}:{' '}
                <code className="cd-code">
                  <CapturedText value={error.value} />
                </code>
              </span>
            ))}
            {exchange.failedParameter !== null && (
              <span className="cd-kind__error">
                failed value:{' '}
                <code className="cd-code cd-value">
                  <CapturedText value={exchange.failedParameter} />
                </code>
              </span>
            )}
            {exchange.stage !== null && <span className="cd-kind__error">at the {exchange.stage}</span>}
          </span>
        )}
      </div>
      {exchange.alternatives && exchange.alternatives.length > 0 && (
        <ul className="cd-alternatives" aria-label="Verdict under each credentials assumption">
          {exchange.alternatives.map((alt) => (
            <li key={alt.credentials}>
              {ALTERNATIVE[alt.credentials]}: <strong>{OUTCOME[alt.outcome]}</strong>
              {alt.browserError && (
                <>
                  {' '}
                  (<code className="cd-code">{alt.browserError}</code>
                  {alt.failedParameter !== null && (
                    <>
                      , <CapturedText value={alt.failedParameter} />
                    </>
                  )}
                  )
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <dl className="cd-facts">
        <div className="cd-facts__row">
          <dt>Page origin</dt>
          <dd className="cd-value">
            {exchange.origin === null ? (
              <span className="cd-muted">unknown (the capture does not show it)</span>
            ) : (
              <CapturedText value={exchange.origin} />
            )}
          </dd>
        </div>
        <div className="cd-facts__row">
          <dt>API origin</dt>
          <dd className="cd-value">
            <CapturedText value={originOf(exchange.url)} />
          </dd>
        </div>
        <div className="cd-facts__row">
          <dt>Method</dt>
          <dd className="cd-value">
            <code className="cd-code">
              <CapturedText value={exchange.method} />
            </code>
          </dd>
        </div>
        <div className="cd-facts__row">
          <dt>Credentials</dt>
          <dd>
            <strong>{CREDENTIALS[exchange.credentials]}</strong>
            {exchange.credentialsEvidence && (
              <>
                {' '}
                <span className="cd-muted">
                  — <CapturedText value={exchange.credentialsEvidence} />
                </span>
              </>
            )}
          </dd>
        </div>
        <div className="cd-facts__row">
          <dt>Preflight</dt>
          <dd>
            <PreflightFact exchange={exchange} entries={entries} />
          </dd>
        </div>
      </dl>
    </Section>
  );
}

function PreflightFact({ exchange, entries }: Props) {
  const hop = exchange.hops[0];
  if (exchange.preflight === 'not-needed') {
    return (
      <>
        <strong>not needed</strong> <span className="cd-muted">— a simple request goes without one</span>
      </>
    );
  }
  const status = hop?.preflightStatus ?? null;
  const raw = statusOf(entryAt(entries, exchange.entries.preflight));
  const statusText = raw && raw.status === status ? raw.text : '';
  return (
    <>
      <strong>needed</strong>
      {exchange.preflight === 'observed' ? (
        <>
          , observed
          {status !== null && (
            <>
              {': '}
              <span className="cd-status" data-ok={status >= 200 && status < 300}>
                {status === 0 ? (
                  'no response'
                ) : (
                  <>
                    {status} <CapturedText value={statusText} />
                  </>
                )}
              </span>
            </>
          )}
        </>
      ) : (
        <>
          , not observed <span className="cd-muted">(cached by the browser, or DevTools opened after it)</span>
        </>
      )}
      {exchange.preflightReasons.length > 0 && (
        <ul className="cd-reasons" aria-label="Why a preflight was needed">
          {exchange.preflightReasons.map((reason, i) => (
            <li key={i}>
              <CapturedText value={reason} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
