// probes.json: origins × URLs × methods, defaults at the top level, ${ENV} for secrets, every problem named.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, readProbeConfig, type ConfiguredProbe } from '../../src/probe/config';

const read = (json: unknown, env: Record<string, string> = {}, timeout: number | null = null) =>
  readProbeConfig(json, env, timeout);

describe('readProbeConfig', () => {
  it('expands origins × URLs × methods, with the top-level defaults', () => {
    const probes = read({
      origins: ['https://app.example', 'https://admin.example'],
      timeout: 2000,
      headers: { 'X-Client': 'ci' },
      probes: [
        { urls: ['https://api.example/a', 'https://api.example/b'], methods: ['GET', 'PUT'] },
        { url: 'https://api.example/c', origin: 'https://app.example', credentials: true, expect: 'blocked' },
      ],
    }) as ConfiguredProbe[];
    expect(probes).toHaveLength(9);
    expect(probes.map((p) => `${p.origin} ${p.method} ${p.url}`).slice(0, 4)).toEqual([
      'https://app.example GET https://api.example/a',
      'https://app.example PUT https://api.example/a',
      'https://app.example GET https://api.example/b',
      'https://app.example PUT https://api.example/b',
    ]);
    expect(probes[0]).toMatchObject({
      headers: [{ name: 'X-Client', value: 'ci' }],
      cookie: null,
      body: null,
      credentials: false,
      preflightOnly: false,
      timeoutMs: 2000,
      expect: 'allowed',
    });
    expect(probes[8]).toMatchObject({ credentials: true, expect: 'blocked' });
  });

  it('reads ${NAME} from the environment; a Cookie header with credentials is the cookie jar', () => {
    const [probe] = read(
      {
        origins: 'https://app.example',
        probes: [
          {
            url: 'https://${API_HOST}/me',
            credentials: true,
            headers: ['Authorization: Bearer ${TOKEN}', 'Cookie: sid=${SID}'],
            contentType: 'application/json',
            data: '{"a":1}',
          },
        ],
      },
      { API_HOST: 'api.example', TOKEN: 't0k', SID: 's1d' },
    ) as ConfiguredProbe[];
    expect(probe).toMatchObject({
      url: 'https://api.example/me',
      headers: [
        { name: 'Authorization', value: 'Bearer t0k' },
        { name: 'Content-Type', value: 'application/json' },
      ],
      cookie: 'sid=s1d',
      body: '{"a":1}',
    });
  });

  it('--timeout overrides the file', () => {
    const [probe] = read(
      { origin: 'https://a.example', probes: [{ url: 'https://b.example/', timeout: 5 }] },
      {},
      300,
    ) as ConfiguredProbe[];
    expect(probe?.timeoutMs).toBe(300);
    const [fallback] = read({
      origin: 'https://a.example',
      probes: [{ url: 'https://b.example/' }],
    }) as ConfiguredProbe[];
    expect(fallback?.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
  });

  it('names every problem by its place in the file', () => {
    expect(read([])).toEqual(['the config must be a JSON object with a "probes" array']);
    expect(read({ origins: ['https://a.example'] })).toEqual(['"probes" must be a non-empty array']);
    expect(
      read({
        origin: 'https://a.example',
        orign: 'x',
        probes: [
          { url: 'https://b.example/', methods: 'GET', credentials: 'yes', expect: 'maybe', timeout: -1 },
          { url: 'https://b.example/${MISSING}', headers: ['NoColon'] },
          'https://b.example/',
        ],
      }),
    ).toEqual([
      'unknown key "orign"',
      'probes[0].credentials must be true or false',
      'probes[0].timeout must be a whole number of milliseconds between 1 and 600000',
      'probes[0].expect must be "allowed" or "blocked"',
      'probes[1].headers[0] must be a "Name: value" string',
      'probes[1].url: the environment variable MISSING is not set',
      'probes[2] must be an object',
    ]);
  });
});
