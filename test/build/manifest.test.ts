import { describe, expect, it } from 'vitest';
import base from '../../manifest.json' with { type: 'json' };
import { GECKO_ID, toBrowserManifest } from '../../src/build/manifest';

describe('toBrowserManifest', () => {
  it('keeps the Chrome manifest as written, with the package version', () => {
    const chrome = toBrowserManifest(base, 'chrome', '1.2.3');
    expect(chrome).toEqual({ ...base, version: '1.2.3' });
    expect(chrome.background).toEqual({ service_worker: 'src/background/background.ts', type: 'module' });
  });

  it('gives Firefox background.scripts, a gecko id and no Chrome-only keys', () => {
    const firefox = toBrowserManifest(base, 'firefox', '1.2.3') as Record<string, unknown>;
    expect(firefox.background).toEqual({ scripts: ['src/background/background.ts'], type: 'module' });
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } },
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.devtools_page).toBe(base.devtools_page);
  });

  it('asks for no permissions or host access in either browser', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest = toBrowserManifest(base, browser, '1.0.0') as Record<string, unknown>;
      expect(manifest).not.toHaveProperty('permissions');
      expect(manifest).not.toHaveProperty('host_permissions');
      expect(manifest).not.toHaveProperty('optional_host_permissions');
    }
  });
});
