// What a fix changes, independent of the stack. Rules name topics; the catalog says how each stack does it.
import type { StackId } from './stacks';

export type FixTopic =
  /** Send Access-Control-Allow-Origin for the page's origin (allowlist). */
  | 'allow-origin'
  /** Credentials: Allow-Credentials: true with an explicit origin (never "*"). */
  | 'allow-credentials'
  /** Preflight: list the methods and request headers the page uses. */
  | 'allow-methods-headers'
  /** Let OPTIONS through authentication: CORS handling before the auth layer. */
  | 'options-before-auth'
  /** Answer OPTIONS (preflight) on every API route, with 204 and the CORS headers. */
  | 'options-route'
  /** Keep CORS headers on error responses (4xx/5xx) too. */
  | 'cors-on-errors'
  /** No redirect on OPTIONS: trailing-slash, https or host redirects must not apply to preflights. */
  | 'no-redirect-on-preflight'
  /** Exactly one Access-Control-Allow-Origin header: set it in one layer only. */
  | 'single-allow-origin'
  /** Vary: Origin when Access-Control-Allow-Origin depends on the request. */
  | 'vary-origin'
  /** Cross-site cookies: SameSite=None; Secure over https. */
  | 'cookie-samesite';

export const FIX_TOPICS: readonly FixTopic[] = [
  'allow-origin',
  'allow-credentials',
  'allow-methods-headers',
  'options-before-auth',
  'options-route',
  'cors-on-errors',
  'no-redirect-on-preflight',
  'single-allow-origin',
  'vary-origin',
  'cookie-samesite',
];

/** One stack's way to apply one fix. `code` may use {{origin}}, {{methods}}, {{headers}} and {{path}}. */
export interface StackFix {
  /** One sentence: what to change, in that stack's terms. */
  readonly summary: string;
  readonly language:
    | 'js'
    | 'ts'
    | 'python'
    | 'java'
    | 'csharp'
    | 'ruby'
    | 'go'
    | 'nginx'
    | 'apache'
    | 'caddy'
    | 'yaml'
    | 'json'
    | 'text';
  readonly code: string;
}

/** A topic's fixes by stack; a stack without an entry has no specific advice for it. */
export type TopicCatalog = Readonly<Partial<Record<StackId, StackFix>>>;
