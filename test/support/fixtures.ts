import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diagnose, parseHarText, type Report } from '../../src/engine';

/** shared/ sits beside the project root, locally and in CI. */
export const SHARED_FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures');

export function requireSharedFixtures(): void {
  if (!existsSync(SHARED_FIXTURES)) {
    throw new Error(`The browser captures are missing: expected ${SHARED_FIXTURES} (shared/ beside the project root).`);
  }
}

export function readFixture(path: string): string {
  return readFileSync(resolve(SHARED_FIXTURES, path), 'utf8');
}

export function diagnoseText(text: string, file = 'test.har', all = true): Report {
  return diagnose([{ file, har: parseHarText(text) }], { version: 'test', all });
}
