// The built extension packages (dist/chrome, dist/firefox; `npm run build`) are locked down: no permissions, a
// strict CSP for extension pages, and no remote or dynamically evaluated code. `npm run lint:firefox` (web-ext
// lint) checks the Firefox package on top of this; SECURITY.md says what the extension can see and keeps.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import base from '../../manifest.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '../..');
const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

it('the source manifest sets the strict CSP for extension pages', () => {
  expect(base.content_security_policy).toEqual({ extension_pages: STRICT_CSP });
});

describe.each(['chrome', 'firefox'])('dist/%s', (browser) => {
  const dist = join(ROOT, 'dist', browser);
  const read = () => {
    expect(existsSync(join(dist, 'manifest.json')), 'run "npm run build" first').toBe(true);
    return JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  };

  it('keeps the strict CSP: scripts from the package only, no eval, no plugins, no <base>', () => {
    const csp = (read().content_security_policy as { extension_pages?: string } | undefined)?.extension_pages;
    expect(csp).toBe(STRICT_CSP);
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('asks for no permission, host access or page injection', () => {
    const manifest = read();
    for (const key of [
      'permissions',
      'optional_permissions',
      'host_permissions',
      'optional_host_permissions',
      'content_scripts',
      'externally_connectable',
      'web_accessible_resources',
      'sandbox',
      'update_url',
    ]) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });

  it('loads no remote code: every page script is a file of the package, and no bundle evaluates strings', () => {
    read();
    const all = files(dist);
    for (const page of all.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(page, 'utf8');
      const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
      // A path in the package: no scheme (https:, data:, blob:) and no protocol-relative "//host".
      for (const source of sources) expect(source, relative(dist, page)).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
      expect(html, `${relative(dist, page)} has an inline script`).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/);
    }
    for (const script of all.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(script, 'utf8');
      const name = relative(dist, script);
      expect(code, name).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(/);
      expect(code, name).not.toMatch(/\bimport\s*\(\s*["'`](?:https?:)?\/\//);
      expect(code, name).not.toMatch(/\bimportScripts\s*\(\s*["'`](?:https?:)?\/\//);
    }
  });
});
