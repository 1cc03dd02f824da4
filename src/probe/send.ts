// Sends one HTTP request exactly as planned (no redirect following, no cookies of its own, no added headers but
// User-Agent) and records what came back: the raw response header lines, the status and the timings. Network
// failures become a ProbeNetworkError with one line saying what happened, never a stack trace.
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { Header } from '../engine';

export interface OutgoingRequest {
  url: string;
  /** The method as the browser names it (sent upper-cased: Node's HTTP client upper-cases every method). */
  method: string;
  headers: readonly Header[];
  body: string | null;
  /** The whole exchange, from connecting to the response headers. */
  timeoutMs: number;
}

export interface ReceivedResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  /** Every header line as the server sent it, in order, duplicates kept. */
  headers: Header[];
  serverIp: string | null;
  bodySize: number;
  mimeType: string;
  timings: Timings;
}

/** HAR timings, in ms (-1: does not apply, e.g. no TLS on http). */
export interface Timings {
  blocked: number;
  dns: number;
  connect: number;
  ssl: number;
  send: number;
  wait: number;
  receive: number;
}

export interface SentRequest {
  startedMs: number;
  /** The header lines sent, in order (Host and Content-Length included). */
  headers: Header[];
  response: ReceivedResponse;
}

export type NetworkErrorKind = 'dns' | 'refused' | 'reset' | 'unreachable' | 'tls' | 'timeout' | 'protocol' | 'other';

/** The request got no HTTP response. `message` is one line: "connection refused by 127.0.0.1:9". */
export class ProbeNetworkError extends Error {
  override readonly name = 'ProbeNetworkError';
  constructor(
    message: string,
    readonly kind: NetworkErrorKind,
    /** Chromium's name for it, as a HAR would record it. */
    readonly netError: string,
  ) {
    super(message);
  }
}

/** Stop reading a body after this many bytes: CORS is decided by the headers. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Stop reading a body after this long once the headers are in. */
const MAX_BODY_MS = 2_000;

export type Send = (request: OutgoingRequest) => Promise<SentRequest>;

export const send: Send = (outgoing) =>
  new Promise<SentRequest>((resolve, reject) => {
    const url = new URL(outgoing.url);
    const startedMs = Date.now();
    const start = performance.now();
    const marks: { lookup?: number; connect?: number; secure?: number; sent?: number; response?: number } = {};
    const headers: OutgoingHttpHeaders = {};
    const sentHeaders: Header[] = [{ name: 'Host', value: url.host }];
    for (const { name, value } of outgoing.headers) {
      headers[name] = value;
      sentHeaders.push({ name, value });
    }
    const body = outgoing.body === null ? null : Buffer.from(outgoing.body, 'utf8');
    if (body !== null || !['GET', 'HEAD', 'OPTIONS'].includes(outgoing.method.toUpperCase())) {
      // Browsers send Content-Length: 0 on a body-less POST/PUT/PATCH/DELETE; a body gets its real length.
      headers['Content-Length'] = String(body?.length ?? 0);
      sentHeaders.push({ name: 'Content-Length', value: String(body?.length ?? 0) });
    }
    const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const fail = (error: ProbeNetworkError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };

    const req = requestFn(url, {
      method: outgoing.method,
      headers,
      // A fresh connection each time, as a first visit would open, and nothing left open afterwards.
      agent: false,
    });
    const timer = setTimeout(
      () => fail(new ProbeNetworkError(`timed out after ${outgoing.timeoutMs} ms`, 'timeout', 'net::ERR_TIMED_OUT')),
      outgoing.timeoutMs,
    );
    req.on('socket', (socket: Socket) => {
      socket.once('lookup', () => (marks.lookup = performance.now()));
      socket.once('connect', () => (marks.connect = performance.now()));
      socket.once('secureConnect', () => (marks.secure = performance.now()));
    });
    req.on('finish', () => (marks.sent = performance.now()));
    req.on('error', (error: NodeJS.ErrnoException) => fail(describeNetworkError(error, url)));
    req.on('response', (res: IncomingMessage) => {
      marks.response = performance.now();
      clearTimeout(timer);
      let bodySize = 0;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(bodyTimer);
        const end = performance.now();
        res.destroy();
        resolve({
          startedMs,
          headers: sentHeaders,
          response: {
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            httpVersion: `HTTP/${res.httpVersion}`,
            headers: pairs(res.rawHeaders),
            serverIp: res.socket?.remoteAddress ?? null,
            bodySize,
            mimeType: String(res.headers['content-type'] ?? ''),
            timings: timings(start, marks, end, url.protocol === 'https:'),
          },
        });
      };
      const bodyTimer = setTimeout(finish, Math.min(MAX_BODY_MS, outgoing.timeoutMs));
      res.on('data', (chunk: Buffer) => {
        bodySize += chunk.length;
        if (bodySize >= MAX_BODY_BYTES) finish();
      });
      res.on('end', finish);
      res.on('error', finish);
      res.on('aborted', finish);
    });
    req.end(body ?? undefined);
  });

