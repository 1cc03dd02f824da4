// Screenshots of the panel: reports/e2e/ (a CI artifact, git-ignored), and docs/ for the README when asked to.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './preconditions';

export const REPORTS_DIR = resolve(ROOT, 'reports/e2e');

/** Writes `reports/e2e/<name>` and, with UPDATE_SCREENSHOT=1, copies it to `docs/<name>` when `docs` is set. */
export function saveScreenshot(name: string, png: Uint8Array, options: { docs?: boolean } = {}): string {
  mkdirSync(REPORTS_DIR, { recursive: true });
  const path = resolve(REPORTS_DIR, name);
  writeFileSync(path, png);
  if (options.docs && process.env.UPDATE_SCREENSHOT === '1') {
    mkdirSync(resolve(ROOT, 'docs'), { recursive: true });
    copyFileSync(path, resolve(ROOT, 'docs', name));
  }
  return path;
}

/** Whether `png` starts with the PNG signature and is more than a header. */
export function isPng(png: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return png.length > 1_000 && signature.every((byte, i) => png[i] === byte);
}
