// The manifest's devtools_page. It is loaded every time DevTools opens for a tab and lives until DevTools closes;
// the panel page itself only loads when the user first shows the panel (see ../../README.md, "Extension contexts").
import { createDevtoolsHost } from '../platform/webext-devtools-host';

const PANEL_TITLE = 'CORS';

const host = createDevtoolsHost();
void host.createPanel(PANEL_TITLE, 'icons/icon-32.png', 'src/panel/panel.html');

// Firefox builds getHAR() results from a network monitor it sets up lazily: a panel whose first getHAR() comes
// before that gets no entries (found by test/e2e/firefox.e2e.test.ts). Listening from the moment DevTools opens
// sets it up. (The devtools page will keep the capture buffer for the panel; until then the listener only warms up.)
host.onRequestFinished(() => undefined);
