// Derives each browser's manifest from the single Chrome MV3 `manifest.json`.
// Firefox 153 rejects an MV3 background with only `service_worker`, and crxjs' Firefox mode needs `background.scripts`.

export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'cors-doctor@cors-doctor.dev';

interface BaseManifest {
  version: string;
  background?: { service_worker?: string; type?: string; scripts?: string[] };
  [key: string]: unknown;
}

export function toBrowserManifest<T extends BaseManifest>(base: T, browser: TargetBrowser, version: string): T {
  const manifest: T = { ...base, version };
  if (browser === 'chrome') return manifest;

  const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
  const worker = base.background?.service_worker;
  return {
    ...rest,
    background: worker ? { scripts: [worker], type: 'module' } : base.background,
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android): web-ext lint flags an older
        // minimum. 142 is after ESR 140's end of life; the current ESR (153) is well above it.
        strict_min_version: '142.0',
        // The extension collects and transmits nothing.
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as unknown as T;
}
