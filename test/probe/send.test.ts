// Network failures as one line saying what they are, with the net error a browser's HAR would record.
import { describe, expect, it } from 'vitest';
import { describeNetworkError } from '../../src/probe/send';

const url = new URL('https://api.example.invalid/items');
const error = (code: string, message = code, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { code, ...extra }) as NodeJS.ErrnoException;

describe('describeNetworkError', () => {
  it.each([
    [error('ENOTFOUND'), 'DNS: no such host api.example.invalid', 'dns', 'net::ERR_NAME_NOT_RESOLVED'],
    [error('EAI_AGAIN'), 'DNS: temporary failure resolving api.example.invalid', 'dns', 'net::ERR_NAME_NOT_RESOLVED'],
    [
      error('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9', { address: '127.0.0.1', port: 9 }),
      'connection refused by 127.0.0.1:9',
      'refused',
      'net::ERR_CONNECTION_REFUSED',
    ],
    [
      error('ECONNRESET', 'socket hang up'),
      'connection reset by api.example.invalid:443 before a response',
      'reset',
      'net::ERR_CONNECTION_RESET',
    ],
    [
      error('CERT_HAS_EXPIRED', 'certificate has expired'),
      'TLS: certificate has expired',
      'tls',
      'net::ERR_CERT_DATE_INVALID',
    ],
    [
      error('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      'TLS: self-signed certificate',
      'tls',
      'net::ERR_CERT_AUTHORITY_INVALID',
    ],
    [
      error('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
      "TLS: Hostname/IP does not match certificate's altnames",
      'tls',
      'net::ERR_CERT_COMMON_NAME_INVALID',
    ],
    [
      error('EPROTO', 'write EPROTO 00:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:x.c:350:\n'),
      'TLS: handshake failed (wrong version number: does the server speak plain http?)',
      'tls',
      'net::ERR_SSL_PROTOCOL_ERROR',
    ],
    [error('EHOSTUNREACH'), 'no route to api.example.invalid', 'unreachable', 'net::ERR_ADDRESS_UNREACHABLE'],
    [
      error('HPE_INVALID_CONSTANT', 'Parse Error'),
      'api.example.invalid:443 did not answer with valid HTTP (HPE_INVALID_CONSTANT)',
      'protocol',
      'net::ERR_INVALID_HTTP_RESPONSE',
    ],
    [error('EWEIRD', 'something\nodd'), 'EWEIRD: something odd', 'other', 'net::ERR_FAILED'],
  ])('%s', (err, message, kind, netError) => {
    expect(describeNetworkError(err, url)).toMatchObject({ message, kind, netError });
  });
});
