// The CORS panel: toolbar, notices, the list of cross-origin requests, and the selected one's diagnosis.
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { redactReport } from '../engine';
import { DetailView } from './components/DetailView';
import { ExchangeList } from './components/ExchangeList';
import { Notices } from './components/Notices';
import { Toolbar } from './components/Toolbar';
import { harExport, jsonExport, markdownExport, subset } from './export';
import { visibleExchanges } from './state/panel-store';
import { usePanel, useStore } from './state/use-panel';

export interface AppEffects {
  browser: 'chrome' | 'firefox';
  version: string;
  copy: (text: string) => void;
  download: (filename: string, text: string, type: string) => void;
  reload: () => void;
}

function emptyMessage(total: number, filter: 'problems' | 'all', search: string): string {
  if (total === 0) return 'No cross-origin requests yet. Requests the page makes while DevTools is open appear here.';
  if (search.trim()) return `No request matches "${search.trim()}".`;
  return filter === 'problems'
    ? `No problems: all ${total} cross-origin requests were allowed. Choose "All" to see them.`
    : 'Nothing to show.';
}

export function App({ effects }: { effects: AppEffects }) {
  const store = useStore();
  const state = usePanel();
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState('');
  const detail = useRef<HTMLDivElement>(null);
  const { report, filter, search, selectedId, includeSecrets } = state;
  // With 10,000 requests, selecting a row must not recompute the list: the list, its rows (memoized) and the
  // details depend only on what they show.
  const visible = useMemo(() => visibleExchanges({ report, filter, search }), [report, filter, search]);
  const selected = useMemo(() => report.exchanges.find((e) => e.id === selectedId) ?? null, [report, selectedId]);
  const problems = useMemo(() => report.exchanges.filter((e) => e.outcome !== 'allowed'), [report]);
  // Copy buttons are exports: they get redacted commands unless the user opted in to secrets.
  const shown = useMemo(
    () =>
      selected && !includeSecrets ? (redactReport(subset(report, [selected])).exchanges[0] ?? selected) : selected,
    [report, selected, includeSecrets],
  );
  const select = useCallback((id: string) => store.select(id), [store]);
  const openDetail = useCallback(() => detail.current?.focus(), []);
  const options = { includeSecrets: state.includeSecrets };

  const announce = (text: string) => setStatus(text);
  const importFile = useCallback((file: File) => void store.importFile(file), [store]);
  const exportScope = selected ? [selected] : problems;
  const scopeName = selected ? 'this request' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) importFile(file);
  }

  return (
    <div
      className={`cd-app${dragging ? ' cd-app--dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Toolbar
        filter={state.filter}
        search={state.search}
        preserveLog={state.capture.preserveLog}
        includeSecrets={state.includeSecrets}
        importing={state.imported !== null}
        canExport={exportScope.length > 0}
        onFilter={(filter) => store.setFilter(filter)}
        onSearch={(search) => store.setSearch(search)}
        onPreserveLog={(preserve) => store.setPreserveLog(preserve)}
        onIncludeSecrets={(include) => store.setIncludeSecrets(include)}
        onClear={() => store.clear()}
        onReload={effects.reload}
        onImport={importFile}
        onCopyMarkdown={() => {
          effects.copy(markdownExport(subset(state.report, exportScope), options));
          announce(
            `Copied ${scopeName} as Markdown${state.includeSecrets ? ', secrets included' : ', secrets redacted'}.`,
          );
        }}
        onSaveJson={() =>
          effects.download(
            'cors-doctor.json',
            jsonExport(subset(state.report, exportScope), options),
            'application/json',
          )
        }
        onSaveHar={() =>
          effects.download(
            'cors-doctor.har',
            harExport(state.entries, exportScope, effects.version, options),
            'application/json',
          )
        }
      />
      <Notices state={state} onReload={effects.reload} onCloseImport={() => store.closeImport()} />
      <p className="cd-summary" aria-live="polite">
        {state.report.summary.exchanges} cross-origin requests · {state.report.summary.blocked} blocked by CORS ·{' '}
        {state.report.summary.failedNotCors} failed for other reasons
        {state.diagnosing && !state.imported ? ' · diagnosing the latest requests…' : ''}
        {status ? ` · ${status}` : ''}
      </p>
      <div className="cd-main">
        <ExchangeList
          exchanges={visible}
          selectedId={state.selectedId}
          onSelect={select}
          onOpen={openDetail}
          emptyMessage={emptyMessage(state.report.exchanges.length, state.filter, state.search)}
        />
        <div className="cd-detail-pane" ref={detail} tabIndex={-1} aria-label="Diagnosis">
          {shown ? (
            <DetailView exchange={shown} entries={state.entries} browser={effects.browser} copy={effects.copy} />
          ) : (
            <p className="cd-placeholder">Select a request to see why it was blocked and how to fix it.</p>
          )}
        </div>
      </div>
    </div>
  );
}
