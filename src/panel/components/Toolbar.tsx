import { useRef } from 'react';
import type { Filter } from '../state/panel-store';

export interface ToolbarProps {
  filter: Filter;
  search: string;
  preserveLog: boolean;
  includeSecrets: boolean;
  importing: boolean;
  canExport: boolean;
  onFilter: (filter: Filter) => void;
  onSearch: (search: string) => void;
  onPreserveLog: (preserve: boolean) => void;
  onIncludeSecrets: (include: boolean) => void;
  onClear: () => void;
  onReload: () => void;
  onImport: (file: File) => void;
  onCopyMarkdown: () => void;
  onSaveJson: () => void;
  onSaveHar: () => void;
}

export function Toolbar(props: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="cd-toolbar" role="toolbar" aria-label="CORS Doctor">
      <div className="cd-toolbar__group" role="radiogroup" aria-label="Show">
        {(['problems', 'all'] as const).map((filter) => (
          <label key={filter} className="cd-toggle">
            <input
              type="radio"
              name="cd-filter"
              checked={props.filter === filter}
              onChange={() => props.onFilter(filter)}
            />
            {filter === 'problems' ? 'Problems only' : 'All'}
          </label>
        ))}
      </div>
      <input
        className="cd-toolbar__search"
        type="search"
        placeholder="Filter by URL"
        aria-label="Filter by URL"
        value={props.search}
        onChange={(event) => props.onSearch(event.target.value)}
      />
      <label className="cd-toggle" title="Keep requests across page loads">
        <input
          type="checkbox"
          checked={props.preserveLog}
          disabled={props.importing}
          onChange={(event) => props.onPreserveLog(event.target.checked)}
        />
        Preserve log
      </label>
      <button type="button" onClick={props.onClear}>
        {props.importing ? 'Close file' : 'Clear'}
      </button>
      <button
        type="button"
        onClick={props.onReload}
        disabled={props.importing}
        title="Reload the page, bypassing caches"
      >
        Reload and capture
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open HAR…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".har,.json,application/json"
        hidden
        aria-label="HAR file to diagnose"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) props.onImport(file);
          event.target.value = '';
        }}
      />
      <span className="cd-toolbar__spacer" />
      <button type="button" onClick={props.onCopyMarkdown} disabled={!props.canExport}>
        Copy as Markdown
      </button>
      <button type="button" onClick={props.onSaveJson} disabled={!props.canExport}>
        Save JSON
      </button>
      <button type="button" onClick={props.onSaveHar} disabled={!props.canExport}>
        Save HAR
      </button>
      <label className="cd-toggle" title="Exports redact cookies, Authorization and tokens unless this is ticked">
        <input
          type="checkbox"
          checked={props.includeSecrets}
          onChange={(event) => props.onIncludeSecrets(event.target.checked)}
        />
        Include secrets in exports
      </label>
    </div>
  );
}
