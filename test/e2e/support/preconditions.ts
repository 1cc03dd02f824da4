// What every end-to-end test needs before it can start a browser: the browser itself and a built extension.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The project root: the nearest folder up with package.json (this file also runs bundled, from dist/lab). */
export const ROOT = projectRoot(import.meta.dirname);
export const DIST_CHROME = resolve(ROOT, 'dist/chrome');
export const DIST_FIREFOX = resolve(ROOT, 'dist/firefox');

/**
 * Whether to skip a browser's suite: only locally (never with $CI set) and only when its binary is missing.
 * On CI a missing browser is not skipped; `requireBrowser` then fails the suite.
 */
export function skipWithoutBrowser(binary: string, aptPackage: string): boolean {
  if (existsSync(binary)) return false;
  if (process.env.CI) return false;
  console.warn(
    `[e2e] SKIPPED: ${binary} is not installed. Install it with: apt-get install -y ${aptPackage} xvfb xauth ` +
      `(on CI, with $CI set, a missing browser fails the run instead).`,
  );
  return true;
}

export function requireBrowser(binary: string, aptPackage: string): void {
  if (!existsSync(binary)) {
    throw new Error(
      `${binary} is not installed (CI=${process.env.CI}). Install it with: apt-get install -y ${aptPackage}`,
    );
  }
}

export function requireBuild(dir: string): void {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir}/manifest.json is missing: run \`npm run build\` before \`npm run test:e2e\`.`);
  }
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}
