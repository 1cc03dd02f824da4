// The only module that touches the WebExtension API (through webextension-polyfill).
import browser from 'webextension-polyfill';
import type { RawHarEntry } from '../engine';
import type { DevtoolsHost, PanelHandle, Unsubscribe } from './devtools-host';

export function createDevtoolsHost(): DevtoolsHost {
  const { network, panels, inspectedWindow } = browser.devtools;
  return {
    browser: __BROWSER__,
    theme: panels.themeName === 'dark' ? 'dark' : 'light',
    async createPanel(title, iconPath, pagePath) {
      // Firefox resolves panel paths against the devtools page unless they are absolute; Chrome wants them relative.
      const prefix = __BROWSER__ === 'firefox' ? '/' : '';
      const panel = await panels.create(title, prefix + iconPath, prefix + pagePath);
      const handle: PanelHandle = {
        onShown(listener) {
          const handler = (panelWindow: unknown) => listener(panelWindow as Window);
          panel.onShown.addListener(handler);
          return () => panel.onShown.removeListener(handler);
        },
      };
      return handle;
    },
    async getHar(select) {
      const log = await network.getHAR();
      const entries = log.entries as unknown as RawHarEntry[];
      return toPlain<RawHarEntry[]>(select ? entries.filter((entry) => select(entry)) : entries);
    },
    onRequestFinished(listener) {
      const handler = (request: unknown) => listener(toPlain<RawHarEntry>(request));
      network.onRequestFinished.addListener(handler);
      return (() => network.onRequestFinished.removeListener(handler)) satisfies Unsubscribe;
    },
    onNavigated(listener) {
      network.onNavigated.addListener(listener);
      return () => network.onNavigated.removeListener(listener);
    },
    reloadInspectedPage() {
      void inspectedWindow.reload({ ignoreCache: true });
    },
  };
}

/** Drops functions such as getContent() so the engine only ever sees data. */
function toPlain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
