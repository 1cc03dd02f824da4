// Composition root of the panel page: the only panel module that creates the browser host.
// The devtools page has been capturing since DevTools opened; it hands its buffer over when the panel is shown
// (see src/devtools/devtools.ts). Without it (opened some other way), the panel captures for itself.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CaptureBuffer } from '../capture/capture-buffer';
import { createDevtoolsHost } from '../platform/webext-devtools-host';
import { App } from './App';
import { copyText, download } from './dom';
import { handedOverCapture } from '../capture/handover';
import { PanelStore } from './state/panel-store';
import { StoreContext } from './state/use-panel';
import './panel.css';

const host = createDevtoolsHost();
document.documentElement.dataset.theme = host.theme;

void handedOverCapture(window, 1_000).then((buffer) => {
  const capture = buffer ?? new CaptureBuffer(host);
  if (!buffer) void capture.start();
  const store = new PanelStore(capture, { browser: host.browser, version: __VERSION__ });
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App
          effects={{
            browser: host.browser,
            version: __VERSION__,
            copy: (text) => void copyText(text),
            download,
            reload: () => host.reloadInspectedPage(),
          }}
        />
      </StoreContext.Provider>
    </StrictMode>,
  );
});
