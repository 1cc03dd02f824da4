// `npm run build` ends with the store packages: one zip per browser, each holding its own manifest.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '../..');

describe.each(['chrome', 'firefox'] as const)('%s package', (browser) => {
  const zip = resolve(ROOT, `dist/packages/cors-doctor-${browser}-${pkg.version}.zip`);

  it('is built', () => {
    expect(existsSync(zip), `${zip}: run "npm run build" first`).toBe(true);
  });

  it('holds the browser manifest, the devtools page and the panel at the root', () => {
    const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(
      expect.arrayContaining(['manifest.json', 'src/devtools/devtools.html', 'src/panel/panel.html']),
    );
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })) as Record<
      string,
      unknown
    >;
    expect(manifest.version).toBe(pkg.version);
    expect(manifest).not.toHaveProperty('host_permissions');
    if (browser === 'firefox') expect(manifest).toHaveProperty('browser_specific_settings.gecko.id');
    else expect(manifest).toHaveProperty('background.service_worker');
  });
});
