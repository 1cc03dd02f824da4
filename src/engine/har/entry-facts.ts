// Facts about single entries that several parts of the engine read the same way.
import type { Entry } from './normalize';

export function isPreflight(entry: Entry): boolean {
  return (
    entry.method.toUpperCase() === 'OPTIONS' &&
    (entry.resourceType === 'preflight' || entry.requestHeaders.has('access-control-request-method'))
  );
}

/**
 * The browser never sent this request. Chromium: status 0, no response headers and `_error: net::ERR_FAILED`
 * (its request headers are only the provisional ones). Firefox (getHAR only): status 0 with `timings: {}`;
 * a Firefox request that was sent but got no response has real timings instead.
 */
export function wasNeverSent(entry: Entry): boolean {
  if (entry.status !== 0 || entry.responseHeaders.size > 0) return false;
  if (entry.error !== undefined) return entry.error === 'net::ERR_FAILED';
  return entry.timingsEmpty;
}

/** A response arrived (any status, including errors). */
export function hasResponse(entry: Entry): boolean {
  return entry.status > 0;
}

export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304;
}

/** "404 Not Found", or "404" when the producer wrote no status text. */
export function statusLine(entry: Entry): string {
  return entry.statusText ? `${entry.status} ${entry.statusText}` : String(entry.status);
}

/**
 * AWS API Gateway's answer for a method or path it has no route for: 403 "Missing Authentication Token", marked
 * `x-amzn-ErrorType: MissingAuthenticationTokenException`. It reads like authentication but means "no such route".
 */
export function isApiGatewayMissingRoute(entry: Entry): boolean {
  const type = entry.responseHeaders.get('x-amzn-errortype');
  return entry.status === 403 && type !== null && /^MissingAuthenticationToken/i.test(type);
}
