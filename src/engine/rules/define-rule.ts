import type { BrowserProfile } from '../cors/browsers';
import type { CaptureFacts } from '../capture-facts';
import type { CorsErrorName, FirefoxCategory } from '../cors/vocabulary';
import type { FixTopic } from '../fixes/topics';
import type { Entry } from '../har/normalize';
import type { CredentialsInference, Exchange, Finding, Hop, Severity, Stage, Verdict } from '../model';

interface BaseMeta<M extends string> {
  readonly severity: Severity;
  /** The failing state, as a person would name it: shown as the one-line verdict. Equals the doc's H1. */
  readonly title: string;
  /** One sentence starting "Require" or "Disallow": what the browser demands. The doc's blockquote. */
  readonly description: string;
  /** Full-sentence message templates with {{placeholders}}, by message id. */
  readonly messages: Readonly<Record<M, string>>;
  /** What to change, by message id; templates share the message's placeholders. */
  readonly fixes: Readonly<Record<M, readonly string[]>>;
  /** Which stack-specific fixes apply (src/engine/fixes): shown for the detected stack first. */
  readonly fixTopics?: readonly FixTopic[];
}

export interface AdviceMeta<M extends string> extends BaseMeta<M> {
  /** A root cause: why the failing check failed. Listed before the failing check itself. */
  readonly rootCause?: boolean;
}

export interface CheckMeta<M extends string> extends BaseMeta<M> {
  /** Chromium's CorsError for a failure at each stage this rule checks (null: not a CORS error in Chromium). */
  readonly chromium: Partial<Record<Stage, CorsErrorName | null>>;
  /** Firefox's console category for the same failure (null: Firefox logs no CORS category for it). */
  readonly firefox: FirefoxCategory | null;
  /** A network-stage rule ends the verdict as "failed-not-cors" instead of "blocked". */
  readonly outcome: 'blocked' | 'failed-not-cors';
}

/** What a check sees: one response of one hop, under one browser's rules and one credentials assumption. */
export interface CheckContext {
  readonly exchange: Exchange;
  readonly hop: Hop;
  readonly hopIndex: number;
  readonly stage: Stage;
  /** The entry being checked: the preflight at stage "preflight", the hop's request otherwise. */
  readonly response: Entry;
  readonly credentials: boolean;
  readonly browser: BrowserProfile;
}

/** A step of the browser's CORS algorithm: the first failing check decides the verdict. */
export interface CheckRule<M extends string = string> {
  readonly kind: 'check';
  readonly id: string;
  readonly meta: CheckMeta<M>;
  check(context: CheckContext): (Finding & { messageId: M }) | null;
}

/** What an advice rule sees: the exchange with its decided verdict. */
export interface AdviceContext {
  readonly exchange: Exchange;
  readonly verdict: Verdict;
  readonly credentials: CredentialsInference;
  /** The verdicts under each credentials assumption when the capture cannot tell which applies. */
  readonly alternatives: readonly Verdict[] | null;
  /** The other browser's verdict, when it differs. */
  readonly otherBrowser: Verdict | null;
  /** The other browser's verdict, always. */
  readonly otherVerdict: Verdict;
  /** Facts about the whole capture the exchange came from (other responses of the same server, cookies…). */
  readonly capture: CaptureFacts;
}

/** Explains, warns or teaches about an exchange after its verdict is known; never changes the verdict. */
export interface AdviceRule<M extends string = string> {
  readonly kind: 'advice';
  readonly id: string;
  readonly meta: AdviceMeta<M>;
  check(context: AdviceContext): (Finding & { messageId: M })[];
}

export type Rule = CheckRule | AdviceRule;

export function defineCheck<M extends string>(rule: Omit<CheckRule<M>, 'kind'>): CheckRule<M> {
  return { kind: 'check', ...rule };
}

export function defineAdvice<M extends string>(rule: Omit<AdviceRule<M>, 'kind'>): AdviceRule<M> {
  return { kind: 'advice', ...rule };
}
