// Properties of the engine over generated and mutated captures (har-arbitraries.ts): it never throws, it is
// deterministic, its verdicts do not depend on the order of log.entries, and its JSON always matches the documented
// contract (src/engine/report.schema.json). Runs are bounded so the unit suite stays fast.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/cli/format-text';
import { diagnose, parseHarJson, redactReport, type Report } from '../../src/engine';
import { originDifferences } from '../../src/engine/cors/origin-diff';
import { CORS_ERROR_NAMES, FIREFOX_CATEGORIES } from '../../src/engine/cors/vocabulary';
import { STACK_IDS } from '../../src/engine/fixes/stacks';
import { FIX_TOPICS } from '../../src/engine/fixes/topics';
import { formatMarkdown } from '../../src/render/markdown';
import { API, entry, har, PAGE, preflight } from '../support/har-builders';
import { harJson, withDistinctStartTimes } from './har-arbitraries';

/** Bounded so these files take a few seconds: 200 captures, or 100 pairs where each run diagnoses two. */
const RUNS = { numRuns: 200 };
const PAIR_RUNS = { numRuns: 100 };

interface Schema {
  $defs: Record<string, { enum?: unknown[] }>;
}
const schema = JSON.parse(
  readFileSync(new URL('../../src/engine/report.schema.json', import.meta.url), 'utf8'),
) as Schema;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

function run(json: unknown): Report {
  return diagnose([{ file: 'generated.har', har: parseHarJson(json) }], { version: 'test', all: true });
}

/** The report as the JSON output writes it. */
function asJson(report: Report): unknown {
  return JSON.parse(JSON.stringify(report));
}

function expectValid(json: unknown): void {
  if (!validate(json)) {
    throw new Error(`the report does not match report.schema.json: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
}

/** What a verdict is about and what it says, without the index-based ids. */
function verdicts(report: Report): string[] {
  return report.exchanges
    .map((e) => JSON.stringify([e.method, e.url, e.outcome, e.browserError, e.failedParameter]))
    .sort();
}

describe('the engine over generated captures', () => {
  it('never throws, is deterministic, and its JSON matches the schema, its summary and every renderer', () => {
    fc.assert(
      fc.property(harJson, (json) => {
        const report = run(json);
        expectValid(asJson(report));
        const count = (outcome: string) => report.exchanges.filter((e) => e.outcome === outcome).length;
        expect(report.summary).toEqual({
          exchanges: report.exchanges.length,
          blocked: count('blocked'),
          failedNotCors: count('failed-not-cors'),
          allowed: count('allowed'),
          unknown: count('unknown'),
        });
        // Deterministic: the same capture again (a fresh copy) gives the same report.
        expect(JSON.stringify(run(structuredClone(json)))).toBe(JSON.stringify(report));
        // Redacted, as every export is: still the contract, idempotent, and the verdicts untouched.
        const redacted = redactReport(report);
        expectValid(asJson(redacted));
        expect(redactReport(redacted)).toEqual(redacted);
        expect(redacted.exchanges.map((e) => [e.id, e.outcome, e.browserError, e.stage])).toEqual(
          report.exchanges.map((e) => [e.id, e.outcome, e.browserError, e.stage]),
        );
        expect(formatText(redacted, true)).toContain('Summary:');
        expect(formatMarkdown(redacted)).toMatch(/^# CORS Doctor report/);
      }),
      RUNS,
    );
  });

  it('gives the same verdicts whatever the order of log.entries (entries at distinct start times)', () => {
    // Exchange ids are entry indexes, so verdicts are compared by content. Start times are made distinct first
    // (entries that start at the same instant: below).
    const shuffled = harJson.map(withDistinctStartTimes).chain((json) => {
      const { log } = json as { log: { entries: unknown[] } };
      return fc
        .shuffledSubarray(log.entries, { minLength: log.entries.length, maxLength: log.entries.length })
        .map((entries) => [json, { log: { ...log, entries } }] as const);
    });
    fc.assert(
      fc.property(shuffled, ([json, reordered]) => {
        expect(verdicts(run(reordered))).toEqual(verdicts(run(json)));
      }),
      PAIR_RUNS,
    );
  });
});

describe('entries that start at the same instant', () => {
  // Two PUTs to one URL started in the same millisecond (React StrictMode runs effects twice) and one preflight that
  // lists the headers of one of them: that one gets it (src/engine/pairing.ts), whichever comes first in the file.
  const full = entry({
    method: 'PUT',
    at: 0,
    status: 500,
    requestHeaders: { Origin: PAGE, Authorization: 'Bearer x' },
  });
  const bare = entry({ method: 'PUT', at: 0, status: 500, requestHeaders: {} });
  const pre = preflight({ at: 60, status: 404, requestedHeaders: ['authorization'] });

  it('gives the same verdicts whatever the order', () => {
    const a = run(har([full, bare, pre]));
    const b = run(har([bare, full, pre]));
    expect(a.exchanges.every((e) => e.url === `${API}/data`)).toBe(true);
    expect(verdicts(b)).toEqual(verdicts(a));
  });

  it('pairs the preflight with the request whose headers it lists', () => {
    for (const entries of [
      [full, bare, pre],
      [bare, full, pre],
      [pre, bare, full],
    ]) {
      const report = run(har(entries));
      const withPreflight = report.exchanges.filter((e) => e.entries.preflight !== null);
      expect(withPreflight).toHaveLength(1);
      expect(withPreflight[0]?.entries.request).toBe(entries.indexOf(full));
    }
  });
});

describe('report.schema.json', () => {
  it('lists exactly the engine vocabularies', () => {
    const defs = schema.$defs;
    expect(defs.corsError?.enum).toEqual([...CORS_ERROR_NAMES]);
    expect(defs.firefoxCategory?.enum).toEqual([...FIREFOX_CATEGORIES]);
    expect(defs.stackId?.enum).toEqual([...STACK_IDS]);
    expect(defs.fixTopic?.enum).toEqual([...FIX_TOPICS]);
  });

  it('rejects what the contract forbids', () => {
    const report = asJson(run({ log: { entries: [] } })) as Record<string, unknown>;
    expectValid(report);
    expect(validate({ ...report, extra: 1 })).toBe(false);
    expect(validate({ ...report, tool: 'other' })).toBe(false);
    const { summary: _summary, ...withoutSummary } = report;
    expect(validate(withoutSummary)).toBe(false);
  });
});

describe('allowlist patterns in Access-Control-Allow-Origin', () => {
  /** The definition: each "*" is one or more characters other than / ? # : (a regular expression, for short input). */
  const oracle = (pattern: string, host: string) =>
    new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/?#:]+')}$`,
    ).test(host);
  const hostPart = fc.string({ unit: fc.constantFrom('a', 'b', '.', '-', '*'), maxLength: 8 });

  it('match as the pattern says, without a regular expression built from the value', () => {
    fc.assert(
      fc.property(
        hostPart,
        fc.string({ unit: fc.constantFrom('a', 'b', '.', '-'), minLength: 1, maxLength: 8 }),
        (pattern, host) => {
          fc.pre(pattern.includes('*') && URL.canParse(`https://${host}`));
          const diffs = originDifferences(`https://${pattern}`, `https://${host}`);
          const matched = diffs?.some((d) => d.kind === 'wildcard-pattern') ?? false;
          expect(matched).toBe(oracle(pattern, new URL(`https://${host}`).hostname));
        },
      ),
      { numRuns: 500 },
    );
  });
});
