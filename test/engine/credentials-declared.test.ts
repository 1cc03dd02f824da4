// A producer that made the requests itself (cors-doctor probe) knows the credentials mode: HarInput.credentials
// declares it, and the verdict follows it instead of inferring it from cookies.
import { describe, expect, it } from 'vitest';
import { diagnose, parseHarJson, type DeclaredCredentials, type RawHarEntry } from '../../src/engine';
import { allow, entry, har, PAGE } from '../support/har-builders';

const run = (entries: RawHarEntry[], credentials?: DeclaredCredentials) =>
  diagnose([{ file: 't.har', har: parseHarJson(har(entries)), credentials }], { version: 't' }).exchanges[0];

const wildcard = entry({ responseHeaders: allow('*') });

describe('declared credentials mode', () => {
  it('without a declaration, a wildcard response without a Cookie header leaves credentials undecided', () => {
    const firefox = entry({ producer: 'firefox', responseHeaders: allow('*') });
    const [e] = diagnose([{ file: 't.har', har: parseHarJson(har([firefox], 'firefox')) }], { version: 't' }).exchanges;
    expect(e).toMatchObject({ credentials: 'unknown', outcome: 'unknown' });
  });

  it('"include" is believed without a Cookie header: the wildcard fails', () => {
    expect(run([wildcard], 'include')).toMatchObject({
      credentials: 'include',
      credentialsEvidence: expect.stringMatching(/^Declared by the producer/),
      outcome: 'blocked',
      browserError: 'WildcardOriginNotAllowed',
      alternatives: null,
    });
  });

  it('"not-include": the wildcard passes', () => {
    expect(run([wildcard], 'not-include')).toMatchObject({
      credentials: 'not-include',
      outcome: 'allowed',
      alternatives: null,
    });
  });

  it('the declaration wins over the evidence in the capture', () => {
    const withCookie = entry({ requestHeaders: { Origin: PAGE, Cookie: 'sid=1' }, responseHeaders: allow('*') });
    expect(run([withCookie])).toMatchObject({ credentials: 'include' });
    expect(run([withCookie], 'not-include')).toMatchObject({ credentials: 'not-include', outcome: 'allowed' });
  });

  it('missing Access-Control-Allow-Credentials fails only with "include"', () => {
    const specific = entry({ responseHeaders: allow(PAGE) });
    expect(run([specific], 'include')).toMatchObject({ browserError: 'InvalidAllowCredentials' });
    expect(run([specific], 'not-include')).toMatchObject({ outcome: 'allowed' });
  });
});
