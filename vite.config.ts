import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import type {} from 'vitest/config';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { toBrowserManifest, type TargetBrowser } from './src/build/manifest.ts';

// One config, five builds: `--mode chrome`, `--mode firefox` (the extension), `--mode cli` (the Node CLI),
// `--mode bench` (the benchmark, `npm run bench`) and `--mode lab` (the CORS lab, `npm run lab` and `npm run demo`).
// Vitest runs with mode "test" and only needs the `test` block.
export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'cli') return cliBuild();
  if (mode === 'bench') return benchBuild();
  if (mode === 'lab') return labBuild();
  if (mode === 'chrome' || mode === 'firefox') return extensionBuild(mode);
  return {
    define: { __VERSION__: JSON.stringify(pkg.version) },
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      exclude: ['test/e2e/**', 'node_modules/**'],
      environment: 'node',
      testTimeout: 20_000,
    },
  };
});

function extensionBuild(browser: TargetBrowser): UserConfig {
  const manifest = toBrowserManifest(baseManifest, browser, pkg.version) as ManifestV3Export;
  return {
    plugins: [react(), crx({ manifest, browser })],
    define: { __BROWSER__: JSON.stringify(browser), __VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // The panel page is opened by devtools.panels.create(), not named in the manifest, so crxjs cannot find it.
      rollupOptions: { input: { panel: resolve(import.meta.dirname, 'src/panel/panel.html') } },
    },
  };
}

function cliBuild(): UserConfig {
  return {
    define: { __VERSION__: JSON.stringify(pkg.version) },
    build: {
      ssr: true,
      outDir: 'dist/cli',
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { input: { main: resolve(import.meta.dirname, 'src/cli/bin.ts') } },
    },
  };
}

/**
 * The benchmarks as Node scripts: dist/bench/run.js drives the built CLI and imports the engine directly;
 * dist/bench/panel.js drives the built extension in Chromium.
 */
function benchBuild(): UserConfig {
  return {
    define: { __VERSION__: JSON.stringify(pkg.version) },
    build: {
      ssr: true,
      outDir: 'dist/bench',
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        input: {
          run: resolve(import.meta.dirname, 'bench/run.ts'),
          // The panel in real Chromium (`npm run bench:panel`).
          panel: resolve(import.meta.dirname, 'bench/panel.ts'),
        },
      },
    },
  };
}

/** The CORS lab's servers (dist/lab/serve.js) and the demo that opens Chromium on them (dist/lab/demo.js). */
function labBuild(): UserConfig {
  return {
    build: {
      ssr: true,
      outDir: 'dist/lab',
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        input: {
          serve: resolve(import.meta.dirname, 'test/lab/serve.ts'),
          demo: resolve(import.meta.dirname, 'test/lab/demo.ts'),
        },
      },
    },
  };
}
