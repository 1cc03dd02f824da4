// Chromium net errors (HAR `response._error`) grouped by what they mean to someone debugging "CORS".

export type NetErrorKind =
  | 'cors' // the generic failure Chromium records on CORS-blocked requests
  | 'blocked-by-client'
  | 'blocked-by-csp'
  | 'blocked-by-response'
  | 'aborted'
  | 'dns'
  | 'connection'
  | 'tls'
  | 'timeout'
  | 'local-network'
  | 'other';

export function classifyNetError(error: string): NetErrorKind {
  const name = error.replace(/^net::/, '');
  if (name === 'ERR_FAILED') return 'cors';
  if (name === 'ERR_BLOCKED_BY_CLIENT' || name === 'ERR_BLOCKED_BY_ADMINISTRATOR') return 'blocked-by-client';
  if (name.startsWith('ERR_BLOCKED_BY_CSP')) return 'blocked-by-csp';
  if (name === 'ERR_BLOCKED_BY_ORB' || name === 'ERR_BLOCKED_BY_RESPONSE') return 'blocked-by-response';
  if (name === 'ERR_ABORTED') return 'aborted';
  if (name.includes('LOCAL_NETWORK') || name.includes('PRIVATE_NETWORK')) return 'local-network';
  if (name.startsWith('ERR_NAME_') || name.includes('DNS')) return 'dns';
  if (name.startsWith('ERR_CERT_') || name.startsWith('ERR_SSL_') || name.includes('TLS')) return 'tls';
  if (name.includes('TIMED_OUT')) return 'timeout';
  if (
    name.startsWith('ERR_CONNECTION_') ||
    [
      'ERR_ADDRESS_UNREACHABLE',
      'ERR_INTERNET_DISCONNECTED',
      'ERR_EMPTY_RESPONSE',
      'ERR_NETWORK_CHANGED',
      'ERR_SOCKET_NOT_CONNECTED',
      'ERR_PROXY_CONNECTION_FAILED',
      'ERR_TUNNEL_CONNECTION_FAILED',
    ].includes(name)
  ) {
    return 'connection';
  }
  return 'other';
}
