// What the detail view derives from an ExchangeReport: the kind of problem, the diagnosis to lead with, the fixes.
import type { DiagnosisReport, ExchangeReport } from '../../../engine';

export type StackFix = DiagnosisReport['stackFixes'][number];

export type ProblemKind = 'not-cors' | 'preflight' | 'response' | 'allowed' | 'undecided' | 'blocked';

export const KIND_LABELS: Record<ProblemKind, string> = {
  'not-cors': 'Not a CORS problem',
  preflight: 'Preflight problem',
  response: 'Problem with the real response',
  allowed: 'Allowed',
  undecided: 'Undecided',
  blocked: 'Blocked by CORS',
};

export function problemKind(e: ExchangeReport): ProblemKind {
  switch (e.outcome) {
    case 'allowed':
      return 'allowed';
    case 'unknown':
      return 'undecided';
    case 'failed-not-cors':
      return 'not-cors';
    case 'blocked':
      if (e.stage === 'preflight') return 'preflight';
      if (e.stage === 'response' || e.stage === 'redirect') return 'response';
      return 'blocked';
  }
}

/** The diagnosis to lead with, as in the CLI's Markdown: the first root cause, else the failed check. */
export function leadDiagnosis(e: ExchangeReport): DiagnosisReport | undefined {
  return e.diagnoses.find((d) => d.kind === 'root-cause') ?? e.diagnoses.find((d) => d.kind === 'check');
}

/** The origin part of a URL, or the URL itself when it does not parse. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Generic fixes of the problems (not of the info notes), each once, in diagnosis order. */
export function genericFixes(e: ExchangeReport): string[] {
  return [...new Set(e.diagnoses.filter((d) => d.severity !== 'info').flatMap((d) => d.fixes))];
}

export interface StackGroup {
  stack: string;
  label: string;
  detected: boolean;
  fixes: StackFix[];
}

/** Per-stack fixes of the problems, grouped by stack: detected stacks first, then the engine's order. */
export function stackGroups(e: ExchangeReport): StackGroup[] {
  const groups = new Map<string, StackGroup>();
  const seen = new Set<string>();
  for (const d of e.diagnoses) {
    if (d.severity === 'info') continue;
    for (const fix of d.stackFixes) {
      const key = `${fix.stack}/${fix.topic}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let group = groups.get(fix.stack);
      if (!group) {
        group = { stack: fix.stack, label: fix.label, detected: false, fixes: [] };
        groups.set(fix.stack, group);
      }
      group.detected ||= fix.detected;
      group.fixes.push(fix);
    }
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.detected), ...all.filter((g) => !g.detected)];
}

/** Without a detected stack, the most common app framework is shown first (as the CLI does). */
export const DEFAULT_STACK = 'express';

/** Human wording of a fix topic id ("options-before-auth" → "options before auth"). */
export function topicLabel(topic: string): string {
  return topic.replace(/-/g, ' ');
}
