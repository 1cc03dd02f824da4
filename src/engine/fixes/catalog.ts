// Stack-specific fixes, by topic. Each topic's file lists how each stack applies it.
import { allowCredentials } from './catalog/allow-credentials';
import { allowMethodsHeaders } from './catalog/allow-methods-headers';
import { allowOrigin } from './catalog/allow-origin';
import { cookieSamesite } from './catalog/cookie-samesite';
import { corsOnErrors } from './catalog/cors-on-errors';
import { noRedirectOnPreflight } from './catalog/no-redirect-on-preflight';
import { optionsBeforeAuth } from './catalog/options-before-auth';
import { optionsRoute } from './catalog/options-route';
import { singleAllowOrigin } from './catalog/single-allow-origin';
import { varyOrigin } from './catalog/vary-origin';
import { interpolate as interpolateTemplate } from '../interpolate';
import { STACK_IDS, STACKS, type DetectedStack, type StackId } from './stacks';
import type { FixTopic, StackFix, TopicCatalog } from './topics';

export const CATALOG: Readonly<Record<FixTopic, TopicCatalog>> = {
  'allow-origin': allowOrigin,
  'allow-credentials': allowCredentials,
  'allow-methods-headers': allowMethodsHeaders,
  'options-before-auth': optionsBeforeAuth,
  'options-route': optionsRoute,
  'cors-on-errors': corsOnErrors,
  'no-redirect-on-preflight': noRedirectOnPreflight,
  'single-allow-origin': singleAllowOrigin,
  'vary-origin': varyOrigin,
  'cookie-samesite': cookieSamesite,
};

export interface StackFixReport extends StackFix {
  stack: StackId;
  label: string;
  topic: FixTopic;
  /** True when the capture's response headers reveal this stack. */
  detected: boolean;
}

/** Values the snippets are filled with: the exchange's own origin, methods, headers and path. */
export interface FixValues {
  origin: string;
  methods: string;
  headers: string;
  path: string;
}

/** Lists already built, by topics, detected stacks and values: the exchanges of one API ask for the same ones. */
const built = new Map<string, StackFixReport[]>();

/**
 * Every stack's fix for these topics, the detected stacks first. The same question gets the same list (shared
 * between reports: never modify it).
 */
export function stackFixes(
  topics: readonly FixTopic[],
  detected: readonly DetectedStack[],
  values: FixValues,
): StackFixReport[] {
  if (topics.length === 0) return [];
  const valuesKey = JSON.stringify(values);
  const key = `${topics.join(',')}\u0000${detected.map((d) => `${d.stack}\u0001${d.evidence}`).join('\u0002')}\u0000${valuesKey}`;
  let fixes = built.get(key);
  if (!fixes) {
    // Bounded (a long DevTools session): past 10k lists, start over.
    if (built.size >= 10_000) built.clear();
    built.set(key, (fixes = buildStackFixes(topics, detected, values, valuesKey)));
  }
  return fixes;
}

function buildStackFixes(
  topics: readonly FixTopic[],
  detected: readonly DetectedStack[],
  values: FixValues,
  key: string,
): StackFixReport[] {
  const found = new Set(detected.map((d) => d.stack));
  const order = [...detected.map((d) => d.stack), ...STACK_IDS.filter((id) => !found.has(id))];
  const data = { ...values };
  const interpolate = (template: string, data: Readonly<Record<string, string>>) => fill(template, data, key);
  return order.flatMap((stack) =>
    topics.flatMap((topic) => {
      const fix = CATALOG[topic][stack];
      if (!fix) return [];
      return [
        {
          stack,
          label: STACKS[stack].label,
          topic,
          detected: found.has(stack),
          summary: interpolate(fix.summary, data),
          language: fix.language,
          code: interpolate(fix.code, data),
        },
      ];
    }),
  );
}

/** Filled templates, by template and the values they were filled with: exchanges of one API repeat them. */
const filled = new Map<string, Map<string, string>>();
let filledCount = 0;

function fill(template: string, data: Readonly<Record<string, string>>, key: string): string {
  let byValues = filled.get(template);
  if (!byValues) filled.set(template, (byValues = new Map()));
  let text = byValues.get(key);
  if (text === undefined) {
    text = interpolateTemplate(template, data);
    // Bounded (a long DevTools session): past 20k filled templates, start over.
    if (filledCount >= 20_000) {
      filled.clear();
      filled.set(template, (byValues = new Map()));
      filledCount = 0;
    }
    byValues.set(key, text);
    filledCount++;
  }
  return text;
}
