// The devtools page and the panel are two extension pages of one DevTools window: the devtools page passes its
// capture buffer to the panel's window object when the panel is shown.
import type { CaptureBuffer } from './capture-buffer';

const KEY = '__corsDoctorCapture';
const EVENT = 'cors-doctor-capture';

interface HandoverWindow {
  [KEY]?: CaptureBuffer;
}

/** Devtools page side. */
export function handOverCapture(panelWindow: Window, buffer: CaptureBuffer): void {
  const target = panelWindow as unknown as HandoverWindow & Window;
  if (target[KEY]) return;
  target[KEY] = buffer;
  // An event of the panel's own realm, so the panel's listener accepts it in every browser.
  const PanelEvent = (panelWindow as unknown as { Event: typeof Event }).Event;
  panelWindow.dispatchEvent(new PanelEvent(EVENT));
}

/** Panel side: the buffer, once handed over, or null if none comes within `timeoutMs`. */
export function handedOverCapture(panelWindow: Window, timeoutMs: number): Promise<CaptureBuffer | null> {
  const own = panelWindow as unknown as HandoverWindow & Window;
  if (own[KEY]) return Promise.resolve(own[KEY]);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    panelWindow.addEventListener(
      EVENT,
      () => {
        clearTimeout(timer);
        resolve(own[KEY] ?? null);
      },
      { once: true },
    );
  });
}
