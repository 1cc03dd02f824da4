import { describe, expect, it } from 'vitest';
import { allowCredentials } from '../../../src/engine/fixes/catalog/allow-credentials';
import { allowMethodsHeaders } from '../../../src/engine/fixes/catalog/allow-methods-headers';
import { allowOrigin } from '../../../src/engine/fixes/catalog/allow-origin';
import { optionsBeforeAuth } from '../../../src/engine/fixes/catalog/options-before-auth';
import { optionsRoute } from '../../../src/engine/fixes/catalog/options-route';
import { STACK_IDS } from '../../../src/engine/fixes/stacks';
import type { TopicCatalog } from '../../../src/engine/fixes/topics';
import { interpolate } from '../../../src/engine/interpolate';

const CATALOGS: Record<string, TopicCatalog> = {
  'allow-origin': allowOrigin,
  'allow-credentials': allowCredentials,
  'allow-methods-headers': allowMethodsHeaders,
  'options-before-auth': optionsBeforeAuth,
  'options-route': optionsRoute,
};

const VALUES = {
  origin: 'https://app.example',
  methods: 'GET, POST, PUT',
  headers: 'Content-Type, Authorization',
  path: '/api/orders',
};

const entries = Object.entries(CATALOGS).flatMap(([topic, catalog]) =>
  STACK_IDS.map((stack) => ({ topic, stack, fix: catalog[stack] })),
);

/** A lone "*" (not part of "/**" or "/api/:path*"), as it appears when it is a configured value. */
const LONE_STAR = /(?:^|[\s"'=:[{(])\*(?=$|[\s"',\]})])/m;

/** Ways a snippet could allow any origin: a header or origin setting whose value is "*", or an allow-all switch. */
function allowsAnyOrigin(code: string): boolean {
  // Cloudflare's array unpacking, headers["origin"][*], is not a wildcard value
  const lines = code.replace(/\[\*\]/g, '[]').split('\n');
  if (lines.some((line) => /origin/i.test(line) && LONE_STAR.test(line))) return true;
  if (/AllowOrigins:\s*\n\s*-\s*["']?\*/.test(code)) return true;
  if (/\.AllowAnyOrigin\(\)|CORS_ALLOW_ALL_ORIGINS\s*=\s*True|CORS_ORIGIN_ALLOW_ALL\s*=\s*True/.test(code)) return true;
  return false;
}

describe('fix catalogs: allow-origin, allow-credentials, allow-methods-headers, options-before-auth, options-route', () => {
  it.each(entries)('$topic has an entry for $stack', ({ fix }) => {
    expect(fix).toBeDefined();
  });

  it.each(entries)('$topic / $stack: summary is one capitalised sentence ending in a period', ({ fix }) => {
    expect(fix?.summary).toMatch(/^[A-Z].*\.$/);
  });

  it.each(entries)('$topic / $stack: code and summary use only the four known placeholders', ({ fix }) => {
    expect(() => interpolate(fix?.code ?? '', VALUES)).not.toThrow();
    expect(() => interpolate(fix?.summary ?? '', VALUES)).not.toThrow();
    expect(interpolate(fix?.code ?? '', VALUES)).not.toMatch(/\{\{\s*\w+\s*\}\}/);
  });

  it.each(entries)('$topic / $stack: code is not empty', ({ fix }) => {
    expect(fix?.code.trim().split('\n').length).toBeGreaterThanOrEqual(2);
  });

  it.each(STACK_IDS)('allow-credentials / %s never allows a wildcard origin', (stack) => {
    const code = allowCredentials[stack]?.code ?? '';
    expect(allowsAnyOrigin(code)).toBe(false);
    expect(allowsAnyOrigin(interpolate(code, VALUES))).toBe(false);
  });

  it('the wildcard check itself catches the usual spellings', () => {
    for (const bad of [
      `add_header Access-Control-Allow-Origin "*" always;`,
      `app.use(cors({ origin: '*', credentials: true }));`,
      `allow_origins=["*"],`,
      `origins '*'`,
      `AllowedOrigins: []string{"*"},`,
      `AccessControlAllowOrigins: { Items: ['*'] }`,
      `AllowOrigins:\n  - '*'`,
      `policy.AllowAnyOrigin().AllowCredentials()`,
      `CORS_ALLOW_ALL_ORIGINS = True`,
    ]) {
      expect(allowsAnyOrigin(bad), bad).toBe(true);
    }
    for (const ok of [
      `resource '*', headers: :any`,
      `registry.addMapping("/**")`,
      `source: '/api/:path*',`,
      `any(http.request.headers["origin"][*] eq "https://app.example")`,
    ]) {
      expect(allowsAnyOrigin(ok), ok).toBe(false);
    }
  });
});
