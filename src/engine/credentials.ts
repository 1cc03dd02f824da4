// Credentials mode is not in the HAR (capture-facts.md). Infer it only from evidence, and say which.
import { wasNeverSent } from './har/entry-facts';
import { originOf } from './cors/origin';
import { isCrossSite } from './cors/site';
import { memoize } from './memo';
import type { Entry } from './har/normalize';
import type { CredentialsInference, Exchange } from './model';

/** Cookie-carrying requests by host, for the "cookies existed, yet none were sent" inference. */
export type CookieIndex = ReadonlyMap<string, readonly Entry[]>;

export function indexCookies(entries: readonly Entry[]): CookieIndex {
  const byHost = new Map<string, Entry[]>();
  for (const entry of entries) {
    const host = cookieHost(entry);
    if (!host) continue;
    const list = byHost.get(host);
    if (list) list.push(entry);
    else byHost.set(host, [entry]);
  }
  return byHost;
}

/** The host an entry sent cookies to, which puts it in the cookie index; null when it sent none. */
export function cookieHost(entry: Entry): string | null {
  return sentCookies(entry) ? hostOf(entry.url) : null;
}

/** A credentials mode the capture's producer states outright (it made the requests itself). */
export type DeclaredCredentials = 'include' | 'not-include';

export function inferCredentials(
  exchange: Exchange,
  cookies: CookieIndex,
  declared?: DeclaredCredentials,
): CredentialsInference {
  if (declared) {
    return {
      mode: declared,
      evidence:
        declared === 'include'
          ? 'Declared by the producer of the capture, which made the request with credentials (credentials mode "include").'
          : 'Declared by the producer of the capture, which made the request without credentials.',
    };
  }
  const sent = exchange.hops.map((hop) => hop.entry).filter((e): e is Entry => e !== null && !wasNeverSent(e));
  const withCookie = sent.find(sentCookies);
  if (withCookie) {
    return { mode: 'include', evidence: `The request carried a Cookie header (entry ${withCookie.index}).` };
  }
  const first = sent[0];
  if (first && first === exchange.hops[0]?.entry) {
    // Cookies are per host (any port). If an earlier request from a page of the same site to this host sent
    // cookies, a credentialed request here would have sent them too.
    const host = hostOf(first.url);
    const earlier = host
      ? cookies
          .get(host)
          ?.find((e) => e !== first && (e.startedMs ?? 0) <= (first.startedMs ?? 0) && sameInitiatingSite(e, exchange))
      : undefined;
    if (earlier && host) {
      return {
        mode: 'not-include',
        evidence: `No Cookie header, although an earlier request from this site to ${host} (entry ${earlier.index}) sent cookies: a request with credentials would have sent them too.`,
      };
    }
  }
  return {
    mode: 'unknown',
    evidence:
      sent.length === 0
        ? 'The request was not sent, so the capture cannot show whether it would have carried credentials.'
        : 'No Cookie header was sent; that fits a request without credentials, or one with credentials when no cookie existed (or the HAR was sanitized).',
  };
}

function sentCookies(entry: Entry): boolean {
  return entry.requestHeaders.has('cookie') || entry.requestCookieCount > 0;
}

/**
 * `entry` was made by a page of the same site as the exchange's: same site, same cookie jar and same SameSite
 * verdicts, so a cookie it sent would go with a credentialed request of the exchange too.
 */
function sameInitiatingSite(entry: Entry, exchange: Exchange): boolean {
  if (exchange.origin === null) return false;
  const initiator =
    entry.requestHeaders.get('origin') ?? entry.requestHeaders.get('referer') ?? originOf(entry.url) ?? entry.url;
  return initiator !== 'null' && !isCrossSite(initiator, exchange.origin);
}

const hostOf = memoize((url: string): string | null => {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
});
