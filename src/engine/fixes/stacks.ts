// The server stacks CORS Doctor gives fixes for, and how a response reveals which one answered.
import type { HeaderList } from '../har/headers';

export type StackId =
  | 'express'
  | 'fastify'
  | 'koa'
  | 'nestjs'
  | 'nextjs'
  | 'django'
  | 'flask'
  | 'fastapi'
  | 'spring'
  | 'aspnet'
  | 'rails'
  | 'go'
  | 'nginx'
  | 'apache'
  | 'caddy'
  | 'cloudflare'
  | 'aws-api-gateway'
  | 'cloudfront';

export const STACKS: Readonly<Record<StackId, { label: string; layer: 'app' | 'proxy' }>> = {
  express: { label: 'Express (cors)', layer: 'app' },
  fastify: { label: 'Fastify (@fastify/cors)', layer: 'app' },
  koa: { label: 'Koa (@koa/cors)', layer: 'app' },
  nestjs: { label: 'NestJS', layer: 'app' },
  nextjs: { label: 'Next.js', layer: 'app' },
  django: { label: 'Django (django-cors-headers)', layer: 'app' },
  flask: { label: 'Flask (flask-cors)', layer: 'app' },
  fastapi: { label: 'FastAPI (CORSMiddleware)', layer: 'app' },
  spring: { label: 'Spring', layer: 'app' },
  aspnet: { label: 'ASP.NET Core', layer: 'app' },
  rails: { label: 'Rails (rack-cors)', layer: 'app' },
  go: { label: 'Go (net/http, rs/cors)', layer: 'app' },
  nginx: { label: 'nginx', layer: 'proxy' },
  apache: { label: 'Apache httpd', layer: 'proxy' },
  caddy: { label: 'Caddy', layer: 'proxy' },
  cloudflare: { label: 'Cloudflare', layer: 'proxy' },
  'aws-api-gateway': { label: 'AWS API Gateway', layer: 'proxy' },
  cloudfront: { label: 'AWS CloudFront', layer: 'proxy' },
};

export const STACK_IDS = Object.keys(STACKS) as StackId[];

export interface DetectedStack {
  stack: StackId;
  /** The header that gave it away, e.g. "X-Powered-By: Express". */
  evidence: string;
}

type Signal = [StackId, string, RegExp];

/** Response headers that name the software that produced them. Order: most specific first. */
const SIGNALS: readonly Signal[] = [
  ['nextjs', 'x-powered-by', /next\.js/i],
  ['express', 'x-powered-by', /^express/i],
  ['aspnet', 'x-powered-by', /asp\.net/i],
  ['aspnet', 'server', /kestrel/i],
  ['aspnet', 'x-aspnet-version', /./],
  ['flask', 'server', /werkzeug/i],
  ['fastapi', 'server', /uvicorn|hypercorn/i],
  ['django', 'server', /wsgiserver/i],
  ['rails', 'x-runtime', /^\d/],
  // Spring's CorsProcessor adds exactly this Vary list.
  ['spring', 'vary', /origin,\s*access-control-request-method,\s*access-control-request-headers/i],
  ['nginx', 'server', /nginx|openresty/i],
  ['apache', 'server', /apache/i],
  ['caddy', 'server', /caddy/i],
  ['cloudflare', 'cf-ray', /./],
  ['cloudflare', 'server', /cloudflare/i],
  ['aws-api-gateway', 'x-amz-apigw-id', /./],
  ['aws-api-gateway', 'x-amzn-requestid', /./],
  ['cloudfront', 'x-amz-cf-id', /./],
  ['cloudfront', 'via', /cloudfront/i],
];

/** The stacks these responses reveal, application frameworks before proxies and CDNs. */
export function detectStacks(responses: readonly HeaderList[]): DetectedStack[] {
  const found = new Map<StackId, string>();
  for (const headers of responses) discoverStacks(headers, found);
  return byLayer(found);
}

/**
 * `detectStacks([...own, ...others])` where `others` are the rest of a server's responses, in capture order, and
 * `server` is what all of that server's responses reveal (`discoverStacks` over them, in the order found): the
 * same answer without scanning the server's responses again for every exchange. A stack the server's first
 * revealing response shows is either found in `own` already or comes from that same response.
 */
export function detectStacksWith(own: readonly HeaderList[], server: readonly DetectedStack[]): DetectedStack[] {
  const found = new Map<StackId, string>();
  for (const headers of own) discoverStacks(headers, found);
  for (const { stack, evidence } of server) if (!found.has(stack)) found.set(stack, evidence);
  return byLayer(found);
}

/** Adds the stacks one response reveals and `found` does not hold yet, in signal order; true when it added any. */
export function discoverStacks(headers: HeaderList, found: Map<StackId, string>): boolean {
  let added = false;
  for (const { stack, evidence } of revealedBy(headers)) {
    if (found.has(stack)) continue;
    found.set(stack, evidence);
    added = true;
  }
  return added;
}

const revealed = new WeakMap<HeaderList, readonly DetectedStack[]>();

/**
 * What one response reveals on its own: each stack once, with its first matching signal, in signal order. Adding
 * these to what is found already, skipping known stacks, is the same as running the signals against the response
 * then; computed once per response, however many exchanges look at it.
 */
function revealedBy(headers: HeaderList): readonly DetectedStack[] {
  let stacks = revealed.get(headers);
  if (!stacks) {
    const found = new Map<StackId, string>();
    for (const [stack, name, pattern] of SIGNALS) {
      if (found.has(stack)) continue;
      const value = headers.get(name);
      if (value !== null && pattern.test(value)) found.set(stack, `${headers.displayName(name)}: ${value}`);
    }
    stacks = [...found].map(([stack, evidence]) => ({ stack, evidence }));
    revealed.set(headers, stacks);
  }
  return stacks;
}

function byLayer(found: ReadonlyMap<StackId, string>): DetectedStack[] {
  return [...found]
    .map(([stack, evidence]) => ({ stack, evidence }))
    .sort((a, b) => (STACKS[a.stack].layer === STACKS[b.stack].layer ? 0 : STACKS[a.stack].layer === 'app' ? -1 : 1));
}
