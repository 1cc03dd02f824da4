import { describe, expect, it } from 'vitest';
import { diagnose, parseHarJson, type RawHarEntry } from '../../src/engine';
import { shellQuote } from '../../src/engine/curl';
import { allow, API, entry, har, notSent, PAGE, preflight } from '../support/har-builders';

const curlOf = (entries: RawHarEntry[]) =>
  diagnose([{ file: 't.har', har: parseHarJson(har(entries)) }], { version: 't' }).exchanges[0]?.curl;

describe('curl commands', () => {
  it('replays the preflight and the real request with the headers the page set, credentials redacted', () => {
    const curl = curlOf([
      entry({
        method: 'PUT',
        at: 0,
        requestHeaders: {
          Origin: PAGE,
          'Content-Type': 'application/json',
          Authorization: 'Bearer abc.def.ghi',
          Cookie: 'sid=s3cr3t',
          'User-Agent': 'Mozilla/5.0',
          'Sec-Fetch-Mode': 'cors',
        },
        responseHeaders: allow(),
      }),
      preflight({ at: 2, requestedHeaders: ['authorization', 'content-type'], responseHeaders: allow() }),
    ]);
    expect(curl?.preflight).toBe(
      `curl -i -X OPTIONS ${API}/data -H 'Origin: ${PAGE}' -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: authorization,content-type'`,
    );
    expect(curl?.request).toBe(
      `curl -i -X PUT ${API}/data -H 'Origin: ${PAGE}' -H 'Content-Type: application/json' -H 'Authorization: Bearer <redacted: 11 chars>' -H 'Cookie: <redacted: 10 chars>'`,
    );
    expect(curl?.request).not.toContain('s3cr3t');
    expect(curl?.request).not.toContain('abc.def');
  });

  it('rebuilds the real request of a preflight-only exchange from the preflight', () => {
    const curl = curlOf([preflight({ status: 404, requestedHeaders: ['x-api-key'] })]);
    expect(curl?.request).toBe(`curl -i -X PUT ${API}/data -H 'Origin: ${PAGE}' -H 'x-api-key: <value>'`);
  });

  it('writes the preflight a cached or unseen preflight would have been', () => {
    const curl = curlOf([
      notSent({ method: 'DELETE', at: 0, requestHeaders: { Origin: PAGE } }),
      entry({ url: `${PAGE}/`, at: 5 }),
    ]);
    expect(curl?.preflight).toBe(
      `curl -i -X OPTIONS ${API}/data -H 'Origin: ${PAGE}' -H 'Access-Control-Request-Method: DELETE'`,
    );
  });

  it('quotes anything a shell could read as syntax', () => {
    expect(shellQuote('https://a.example/x?q=1&b=2')).toBe(`'https://a.example/x?q=1&b=2'`);
    expect(shellQuote(`it's $(rm -rf /)`)).toBe(`'it'\\''s $(rm -rf /)'`);
    expect(shellQuote('https://a.example/plain')).toBe('https://a.example/plain');
  });
});
