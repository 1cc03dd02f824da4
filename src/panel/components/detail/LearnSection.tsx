// Section 8: for learners: why this request was preflighted, what a preflight is, and the rule docs.
import type { ExchangeReport } from '../../../engine';
import { printable } from '../../../render/printable';
import { Section } from './Section';
import { CapturedText, Message } from './text';

export function LearnSection({ exchange }: { exchange: ExchangeReport }) {
  const trigger = exchange.diagnoses.find((d) => d.rule === 'preflight-trigger');
  const docs = [...new Map(exchange.diagnoses.map((d) => [d.docs, d])).values()];
  return (
    <Section title="Learn" name="learn">
      <h4 className="cd-subtitle">{exchange.preflight === 'not-needed' ? 'Why no preflight' : 'Why a preflight'}</h4>
      {trigger ? (
        <p>
          <Message text={trigger.message} />
        </p>
      ) : exchange.preflightReasons.length > 0 ? (
        <ul>
          {exchange.preflightReasons.map((reason, i) => (
            <li key={i}>
              <CapturedText value={reason} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          This request needed none: a GET, HEAD or POST with only CORS-safelisted headers (and a form or text
          Content-Type) is sent directly, and the browser checks the CORS headers of its response.
        </p>
      )}
      <h4 className="cd-subtitle">What is a preflight?</h4>
      <p>
        Before a cross-origin request that a plain HTML form could not make (a method other than GET, HEAD or POST, or
        headers such as Authorization or a JSON Content-Type), the browser first asks the server for permission with an
        OPTIONS request: the preflight. It carries no cookies or credentials, names the method and headers it wants in
        Access-Control-Request-Method and Access-Control-Request-Headers, and the server must answer with a 2xx status
        and Access-Control-Allow-* headers that cover them. Only then does the browser send the real request, and it
        checks the CORS headers of that response again.
      </p>
      {docs.length > 0 && (
        <>
          <h4 className="cd-subtitle">Rule documentation</h4>
          <ul className="cd-docs">
            {docs.map((d) => (
              <li key={d.docs}>
                <code className="cd-code">{d.docs}</code> <span className="cd-muted">— {printable(d.title)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
