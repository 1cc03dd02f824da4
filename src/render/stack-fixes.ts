import type { ExchangeReport } from '../engine';

type StackFix = ExchangeReport['diagnoses'][number]['stackFixes'][number];

/** Without a detected stack, show the most common app framework and proxy; the JSON output has every stack. */
const DEFAULT_STACKS = ['express', 'nginx'];

/** The stack-specific fixes worth printing for an exchange: those of the detected stacks, or two common ones. */
export function fixesToShow(e: ExchangeReport): { shown: StackFix[]; note: string | null } {
  const all = new Map<string, StackFix>();
  for (const d of e.diagnoses) {
    if (d.severity === 'info') continue;
    for (const fix of d.stackFixes) all.set(`${fix.stack}/${fix.topic}`, fix);
  }
  const fixes = [...all.values()];
  const detected = fixes.filter((f) => f.detected);
  if (detected.length) return { shown: detected, note: null };
  const shown = fixes.filter((f) => DEFAULT_STACKS.includes(f.stack));
  return {
    shown,
    note: shown.length
      ? 'The response headers do not reveal the server stack; the JSON output (--format json) has the fix for every supported stack.'
      : null,
  };
}
