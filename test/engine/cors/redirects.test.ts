// The kinds of redirect that explain a redirected preflight (cors-reference.md §(b) 8).
import { describe, expect, it } from 'vitest';
import { classifyRedirect, looksLikeLogin } from '../../../src/engine/cors/redirects';

const kind = (from: string, to: string) => classifyRedirect(from, to).kind;

describe('classifyRedirect', () => {
  it.each([
    ['https://api.example/items', 'https://api.example/items/', 'trailing-slash-added'],
    ['https://api.example/items?page=2', 'https://api.example/items/?page=2', 'trailing-slash-added'],
    [
      'http://127.0.0.1:8002/d-preflight-redirect',
      'http://127.0.0.1:8002/d-preflight-redirect/',
      'trailing-slash-added',
    ],
    ['https://api.example/items/', 'https://api.example/items', 'trailing-slash-removed'],
    ['http://api.example/items', 'https://api.example/items', 'https-upgrade'],
    ['http://api.example:8080/items', 'https://api.example:8443/items', 'https-upgrade'],
    ['https://example.com/api/items', 'https://www.example.com/api/items', 'www-added'],
    ['http://example.com/api/items', 'https://www.example.com/api/items', 'www-added'],
    ['https://www.example.com/api/items', 'https://example.com/api/items', 'www-removed'],
    ['https://api.example/items', 'https://api-v2.example/items', 'host-changed'],
    ['http://127.0.0.1:8002/items', 'http://127.0.0.1:8003/items', 'host-changed'],
    ['https://api.example/items', 'https://api.example/login?next=/items', 'login'],
    ['https://api.example/items', 'https://api.example/accounts/login/?next=/items', 'login'],
    ['https://api.example/items', 'https://sso.corp.example/idp/start', 'login'],
    ['https://api.example/items', 'https://accounts.google.com/o/oauth2/v2/auth', 'login'],
    ['https://api.example/items', 'https://api.example/Login.aspx?ReturnUrl=%2fitems', 'login'],
    ['https://api.example/items', 'https://id.example/oauth2/authorize?client_id=x', 'login'],
    ['https://api.example/items', 'https://api.example/en/items', 'other'],
    ['https://api.example/items', 'https://api.example/items/?page=2', 'other'],
    ['https://api.example/old-slug', 'https://api.example/new-slug', 'other'],
    ['https://api.example/items', 'http://api.example/items', 'other'],
    ['not a url', 'https://api.example/items', 'other'],
  ])('%s → %s is %s', (from, to, expected) => {
    expect(kind(from, to)).toBe(expected);
  });

  it('judges a URL already under /auth by its other changes, not as a login redirect', () => {
    expect(kind('https://api.example/auth/token', 'https://api.example/auth/token/')).toBe('trailing-slash-added');
  });

  it('names the hosts on both sides, with non-default ports', () => {
    expect(classifyRedirect('http://127.0.0.1:8002/a', 'http://localhost:8002/a')).toEqual({
      kind: 'host-changed',
      fromHost: '127.0.0.1:8002',
      toHost: 'localhost:8002',
    });
    expect(classifyRedirect('https://example.com/a', 'https://www.example.com/a')).toMatchObject({
      fromHost: 'example.com',
      toHost: 'www.example.com',
    });
  });
});

describe('looksLikeLogin', () => {
  it.each([
    'https://api.example/login',
    'https://api.example/signin',
    'https://api.example/sign-in/',
    'https://api.example/users/sign_in',
    'https://login.microsoftonline.com/common/oauth2/authorize',
    'https://auth.example/realms/x',
    'https://dev-123.okta.com/app/x',
    'https://api.example/saml2/sso',
  ])('%s is a login page', (url) => expect(looksLikeLogin(new URL(url))).toBe(true));

  it.each(['https://api.example/items', 'https://api.example/blogin', 'https://author.example/books'])(
    '%s is not',
    (url) => expect(looksLikeLogin(new URL(url))).toBe(false),
  );
});
