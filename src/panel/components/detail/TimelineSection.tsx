// Section 5: the exchange in the order the browser ran it: preflight, then the request, then each redirect hop,
// with the Origin sent at each step ("null" after a tainting redirect) and the capture's timings.
import type { ExchangeReport, HopReport, RawHarEntry } from '../../../engine';
import { entryAt, formatMs, netErrorOf, statusOf, timingOf } from './har';
import { Section } from './Section';
import { CapturedText, UrlText } from './text';

interface Props {
  exchange: ExchangeReport;
  entries: readonly RawHarEntry[];
}

interface Step {
  key: string;
  label: string;
  method: string;
  url: string;
  status: string;
  ok: boolean | null;
  origin: string;
  tainted: boolean;
  entry: RawHarEntry | null;
}

export function TimelineSection({ exchange, entries }: Props) {
  const steps = timelineSteps(exchange, entries);
  const starts = steps.map((step) => timingOf(step.entry).start).filter((s): s is number => s !== null);
  const base = starts.length ? Math.min(...starts) : null;
  return (
    <Section title="Timeline" name="timeline">
      <ol className="cd-timeline">
        {steps.map((step) => {
          const { start, duration } = timingOf(step.entry);
          return (
            <li key={step.key} className="cd-step" data-ok={step.ok === null ? undefined : step.ok}>
              <div className="cd-step__head">
                <span className="cd-step__label">{step.label}</span>{' '}
                <code className="cd-code cd-method">
                  <CapturedText value={step.method} />
                </code>{' '}
                <UrlText url={step.url} />
              </div>
              <div className="cd-step__facts">
                <span className="cd-status" data-ok={step.ok === null ? undefined : step.ok}>
                  <CapturedText value={step.status} />
                </span>
                <span>
                  Origin sent:{' '}
                  <code className="cd-code cd-value">
                    <CapturedText value={step.origin} />
                  </code>
                  {step.tainted && <span className="cd-muted"> (tainted by a cross-origin redirect)</span>}
                </span>
                {(start !== null || duration !== null) && (
                  <span className="cd-muted">
                    {start !== null && base !== null && `at +${formatMs(start - base)}`}
                    {start !== null && duration !== null && ', '}
                    {duration !== null && `took ${formatMs(duration)}`}
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

function timelineSteps(exchange: ExchangeReport, entries: readonly RawHarEntry[]): Step[] {
  const hops: HopReport[] = exchange.hops.length
    ? exchange.hops
    : [
        {
          entry: exchange.entries.request,
          url: exchange.url,
          method: exchange.method,
          status: exchange.status,
          preflight: exchange.entries.preflight,
          preflightStatus: null,
          preflightState: exchange.preflight,
          origin: exchange.origin ?? 'unknown',
        },
      ];
  const steps: Step[] = [];
  hops.forEach((hop, i) => {
    const last = i === hops.length - 1;
    const tainted = i > 0 && hop.origin === 'null';
    if (hop.preflight !== null || hop.preflightState !== 'not-needed') {
      const entry = entryAt(entries, hop.preflight);
      steps.push({
        key: `preflight-${i}`,
        label: i === 0 ? 'Preflight' : `Preflight, hop ${i + 1}`,
        method: 'OPTIONS',
        url: hop.url,
        ...preflightStatus(hop, entry),
        origin: hop.origin,
        tainted,
        entry,
      });
    }
    const entry = entryAt(entries, hop.entry);
    steps.push({
      key: `hop-${i}`,
      label: i === 0 ? 'Real request' : `Redirect ${i}`,
      method: hop.method,
      url: hop.url,
      ...requestStatus(exchange, hop, entry, last),
      origin: hop.origin,
      tainted,
      entry,
    });
  });
  return steps;
}

function preflightStatus(hop: HopReport, entry: RawHarEntry | null): { status: string; ok: boolean | null } {
  if (hop.preflight === null)
    return { status: 'not in the capture (cached, or recorded before DevTools opened)', ok: null };
  const status = hop.preflightStatus ?? statusOf(entry)?.status ?? null;
  if (status === null) return { status: 'status unknown', ok: null };
  if (status === 0) return { status: withError('no response', entry), ok: false };
  return { status: statusLine(status, entry), ok: status >= 200 && status < 300 };
}

function requestStatus(
  exchange: ExchangeReport,
  hop: HopReport,
  entry: RawHarEntry | null,
  last: boolean,
): { status: string; ok: boolean | null } {
  const blockedAtPreflight =
    last && hop.preflight !== null && (exchange.stage === 'preflight' || hop.preflightStatus === 0);
  if (hop.entry === null) {
    return { status: blockedAtPreflight ? 'not sent (not in the capture)' : 'not in the capture', ok: false };
  }
  const status = hop.status ?? statusOf(entry)?.status ?? null;
  if (status === null) return { status: 'status unknown', ok: null };
  if (status === 0) {
    return {
      status: blockedAtPreflight ? 'not sent: the preflight failed' : withError('no response', entry),
      ok: false,
    };
  }
  const ok = status >= 200 && status < 400 && !(last && exchange.outcome === 'blocked');
  return { status: statusLine(status, entry), ok };
}

function statusLine(status: number, entry: RawHarEntry | null): string {
  const raw = statusOf(entry);
  return raw && raw.status === status && raw.text ? `${status} ${raw.text}` : String(status);
}

function withError(text: string, entry: RawHarEntry | null): string {
  const error = netErrorOf(entry);
  return error ? `${text} (${error})` : text;
}
