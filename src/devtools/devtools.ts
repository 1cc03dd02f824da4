// The manifest's devtools_page. It is loaded every time DevTools opens for a tab and lives until DevTools closes;
// the panel page only loads when the user first shows the panel. So capture starts here, at once, and the buffer
// is handed to the panel when it is shown (src/capture/handover.ts).
import { CaptureBuffer } from '../capture/capture-buffer';
import { handOverCapture } from '../capture/handover';
import { createDevtoolsHost } from '../platform/webext-devtools-host';

const PANEL_TITLE = 'CORS';

const host = createDevtoolsHost();
// Listening from the moment DevTools opens also makes Firefox set up the network monitor that getHAR() reads,
// which otherwise returns nothing to a panel opened later (found by test/e2e/firefox.e2e.test.ts).
const buffer = new CaptureBuffer(host);
void buffer.start();

void host.createPanel(PANEL_TITLE, 'icons/icon-32.png', 'src/panel/panel.html').then((panel) => {
  panel.onShown((panelWindow) => handOverCapture(panelWindow, buffer));
});
