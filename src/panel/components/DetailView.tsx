// The detail of one exchange: what happened, why, and how to fix it, in the order a developer reads it.
// Every captured value is rendered as text (never HTML, never a link) through detail/text.tsx.
import { useId } from 'react';
import type { DetailViewProps } from '../contracts';
import { ConsoleSection } from './detail/ConsoleSection';
import { CurlSection } from './detail/CurlSection';
import './detail/detail.css';
import { EvidenceSection } from './detail/EvidenceSection';
import { FactsSection } from './detail/FactsSection';
import { FixSection } from './detail/FixSection';
import { LearnSection } from './detail/LearnSection';
import { RootCauseSection } from './detail/RootCauseSection';
import { CapturedText, UrlText } from './detail/text';
import { TimelineSection } from './detail/TimelineSection';

export function DetailView(props: DetailViewProps) {
  // A new exchange starts fresh: stack choice, "show all" toggles and "Copied" states belong to one exchange.
  return <DetailBody key={props.exchange.id} {...props} />;
}

function DetailBody({ exchange, entries, browser, copy }: DetailViewProps) {
  const titleId = useId();
  return (
    <article className="cd-detail" aria-labelledby={titleId} data-outcome={exchange.outcome}>
      <header className="cd-detail__header">
        <h2 id={titleId} className="cd-detail__title">
          <code className="cd-code cd-method">
            <CapturedText value={exchange.method} />
          </code>{' '}
          <UrlText url={exchange.url} />
        </h2>
      </header>
      <FactsSection exchange={exchange} entries={entries} />
      <RootCauseSection exchange={exchange} />
      <ConsoleSection exchange={exchange} browser={browser} />
      <EvidenceSection exchange={exchange} entries={entries} />
      <TimelineSection exchange={exchange} entries={entries} />
      <FixSection exchange={exchange} copy={copy} />
      <CurlSection exchange={exchange} copy={copy} />
      <LearnSection exchange={exchange} />
    </article>
  );
}
