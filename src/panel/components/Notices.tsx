import { useMemo } from 'react';
import type { PanelState } from '../state/panel-store';

export interface NoticesProps {
  state: PanelState;
  onReload: () => void;
  onCloseImport: () => void;
}

/** What the user should know about the capture itself before trusting the list. */
export function Notices({ state, onReload, onCloseImport }: NoticesProps) {
  // Once per report, not once per render: a live report has thousands of exchanges.
  const unobserved = useMemo(
    () => state.report.exchanges.filter((e) => e.preflight === 'not-observed').length,
    [state.report],
  );
  const notices: { key: string; text: string; action?: { label: string; run: () => void } }[] = [];
  if (state.importing) notices.push({ key: 'importing', text: `Opening ${state.importing}…` });
  if (state.importError)
    notices.push({ key: 'import-error', text: `Could not open the HAR file: ${state.importError}` });
  if (state.imported) {
    const progress = state.importProgress;
    notices.push({
      key: 'imported',
      text: progress
        ? `Diagnosing ${state.imported.file}: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} entries…`
        : `Showing ${state.imported.file} (${state.imported.entries.length} entries), not the live page.`,
      action: { label: 'Back to live capture', run: onCloseImport },
    });
  } else {
    if (state.capture.startedLate) {
      notices.push({
        key: 'late',
        text: 'Capture started after the page loaded: requests made before DevTools opened are missing.',
        action: { label: 'Reload and capture from the start', run: onReload },
      });
    }
    if (state.capture.dropped > 0) {
      notices.push({
        key: 'dropped',
        text: `Showing the latest requests only: ${state.capture.dropped} older ones were dropped to keep the panel fast.`,
      });
    }
  }
  if (unobserved > 0) {
    notices.push({
      key: 'preflights',
      text: `${unobserved} request${unobserved > 1 ? 's' : ''} needed a preflight the capture does not show (cached by the browser). Tick "Disable cache" in the Network panel and reload to see them.`,
    });
  }
  if (notices.length === 0) return null;
  return (
    <ul className="cd-notices" aria-label="Notices">
      {notices.map((notice) => (
        <li key={notice.key} className={`cd-notice cd-notice--${notice.key}`}>
          {notice.text}
          {notice.action && (
            <button type="button" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