function pairs(raw: readonly string[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i] as string, value: raw[i + 1] as string });
  return out;
}

function timings(
  start: number,
  marks: { lookup?: number; connect?: number; secure?: number; sent?: number; response?: number },
  end: number,
  tls: boolean,
): Timings {
  const ms = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? -1 : Math.max(0, Math.round((b - a) * 1000) / 1000);
  const connected = marks.connect ?? start;
  const ready = tls ? (marks.secure ?? connected) : connected;
  return {
    blocked: -1,
    dns: ms(start, marks.lookup),
    connect: ms(marks.lookup ?? start, marks.connect),
    ssl: tls ? ms(marks.connect, marks.secure) : -1,
    send: ms(ready, marks.sent ?? ready),
    wait: ms(marks.sent ?? ready, marks.response),
    receive: ms(marks.response, end),
  };
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

/** One line naming what went wrong, with the browser's net error for the HAR. */
export function describeNetworkError(error: NodeJS.ErrnoException, url: URL): ProbeNetworkError {
  const code = error.code ?? '';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const address = (error as { address?: string }).address ?? host;
  const errorPort = (error as { port?: number }).port ?? port;
  switch (code) {
    case 'ENOTFOUND':
      return new ProbeNetworkError(`DNS: no such host ${host}`, 'dns', 'net::ERR_NAME_NOT_RESOLVED');
    case 'EAI_AGAIN':
      return new ProbeNetworkError(`DNS: temporary failure resolving ${host}`, 'dns', 'net::ERR_NAME_NOT_RESOLVED');
    case 'ECONNREFUSED':
      return new ProbeNetworkError(
        `connection refused by ${address}:${errorPort}`,
        'refused',
        'net::ERR_CONNECTION_REFUSED',
      );
    case 'ECONNRESET':
      return new ProbeNetworkError(
        `connection reset by ${host}:${port} before a response`,
        'reset',
        'net::ERR_CONNECTION_RESET',
      );
    case 'EPIPE':
      return new ProbeNetworkError(
        `connection closed by ${host}:${port} while sending`,
        'reset',
        'net::ERR_CONNECTION_CLOSED',
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ProbeNetworkError(`no route to ${host}`, 'unreachable', 'net::ERR_ADDRESS_UNREACHABLE');
    case 'ETIMEDOUT':
      return new ProbeNetworkError(
        `timed out connecting to ${host}:${port}`,
        'timeout',
        'net::ERR_CONNECTION_TIMED_OUT',
      );
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new ProbeNetworkError(`TLS: ${tlsReason(error)}`, 'tls', tlsNetError(code));
  }
  if (code.startsWith('HPE_')) {
    return new ProbeNetworkError(
      `${host}:${port} did not answer with valid HTTP (${code})`,
      'protocol',
      'net::ERR_INVALID_HTTP_RESPONSE',
    );
  }
  const message = oneLine(error.message || String(error));
  return new ProbeNetworkError(code ? `${code}: ${message}` : message, 'other', 'net::ERR_FAILED');
}

function tlsReason(error: NodeJS.ErrnoException): string {
  const message = oneLine(error.message);
  // OpenSSL: "… error:0A00010B:SSL routines:ssl3_get_record:wrong version number": keep the last part.
  const openssl = /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1];
  if (openssl === 'wrong version number')
    return 'handshake failed (wrong version number: does the server speak plain http?)';
  return openssl ? `handshake failed (${openssl})` : message;
}

function tlsNetError(code: string): string {
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return 'net::ERR_CERT_DATE_INVALID';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH')
    return 'net::ERR_CERT_COMMON_NAME_INVALID';
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_')) return 'net::ERR_SSL_PROTOCOL_ERROR';
  return 'net::ERR_CERT_AUTHORITY_INVALID';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
