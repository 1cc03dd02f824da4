// Shape checks for the cors-on-errors, no-redirect-on-preflight, single-allow-origin, vary-origin and
// cookie-samesite catalogs: every stack covered, summaries one sentence, snippets fillable.
import { describe, expect, it } from 'vitest';
import { cookieSamesite } from '../../../src/engine/fixes/catalog/cookie-samesite';
import { corsOnErrors } from '../../../src/engine/fixes/catalog/cors-on-errors';
import { noRedirectOnPreflight } from '../../../src/engine/fixes/catalog/no-redirect-on-preflight';
import { singleAllowOrigin } from '../../../src/engine/fixes/catalog/single-allow-origin';
import { varyOrigin } from '../../../src/engine/fixes/catalog/vary-origin';
import { STACK_IDS } from '../../../src/engine/fixes/stacks';
import type { StackFix, TopicCatalog } from '../../../src/engine/fixes/topics';
import { interpolate } from '../../../src/engine/interpolate';

const CATALOGS: Record<string, TopicCatalog> = {
  'cors-on-errors': corsOnErrors,
  'no-redirect-on-preflight': noRedirectOnPreflight,
  'single-allow-origin': singleAllowOrigin,
  'vary-origin': varyOrigin,
  'cookie-samesite': cookieSamesite,
};

const VALUES = {
  origin: 'https://app.example',
  methods: 'GET, POST, PUT',
  headers: 'Content-Type, Authorization',
  path: '/api/items',
};

const LANGUAGES: readonly StackFix['language'][] = [
  'js',
  'ts',
  'python',
  'java',
  'csharp',
  'ruby',
  'go',
  'nginx',
  'apache',
  'caddy',
  'yaml',
  'json',
  'text',
];

function entries(catalog: TopicCatalog): [string, StackFix][] {
  return STACK_IDS.map((stack) => [stack, catalog[stack] as StackFix]);
}

describe.each(Object.entries(CATALOGS))('%s catalog', (_topic, catalog) => {
  it('has an entry for each of the 18 stacks, and nothing else', () => {
    expect(STACK_IDS).toHaveLength(18);
    for (const stack of STACK_IDS) expect(catalog[stack], stack).toBeDefined();
    expect(Object.keys(catalog).sort()).toEqual([...STACK_IDS].sort());
  });

  it('gives each stack a one-sentence summary that starts with a capital and ends with a period', () => {
    for (const [stack, fix] of entries(catalog)) expect(fix.summary, stack).toMatch(/^[A-Z].*\.$/);
  });

  it('uses only the {{origin}}, {{methods}}, {{headers}} and {{path}} placeholders', () => {
    for (const [stack, fix] of entries(catalog)) {
      expect(() => interpolate(fix.code, VALUES), stack).not.toThrow();
      expect(() => interpolate(fix.summary, VALUES), stack).not.toThrow();
    }
  });

  it('keeps snippets between 2 and 15 lines, in a known language', () => {
    for (const [stack, fix] of entries(catalog)) {
      const lines = fix.code.split('\n').length;
      expect(lines, stack).toBeGreaterThanOrEqual(2);
      expect(lines, stack).toBeLessThanOrEqual(15);
      expect(LANGUAGES, stack).toContain(fix.language);
    }
  });
});

describe('cookie-samesite catalog', () => {
  it('sets SameSite None and Secure in every snippet', () => {
    for (const [stack, fix] of entries(cookieSamesite)) {
      expect(fix.code, stack).toMatch(/same[-_]?site[^\n]*none/i);
      expect(fix.code, stack).toMatch(/secure/i);
    }
  });
});
