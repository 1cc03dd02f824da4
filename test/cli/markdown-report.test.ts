// The Markdown report of a blocked request reads like an expert's answer: root cause, evidence, the fix for the
// server stack the headers reveal, the curl commands, and what each browser printed.
import { describe, expect, it } from 'vitest';
import { diagnose, parseHarJson, redactReport } from '../../src/engine';
import { formatMarkdown } from '../../src/render/markdown';
import { allow, API, entry, har, PAGE, preflight } from '../support/har-builders';

const report = diagnose(
  [
    {
      file: 'bug.har',
      har: parseHarJson(
        har([
          entry({
            method: 'PUT',
            at: 0,
            url: `${API}/v1/items/42`,
            status: 401,
            statusText: 'Unauthorized',
            requestHeaders: {
              Origin: PAGE,
              'Content-Type': 'application/json',
              Authorization: 'Bearer eyJhbGciOi.secret',
            },
            responseHeaders: { 'X-Powered-By': 'Express', 'WWW-Authenticate': 'Bearer' },
          }),
          preflight({
            at: 3,
            url: `${API}/v1/items/42`,
            requestedHeaders: ['authorization', 'content-type'],
            responseHeaders: allow(PAGE, {
              'Access-Control-Allow-Methods': 'GET, PUT',
              'Access-Control-Allow-Headers': 'Authorization, Content-Type',
              'X-Powered-By': 'Express',
            }),
          }),
        ]),
      ),
    },
  ],
  { version: 't' },
);
// As the CLI and the panel export it: credentials redacted (redactReport) unless the user opts in.
const markdown = formatMarkdown(redactReport(report));
const section = markdown.slice(markdown.indexOf('## Blocked: PUT'));

describe('Markdown report for a blocked request', () => {
  it('leads with the root cause, naming the real status', () => {
    expect(section).toMatch(
      /^## Blocked: PUT `https:\/\/api\.example\/v1\/items\/42`\n\n\*\*Root cause: An error response hid the real problem\.\*\* The server answered 401 Unauthorized/,
    );
  });

  it('shows the evidence as a table of entries, headers, actual and expected values', () => {
    expect(section).toContain('| Entry | Where | Header | Actual | Expected |');
    expect(section).toContain('| 0 (request) | status |  | 401 Unauthorized | 2xx |');
    expect(section).toContain(
      '| 1 (preflight) | response-header | Access-Control-Allow-Origin | https://app.example |  |',
    );
  });

  it("gives the fix for the detected stack, with code filled with this request's values", () => {
    expect(section).toContain('- Server: express (`X-Powered-By: Express`)');
    expect(section).toMatch(/Express \(cors\) \(detected\): .+\n\n```js\n[^`]*https:\/\/app\.example/);
    expect(section).not.toMatch(/^nginx:/m);
  });

  it('includes the curl commands to reproduce, with the token redacted', () => {
    expect(section).toContain(
      "curl -i -X OPTIONS https://api.example/v1/items/42 -H 'Origin: https://app.example' -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: authorization,content-type'",
    );
    expect(section).toContain("-H 'Authorization: Bearer <redacted: 17 chars>'");
    const reproduce = section.slice(
      section.indexOf('**Reproduce**'),
      section.indexOf('**What the browser console says**'),
    );
    expect(reproduce).not.toContain('eyJhbGciOi');
  });

  it('quotes what Chrome and Firefox printed', () => {
    expect(section).toContain(
      "Chrome:  Access to fetch at 'https://api.example/v1/items/42' from origin 'https://app.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
    expect(section).toContain(
      'Firefox: Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/v1/items/42. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 401.',
    );
  });
});
