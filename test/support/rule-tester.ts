// Table-driven rule tests in the discipline of ESLint's RuleTester: both tables non-empty, every case named and
// unique, every message id exercised, every message and fix rendered without a hole.
import { describe, expect, it } from 'vitest';
import type { AdviceRule, CheckRule, RawHarEntry } from '../../src/engine';
import { profileFor, type BrowserName } from '../../src/engine/cors/browsers';
import { captureFacts } from '../../src/engine/capture-facts';
import { indexCookies } from '../../src/engine/credentials';
import { analyzeExchange } from '../../src/engine/diagnose';
import { buildExchanges } from '../../src/engine/exchanges';
import { parseHarJson } from '../../src/engine/har/parse';
import { normalizeEntries, normalizePages } from '../../src/engine/har/normalize';
import { interpolate } from '../../src/engine/interpolate';
import type { Exchange, Finding, Stage } from '../../src/engine/model';
import type { CheckContext } from '../../src/engine/rules/define-rule';
import { har } from './har-builders';

interface CaseBase {
  name: string;
  entries: RawHarEntry[];
  browser?: BrowserName;
  /** Which exchange (by URL) to check; default: the first. */
  url?: string;
}

export interface CheckCase extends CaseBase {
  stage: Stage;
  hop?: number;
  credentials?: boolean;
}

export interface Expected {
  messageId: string;
  parameter?: string | null;
  data?: Record<string, string>;
  netError?: string | null;
  /** The Firefox category this finding reports (the rule's, unless the finding overrides it). */
  firefox?: string | null;
}

export type AdviceCase = CaseBase;

function exchangesOf(entries: RawHarEntry[], browser: BrowserName) {
  const { log } = parseHarJson(har(entries, browser));
  const normalized = normalizeEntries(log);
  return { exchanges: buildExchanges(0, { entries: normalized, pages: normalizePages(log) }), normalized };
}

function pick(exchanges: Exchange[], url: string | undefined): Exchange {
  const exchange = url ? exchanges.find((e) => e.url === url) : exchanges[0];
  if (!exchange) throw new Error(`test case has no exchange${url ? ` for ${url}` : ''}`);
  return exchange;
}

export function checkContext(c: CheckCase): CheckContext {
  const browser = c.browser ?? 'chromium';
  const exchange = pick(exchangesOf(c.entries, browser).exchanges, c.url);
  const hopIndex = c.hop ?? 0;
  const hop = exchange.hops[hopIndex];
  if (!hop) throw new Error(`exchange has no hop ${hopIndex}`);
  const response = c.stage === 'preflight' ? hop.preflight : hop.entry;
  if (!response) throw new Error(`hop ${hopIndex} has no ${c.stage === 'preflight' ? 'preflight' : 'request'} entry`);
  return {
    exchange,
    hop,
    hopIndex,
    stage: c.stage,
    response,
    credentials: c.credentials ?? false,
    browser: profileFor(browser),
  };
}

function assertRenders(rule: CheckRule | AdviceRule, finding: Finding): void {
  const messages = rule.meta.messages as Record<string, string>;
  const fixes = rule.meta.fixes as Record<string, readonly string[]>;
  expect(Object.keys(messages), 'message id must exist in meta.messages').toContain(finding.messageId);
  const message = interpolate(messages[finding.messageId] as string, finding.data);
  expect(message).toMatch(/^[A-Z"`(].*[.)]$/);
  for (const fix of fixes[finding.messageId] ?? []) interpolate(fix, finding.data);
}

function assertTables<C extends { name: string }>(
  rule: { id: string; meta: { messages: object } },
  valid: C[],
  invalid: (C & { expect: Expected | Expected[] })[],
) {
  it('has valid and invalid cases, uniquely named, covering every message', () => {
    expect(valid.length, 'valid cases').toBeGreaterThan(0);
    expect(invalid.length, 'invalid cases').toBeGreaterThan(0);
    const names = [...valid, ...invalid].map((c) => c.name);
    expect(new Set(names).size, 'case names must be unique').toBe(names.length);
    const exercised = new Set(invalid.flatMap((c) => [c.expect].flat().map((e) => e.messageId)));
    expect([...exercised].sort()).toEqual(Object.keys(rule.meta.messages).sort());
  });
}

export function testCheckRule(
  rule: CheckRule,
  tables: { valid: CheckCase[]; invalid: (CheckCase & { expect: Expected })[] },
): void {
  describe(rule.id, () => {
    assertTables(rule, tables.valid, tables.invalid);
    it.each(tables.valid.map((c) => [c.name, c] as const))('passes: %s', (_name, c) => {
      expect(rule.check(checkContext(c))).toBeNull();
    });
    it.each(tables.invalid.map((c) => [c.name, c] as const))('fails: %s', (_name, c) => {
      const finding = rule.check(checkContext(c));
      expect(finding).not.toBeNull();
      const f = finding as Finding;
      expect(f.messageId).toBe(c.expect.messageId);
      if ('parameter' in c.expect) expect(f.parameter ?? null).toBe(c.expect.parameter);
      if ('netError' in c.expect) expect(f.netError ?? null).toBe(c.expect.netError);
      if ('firefox' in c.expect) expect(f.firefox !== undefined ? f.firefox : rule.meta.firefox).toBe(c.expect.firefox);
      if (c.expect.data) expect(f.data).toMatchObject(c.expect.data);
      assertRenders(rule, f);
    });
  });
}

export function testAdviceRule(
  rule: AdviceRule,
  tables: { valid: AdviceCase[]; invalid: (AdviceCase & { expect: Expected[] })[] },
): void {
  const run = (c: AdviceCase) => {
    const browser = c.browser ?? 'chromium';
    const { exchanges, normalized } = exchangesOf(c.entries, browser);
    const context = {
      browser: profileFor(browser),
      cookies: indexCookies(normalized),
      facts: captureFacts(normalized, []),
    };
    return rule.check(analyzeExchange(pick(exchanges, c.url), context));
  };
  describe(rule.id, () => {
    assertTables(rule, tables.valid, tables.invalid);
    it.each(tables.valid.map((c) => [c.name, c] as const))('stays quiet: %s', (_name, c) => {
      expect(run(c)).toEqual([]);
    });
    it.each(tables.invalid.map((c) => [c.name, c] as const))('reports: %s', (_name, c) => {
      const findings = run(c);
      expect(findings.map((f) => f.messageId)).toEqual(c.expect.map((e) => e.messageId));
      findings.forEach((f, i) => {
        const data = c.expect[i]?.data;
        if (data) expect(f.data).toMatchObject(data);
        assertRenders(rule, f);
      });
    });
  });
}
