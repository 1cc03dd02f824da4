import { describe, expect, it } from 'vitest';
import { detectStacks } from '../../../src/engine/fixes/stacks';
import { HeaderList } from '../../../src/engine/har/headers';

const headers = (pairs: Record<string, string>) =>
  new HeaderList(Object.entries(pairs).map(([name, value]) => ({ name, value })));

describe('detectStacks', () => {
  it.each([
    [{ 'X-Powered-By': 'Express' }, 'express', 'X-Powered-By: Express'],
    [{ 'x-powered-by': 'Next.js' }, 'nextjs', 'x-powered-by: Next.js'],
    [{ Server: 'Kestrel' }, 'aspnet', 'Server: Kestrel'],
    [{ Server: 'Werkzeug/3.0.1 Python/3.12.1' }, 'flask', 'Server: Werkzeug/3.0.1 Python/3.12.1'],
    [{ server: 'uvicorn' }, 'fastapi', 'server: uvicorn'],
    [{ Server: 'WSGIServer/0.2 CPython/3.11.7' }, 'django', 'Server: WSGIServer/0.2 CPython/3.11.7'],
    [{ 'X-Runtime': '0.012345' }, 'rails', 'X-Runtime: 0.012345'],
    [
      { Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' },
      'spring',
      'Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    ],
    [{ Server: 'nginx/1.22.1' }, 'nginx', 'Server: nginx/1.22.1'],
    [{ Server: 'Apache/2.4.57 (Debian)' }, 'apache', 'Server: Apache/2.4.57 (Debian)'],
    [{ Server: 'Caddy' }, 'caddy', 'Server: Caddy'],
    [{ 'cf-ray': '8a1b2c3d4e5f-AMS' }, 'cloudflare', 'cf-ray: 8a1b2c3d4e5f-AMS'],
    [{ 'x-amz-apigw-id': 'abc=' }, 'aws-api-gateway', 'x-amz-apigw-id: abc='],
    [{ Via: '1.1 abc.cloudfront.net (CloudFront)' }, 'cloudfront', 'Via: 1.1 abc.cloudfront.net (CloudFront)'],
  ])('%j reveals %s', (pairs, stack, evidence) => {
    expect(detectStacks([headers(pairs)])).toEqual([{ stack, evidence }]);
  });

  it('lists the application before the proxy in front of it, each once', () => {
    const found = detectStacks([headers({ Server: 'nginx' }), headers({ 'X-Powered-By': 'Express', Server: 'nginx' })]);
    expect(found.map((d) => d.stack)).toEqual(['express', 'nginx']);
  });

  it('names nothing when the headers say nothing', () => {
    expect(detectStacks([headers({ 'Content-Type': 'application/json', Vary: 'Origin' })])).toEqual([]);
  });
});
