import { describe, expect, it } from 'vitest';
import { diagnose, parseHarJson, redactReport, type RawHarEntry } from '../../src/engine';
import { shellQuote, shellWords } from '../../src/engine/curl';
import { allow, API, entry, har, notSent, PAGE, preflight } from '../support/har-builders';

const curlOf = (entries: RawHarEntry[]) =>
  diagnose([{ file: 't.har', har: parseHarJson(har(entries)) }], { version: 't' }).exchanges[0]?.curl;

describe('curl commands', () => {
  it('replays the preflight and the real request with the headers the page set, credentials included', () => {
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
      `curl -i -X PUT ${API}/data -H 'Origin: ${PAGE}' -H 'Content-Type: application/json' -H 'Authorization: Bearer abc.def.ghi' -H 'Cookie: sid=s3cr3t'`,
    );
  });

  it('is redacted in exports: credentials masked, names and auth scheme kept, still a valid shell command', () => {
    const report = diagnose(
      [
        {
          file: 't.har',
          har: parseHarJson(
            har([
              entry({
                method: 'PUT',
                url: `${API}/data?access_token=tok3n&page=2`,
                requestHeaders: {
                  Origin: PAGE,
                  Authorization: 'Bearer abc.def.ghi',
                  Cookie: 'sid=s3cr3t; theme=dark',
                  'X-Api-Key': "it's-secret",
                },
                responseHeaders: allow(),
              }),
            ]),
          ),
        },
      ],
      { version: 't' },
    );
    const request = redactReport(report).exchanges[0]?.curl.request;
    expect(request).toBe(
      `curl -i -X PUT '${API}/data?access_token=<redacted: 5 chars>&page=2' -H 'Origin: ${PAGE}' -H 'Authorization: Bearer <redacted: 11 chars>' -H 'Cookie: sid=<redacted: 6 chars>; theme=<redacted: 4 chars>' -H 'X-Api-Key: <redacted: 11 chars>'`,
    );
    expect(shellWords(request ?? '')).toEqual([
      'curl',
      '-i',
      '-X',
      'PUT',
      `${API}/data?access_token=<redacted: 5 chars>&page=2`,
      '-H',
      `Origin: ${PAGE}`,
      '-H',
      'Authorization: Bearer <redacted: 11 chars>',
      '-H',
      'Cookie: sid=<redacted: 6 chars>; theme=<redacted: 4 chars>',
      '-H',
      'X-Api-Key: <redacted: 11 chars>',
    ]);
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

  it('reads back the words it quoted', () => {
    for (const word of [`it's $(rm -rf /)`, 'plain', "''", 'a b\nc', '\\']) {
      expect(shellWords(`curl ${shellQuote(word)} -H ${shellQuote(word)}`)).toEqual(['curl', word, '-H', word]);
    }
    expect(shellWords("curl 'unterminated")).toBeNull();
  });
});
