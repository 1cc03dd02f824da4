// Bad input gets a one-line, specific error; usable input with broken parts is read with the problems noted.
import { describe, expect, it } from 'vitest';
import { diagnose, HarInputError, parseHarText } from '../../../src/engine';

const fails = (text: string) => {
  try {
    parseHarText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(HarInputError);
    return (error as Error).message;
  }
  throw new Error('expected a HarInputError');
};

describe('parseHarText', () => {
  it.each([
    ['', 'the file is empty'],
    ['   \n', 'the file is empty'],
    ['<html>', 'not valid JSON'],
    ['{"log": {"entries": [ {"request": {', 'the file ends early (truncated?)'],
    ['42', 'not a HAR: the JSON is a number'],
    ['null', 'not a HAR: the JSON is null'],
    ['{"foo": 1}', 'not a HAR: no "log.entries" array'],
    ['{"log": {"version": "1.2"}}', 'not a HAR: "log" has no "entries" array'],
    ['{"log": {"entries": {}}}', 'not a HAR: "log.entries" is an object, not an array'],
  ])('rejects %j with "%s"', (text, message) => {
    const error = fails(text);
    expect(error).toContain(message);
    expect(error).not.toContain('\n');
  });

  it('accepts a byte-order mark, a bare entries array and a log without the wrapper', () => {
    expect(parseHarText('\uFEFF{"log":{"entries":[]}}').log.entries).toEqual([]);
    expect(parseHarText('[{"request":{}}]').log.entries).toHaveLength(1);
    expect(parseHarText('{"entries":[]}').log.entries).toEqual([]);
  });

  it('keeps slots for entries that are not objects, so indexes still match the file', () => {
    const parsed = parseHarText('{"log":{"entries":[1, {"request":{"url":"https://a.example/"}}, null]}}');
    expect(parsed.log.entries).toHaveLength(3);
    expect(parsed.skipped).toEqual([
      { index: 0, reason: 'entry is a number, not an object' },
      { index: 2, reason: 'entry is null, not an object' },
    ]);
  });
});

describe('diagnose on damaged entries', () => {
  it('reads what it can, reports what it could not, and never throws', () => {
    const text = JSON.stringify({
      log: {
        entries: [
          'garbage',
          { request: { method: 'GET' } },
          {
            request: { url: 'https://api.example/x', method: 'GET', headers: { Origin: 'https://app.example' } },
            response: { status: '200', headers: 'nope' },
          },
          { response: { status: 0 } },
          {
            startedDateTime: 'yesterday',
            request: {
              url: 'https://api.example/y',
              method: 'GET',
              headers: [{ name: 'Origin', value: 'https://app.example' }, { value: 'no name' }],
            },
            response: { status: 200, headers: [{ name: 'access-control-allow-origin', value: 'https://app.example' }] },
          },
        ],
      },
    });
    const report = diagnose([{ file: 'damaged.har', har: parseHarText(text) }], { version: 't' });
    const problems = report.inputs[0]?.problems.map((p) => `${p.entry}: ${p.problem}`);
    expect(problems).toEqual([
      '0: skipped: entry is a string, not an object',
      '1: no response object',
      '1: request.url missing',
      '2: response.headers is not a list',
      '2: request.headers is an object, read as name → value',
      '3: no request object',
      '3: request.url missing',
      '3: request.method missing',
      '4: request.headers has an item without a name',
    ]);
    expect(report.exchanges.map((e) => [e.url, e.outcome])).toEqual([
      ['https://api.example/x', 'blocked'],
      // Exact origin but no Access-Control-Allow-Credentials, and nothing shows the credentials mode.
      ['https://api.example/y', 'unknown'],
    ]);
    expect(report.exchanges[1]?.alternatives).toEqual([
      { credentials: 'not-include', outcome: 'allowed', browserError: null, failedParameter: null },
      { credentials: 'include', outcome: 'blocked', browserError: 'InvalidAllowCredentials', failedParameter: null },
    ]);
  });
});
