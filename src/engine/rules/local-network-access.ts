import { addressSpaceOf, isIpLiteral, isLocalAddressSpace, resolvedAddressSpace } from '../cors/address-space';
import type { CaptureFacts } from '../capture-facts';
import { classifyNetError } from '../cors/net-errors';
import { statusLine } from '../har/entry-facts';
import type { Entry } from '../har/normalize';
import type { Evidence, Exchange, Verdict } from '../model';
import { defineAdvice } from './define-rule';

/** Reserved or customary names for private networks: a page there is not assumed to be public. */
const PRIVATE_NAME_SUFFIXES = ['.test', '.internal', '.lan', '.home.arpa', '.corp', '.intranet', '.localdomain'];

/** Net errors that end a request before Local Network Access decides (the connection never stood). */
const EARLIER_FAILURES = new Set([
  'dns',
  'connection',
  'tls',
  'timeout',
  'aborted',
  'blocked-by-client',
  'blocked-by-csp',
]);

interface Target {
  entry: Entry;
  role: Evidence['role'];
  host: string;
  ip: string | null;
  space: 'loopback' | 'private';
  /** Only the browser's net error says the address was local: the capture shows neither an IP literal nor an IP. */
  fromError?: boolean;
}

export default defineAdvice({
  id: 'local-network-access',
  meta: {
    severity: 'error',
    rootCause: true,
    title: 'A public page called a private or loopback address',
    description:
      "Disallow requests from a public page to private or loopback addresses without the user's local network permission, and from non-secure pages altogether",
    messages: {
      blocked:
        'The page at {{pageOrigin}} is {{pageWhere}}, but it calls {{url}}, {{targetWhere}}. {{gate}}. {{certainty}} the request failed ({{error}}): this is not a CORS problem, and no CORS header can fix it.',
      needsPermission:
        'The page at {{pageOrigin}} is {{pageWhere}}, but it calls {{url}}, {{targetWhere}}. {{gate}}. {{result}}, but {{outlook}}.',
    },
    fixes: {
      blocked: [
        'If the page is meant for everyone, serve the API from a public host name with a valid certificate instead of {{host}}.',
        "If the page must reach a device on the user's own network, serve the page over https, call it with `fetch(url, { targetAddressSpace: '{{addressSpace}}' })`, and have the user allow the {{permission}} permission when the browser asks.",
      ],
      needsPermission: [
        'If every user should reach this API, move it to a public host name so that no permission is needed.',
        "If the page must reach the user's own device, keep the page on https, call it with `fetch(url, { targetAddressSpace: '{{addressSpace}}' })`, and handle a denied permission in the page.",
      ],
    },
  },
  check({ exchange, verdict, capture }) {
    const pageOrigin = exchange.origin;
    if (!pageOrigin || pageOrigin === 'null') return [];
    const netError = verdict.failure?.finding.netError ?? null;
    const lnaError = netError !== null && classifyNetError(netError) === 'local-network';
    const page = pageAddressSpace(pageOrigin, capture);
    const failed = verdict.failure?.entry ?? null;
    const target =
      localTarget(exchange) ??
      (lnaError && failed
        ? {
            entry: failed,
            role: roleOf(exchange, failed),
            host: hostOf(failed.url),
            ip: null,
            space: 'private' as const,
            fromError: true,
          }
        : null);
    if (!target || (page.space !== 'public' && !lnaError)) return [];

    const secure = pageOrigin.startsWith('https:');
    const permission = target.fromError
      ? 'local-network (or loopback-network)'
      : target.space === 'loopback'
        ? 'loopback-network'
        : 'local-network';
    const browser = verdict.browser.name === 'firefox' ? 'Firefox' : 'Chromium';
    const data: Record<string, string> = {
      pageOrigin,
      pageWhere: page.where,
      url: target.entry.url,
      host: target.host,
      targetWhere: describeTarget(target),
      addressSpace: target.space === 'loopback' ? 'loopback' : 'local',
      gate: secure
        ? `${browser}'s Local Network Access asks the user for the ${permission} permission before such a request, and fails it when the permission is denied or dismissed`
        : `${browser}'s Local Network Access blocks such a request outright, because the page is not a secure context (http)`,
      permission,
      outlook: secure
        ? 'every user who denies or dismisses the permission prompt will see this request fail'
        : 'wherever the browser enforces Local Network Access, it fails for every user',
    };
    const evidence: Evidence[] = [
      { entry: target.entry.index, role: target.role, location: 'url', actual: target.entry.url },
    ];
    if (target.entry.error) {
      evidence.push({ entry: target.entry.index, role: target.role, location: 'error', actual: target.entry.error });
    }

    const other = otherCause(verdict, target.entry, netError);
    if (lnaError || (verdict.outcome !== 'allowed' && other === null)) {
      return [
        {
          messageId: 'blocked',
          data: {
            ...data,
            certainty: lnaError ? 'That is why' : 'That is the likely reason',
            error: netError && netError !== 'no-response' ? netError : (target.entry.error ?? 'status 0, no response'),
          },
          evidence,
        },
      ];
    }
    return [{ messageId: 'needsPermission', data: { ...data, result: other ?? worked(verdict) }, evidence }];
  },
});

