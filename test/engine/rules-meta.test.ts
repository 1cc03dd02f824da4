// Keeps every rule's four artifacts in step, as ESLint's checkRuleFiles does: the module, its registry entry,
// its Markdown doc (src/engine/rules/<id>.md) and its table-driven test (test/engine/rules/<id>.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adviceRules, allRules, checkRules, CORS_ERROR_NAMES, FIREFOX_CATEGORIES } from '../../src/engine';
import { CHROMIUM, FIREFOX } from '../../src/engine/cors/browsers';
import { pipeline } from '../../src/engine/verdict';

const RULES_DIR = resolve(import.meta.dirname, '../../src/engine/rules');
const TESTS_DIR = resolve(import.meta.dirname, 'rules');
const NOT_RULES = new Set(['define-rule.ts', 'index.ts', 'support.ts']);
const DOC_SECTIONS = ['What happened', 'Why the browser blocks it', 'How to fix', 'Examples', 'Further reading'];

const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));

describe('rule registry', () => {
  it('registers every rule module, under its file name', () => {
    expect(allRules.map((r) => r.id).sort()).toEqual(ruleFiles.map((f) => basename(f, '.ts')).sort());
  });

  it('keeps each kind alphabetical', () => {
    for (const registry of [checkRules, adviceRules]) {
      const ids = Object.keys(registry);
      expect(ids).toEqual([...ids].sort());
      for (const [id, rule] of Object.entries(registry)) expect(rule.id).toBe(id);
    }
  });

  it('runs every check rule somewhere in the Chromium or Firefox pipeline', () => {
    const stages = ['network', 'preflight', 'response', 'redirect'] as const;
    const used = new Set(stages.flatMap((stage) => [...pipeline(CHROMIUM, stage), ...pipeline(FIREFOX, stage)]));
    expect([...used].sort()).toEqual(Object.keys(checkRules).sort());
  });
});

describe.each(allRules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has a description that says what the browser requires', () => {
    expect(rule.meta.description).toMatch(/^(Require|Disallow) .+[^. ]$/);
    expect(rule.meta.title).toMatch(/^[A-Z"].+[^.]$/);
  });

  it('writes its messages as full sentences, with fixes for each', () => {
    for (const [messageId, message] of Object.entries(rule.meta.messages as Record<string, string>)) {
      expect(message, messageId).toMatch(/^[A-Z{"`].*[.)]$/);
      expect(messageId).toMatch(/^[a-z][A-Za-z]+$/);
    }
    expect(Object.keys(rule.meta.fixes).sort()).toEqual(Object.keys(rule.meta.messages).sort());
    // Whether every placeholder gets a value is checked where findings exist: in test/support/rule-tester.ts.
    for (const [messageId, fixes] of Object.entries(rule.meta.fixes as Record<string, string[]>)) {
      expect(fixes.length, `${messageId} has at least one fix`).toBeGreaterThan(0);
      for (const fix of fixes) expect(fix, messageId).toMatch(/^[A-Z`].*[.)]$/);
    }
  });

  if (rule.kind === 'check') {
    it('names real browser errors', () => {
      for (const name of Object.values(rule.meta.chromium)) {
        if (name !== null) expect(CORS_ERROR_NAMES).toContain(name);
      }
      if (rule.meta.firefox !== null) expect(FIREFOX_CATEGORIES).toContain(rule.meta.firefox);
    });
  }

  it('is listed in the README rule table', () => {
    const readme = readFileSync(resolve(RULES_DIR, '../../../README.md'), 'utf8');
    expect(readme.split('\n').some((line) => line.startsWith(`| \`${id}\` `))).toBe(true);
  });

  it('has a table-driven test file', () => {
    expect(existsSync(resolve(TESTS_DIR, `${id}.test.ts`)), `test/engine/rules/${id}.test.ts`).toBe(true);
  });

  it('has a doc whose title, summary and sections match', () => {
    const path = resolve(RULES_DIR, `${id}.md`);
    expect(existsSync(path), `src/engine/rules/${id}.md`).toBe(true);
    const doc = readFileSync(path, 'utf8');
    const lines = doc.split('\n');
    expect(lines[0]).toBe(`# ${rule.meta.title}`);
    expect(lines.find((line) => line.startsWith('> '))).toBe(`> ${rule.meta.description}.`);
    const sections = lines.filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
    expect(sections).toEqual(DOC_SECTIONS);
    expect(doc).toContain(`\`${id}\``);
  });
});
