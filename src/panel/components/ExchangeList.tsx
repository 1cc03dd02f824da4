// The list of exchanges: virtualized, so 10,000 rows stay instant; a listbox driven by the arrow keys.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ExchangeReport } from '../../engine';
import { printable } from '../../render/printable';
import { verdictLine } from '../state/panel-store';

const ROW_HEIGHT = 40;

export interface ExchangeListProps {
  exchanges: readonly ExchangeReport[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Enter on a row: move the focus to the details. */
  onOpen: (id: string) => void;
  /** What to say when there is nothing to list. */
  emptyMessage: string;
}

function ExchangeListView({ exchanges, selectedId, onSelect, onOpen, emptyMessage }: ExchangeListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is not React-Compiler safe; this component is not compiled
  const virtualizer = useVirtualizer({
    count: exchanges.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // jsdom and hidden panels report no size: render a first screenful anyway.
    initialRect: { width: 800, height: 600 },
  });
  const selectedIndex = useMemo(() => exchanges.findIndex((e) => e.id === selectedId), [exchanges, selectedId]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = exchanges.length - 1;
    const move: Record<string, number> = {
      ArrowDown: Math.min(last, selectedIndex + 1),
      ArrowUp: Math.max(0, selectedIndex - 1),
      Home: 0,
      End: last,
      PageDown: Math.min(last, selectedIndex + 10),
      PageUp: Math.max(0, selectedIndex - 10),
    };
    const target = move[event.key];
    if (target !== undefined && last >= 0) {
      event.preventDefault();
      const next = exchanges[target];
      if (next) {
        onSelect(next.id);
        virtualizer.scrollToIndex(target, { align: 'auto' });
      }
    } else if (event.key === 'Enter' && selectedId) {
      event.preventDefault();
      onOpen(selectedId);
    }
  }

  if (exchanges.length === 0) {
    return (
      <div className="cd-list cd-list--empty" role="status">
        {emptyMessage}
      </div>
    );
  }

  return (
    <div
      ref={scroller}
      className="cd-list"
      role="listbox"
      aria-label="Cross-origin requests"
      tabIndex={0}
      aria-activedescendant={selectedId ? rowId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const exchange = exchanges[item.index] as ExchangeReport;
          return (
            <Row
              key={exchange.id}
              exchange={exchange}
              selected={exchange.id === selectedId}
              top={item.start}
              onSelect={onSelect}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * Memoized: the panel re-renders for what the list does not show (a notice, the summary, the details), and with
 * 10,000 rows even a search of the list costs.
 */
export const ExchangeList = memo(ExchangeListView);

/** One row; memoized, so a new selection re-renders the two rows it changes, not every row on screen. */
const Row = memo(function Row({
  exchange,
  selected,
  top,
  onSelect,
}: {
  exchange: ExchangeReport;
  selected: boolean;
  top: number;
  onSelect: (id: string) => void;
}) {
  const { origin, path } = splitUrl(exchange.url);
  return (
    <div
      id={rowId(exchange.id)}
      role="option"
      aria-selected={selected}
      data-outcome={exchange.outcome}
      className={`cd-row cd-row--${exchange.outcome}${selected ? ' cd-row--selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(exchange.id)}
    >
      <span className="cd-row__method">{exchange.method}</span>
      <span className="cd-row__url" title={printable(exchange.url)}>
        <span className="cd-row__path">{printable(path)}</span>
        <span className="cd-row__origin">{printable(origin)}</span>
      </span>
      <span className="cd-row__status">{statusLine(exchange)}</span>
      <span className="cd-row__verdict">
        <span className={`cd-badge cd-badge--${exchange.outcome}`}>{BADGES[exchange.outcome]}</span>{' '}
        {printable(verdictLine(exchange))}
      </span>
    </div>
  );
});

const BADGES: Record<ExchangeReport['outcome'], string> = {
  allowed: 'OK',
  blocked: 'Blocked',
  'failed-not-cors': 'Failed',
  unknown: '?',
};

function rowId(id: string): string {
  return `cd-row-${id.replace(/[^\w-]/g, '_')}`;
}

/** "preflight 204 → 200", "preflight 401 → not sent", "no response". */
function statusLine(e: ExchangeReport): string {
  const hop = e.hops[0];
  const preflight = hop?.preflightStatus == null ? '' : `preflight ${hop.preflightStatus || 'no response'} → `;
  const last = e.hops[e.hops.length - 1];
  const real =
    last?.status == null
      ? 'not captured'
      : last.status === 0
        ? preflight
          ? 'not sent'
          : 'no response'
        : String(last.status);
  return (
    preflight + real + (e.hops.length > 1 ? ` (${e.hops.length - 1} redirect${e.hops.length > 2 ? 's' : ''})` : '')
  );
}

function splitUrl(url: string): { origin: string; path: string } {
  try {
    const parsed = new URL(url);
    return { origin: parsed.origin, path: parsed.pathname + parsed.search };
  } catch {
    return { origin: '', path: url };
  }
}
