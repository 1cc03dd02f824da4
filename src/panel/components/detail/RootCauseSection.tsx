// Section 2: the diagnosis to lead with (root cause, else the failed check), then every other diagnosis.
import type { DiagnosisReport, ExchangeReport } from '../../../engine';
import { printable } from '../../../render/printable';
import { leadDiagnosis } from './exchange';
import { Section } from './Section';
import { Message } from './text';

const KIND_WORDS: Record<DiagnosisReport['kind'], string> = {
  'root-cause': 'Root cause',
  check: 'Failed check',
  advice: 'Advice',
};

export function RootCauseSection({ exchange }: { exchange: ExchangeReport }) {
  const lead = leadDiagnosis(exchange);
  const others = exchange.diagnoses.filter((d) => d !== lead);
  return (
    <Section title="Root cause" name="root-cause">
      {lead ? (
        <div className="cd-lead" data-severity={lead.severity}>
          <p className="cd-lead__kind">{KIND_WORDS[lead.kind]}</p>
          <h4 className="cd-lead__title">{printable(lead.title)}</h4>
          <p className="cd-message">
            <Message text={lead.message} />
          </p>
          <DiagnosisMeta diagnosis={lead} />
        </div>
      ) : (
        <p className="cd-lead cd-lead--none">{noLeadText(exchange)}</p>
      )}
      {others.length > 0 && (
        <ul className="cd-diagnoses" aria-label="Other findings">
          {others.map((d, i) => (
            <li key={`${d.rule}-${i}`} className="cd-diagnosis" data-severity={d.severity}>
              <h4 className="cd-diagnosis__title">{printable(d.title)}</h4>
              <p className="cd-message">
                <Message text={d.message} />
              </p>
              <DiagnosisMeta diagnosis={d} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function DiagnosisMeta({ diagnosis }: { diagnosis: DiagnosisReport }) {
  return (
    <p className="cd-meta">
      <span className="cd-pill" data-severity={diagnosis.severity}>
        {diagnosis.severity}
      </span>{' '}
      <span className="cd-muted">{KIND_WORDS[diagnosis.kind].toLowerCase()}</span> · rule{' '}
      <code className="cd-code">{diagnosis.rule}</code> · doc <code className="cd-code">{diagnosis.docs}</code>
    </p>
  );
}

function noLeadText(exchange: ExchangeReport): string {
  switch (exchange.outcome) {
    case 'allowed':
      return 'No problem: the browser let the page read this response.';
    case 'unknown':
      return 'Undecided: the verdict depends on whether the request carried credentials, which the capture does not show (see the summary for both verdicts).';
    case 'blocked':
      return 'The browser blocked this request; the capture does not show which check failed.';
    case 'failed-not-cors':
      return 'The request failed for a reason that is not CORS.';
  }
}