/** The page's address space: from the IP its own responses came from, else its host; names count as public. */
function pageAddressSpace(pageOrigin: string, capture: CaptureFacts): { space: string; where: string } {
  let host: string;
  try {
    host = new URL(pageOrigin).hostname.toLowerCase();
  } catch {
    return { space: 'unknown', where: 'on an address the capture does not show' };
  }
  const ip = capture.byServer.get(pageOrigin)?.find((entry) => entry.serverIp)?.serverIp ?? null;
  const space = resolvedAddressSpace(host, ip);
  if (space !== 'unknown') {
    const where = ip && !isIpLiteral(host) ? `on the ${space} address ${ip}` : `on a ${space} address`;
    return { space, where };
  }
  // Chromium counts an unknown address space as public; a plain domain name is one, unless it is a private name.
  if (!host.includes('.') || PRIVATE_NAME_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return { space: 'unknown', where: 'on an address the capture does not show' };
  }
  return { space: 'public', where: 'on a public host name' };
}

/** The first request or preflight of the chain that went to a private or loopback address. */
function localTarget(exchange: Exchange): Target | null {
  for (const [index, hop] of exchange.hops.entries()) {
    const candidates: [Entry | null, Evidence['role']][] = [
      [hop.preflight, 'preflight'],
      [hop.entry, index > 0 ? 'redirect' : 'request'],
    ];
    for (const [entry, role] of candidates) {
      if (!entry) continue;
      let host: string;
      try {
        host = new URL(entry.url).hostname.toLowerCase();
      } catch {
        continue;
      }
      const space = resolvedAddressSpace(host, entry.serverIp);
      if (isLocalAddressSpace(space)) return { entry, role, host, ip: entry.serverIp, space };
    }
  }
  return null;
}

function describeTarget({ host, ip, space, fromError }: Target): string {
  if (fromError) return `whose host ${host} the browser found on a private or loopback address`;
  const kind = space === 'loopback' ? 'a loopback address (this computer)' : 'a private address (the local network)';
  if (isIpLiteral(host)) return kind;
  if (ip && addressSpaceOf(host) === 'unknown') {
    return `whose host ${host} resolved to ${ip.replace(/^\[|\]$/g, '')}, ${kind}`;
  }
  return space === 'loopback' ? kind : 'a local network (mDNS) name';
}

/** A visible reason the request failed other than Local Network Access, in words; null when there is none. */
function otherCause(verdict: Verdict, target: Entry, netError: string | null): string | null {
  if (verdict.outcome === 'allowed') return null;
  if (target.status > 0) {
    const failed = verdict.outcome === 'blocked' || verdict.outcome === 'failed-not-cors';
    return `It got a response here (${statusLine(target)}), so the permission check let it through${failed ? ' and the failure has another cause' : ''}`;
  }
  if (verdict.failure?.rule === 'mixed-content') {
    return 'It was blocked here as mixed content (an https page calling http), before any permission check';
  }
  if (netError && EARLIER_FAILURES.has(classifyNetError(netError))) {
    return `It failed here for another reason (${netError}), before any permission check`;
  }
  return null;
}

function worked(verdict: Verdict): string {
  return verdict.browser.name === 'firefox'
    ? 'It worked in this capture (the permission was granted, or this Firefox does not enforce it)'
    : 'It worked in this capture (the permission was granted, or this Chromium does not enforce it yet)';
}

function roleOf(exchange: Exchange, entry: Entry): Evidence['role'] {
  const index = exchange.hops.findIndex((hop) => hop.entry === entry || hop.preflight === entry);
  const hop = exchange.hops[index];
  if (hop?.preflight === entry) return 'preflight';
  return index > 0 ? 'redirect' : 'request';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
