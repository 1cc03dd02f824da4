// IP address spaces as Chromium's Local Network Access assigns them (services/network/public/cpp/
// ip_address_space_util.cc): loopback, private ("local" in Chromium's words) and public. Chromium decides by the IP
// address it connected to; from a URL alone only IP literals, "localhost" and ".local" names can be told.
import { memoize } from '../memo';

export type AddressSpace = 'loopback' | 'private' | 'public' | 'unknown';

/** A CIDR block of the non-public table, first match wins (0.0.0.0/32 before 0.0.0.0/8, as in Chromium). */
interface Block {
  readonly bytes: readonly number[];
  readonly prefix: number;
  readonly space: 'loopback' | 'private';
}

const V4_BLOCKS: readonly Block[] = [
  { bytes: [127, 0, 0, 0], prefix: 8, space: 'loopback' }, // loopback (RFC 1122)
  { bytes: [10, 0, 0, 0], prefix: 8, space: 'private' }, // private use (RFC 1918)
  { bytes: [172, 16, 0, 0], prefix: 12, space: 'private' },
  { bytes: [192, 168, 0, 0], prefix: 16, space: 'private' },
  { bytes: [169, 254, 0, 0], prefix: 16, space: 'private' }, // link-local (RFC 3927)
  { bytes: [0, 0, 0, 0], prefix: 32, space: 'loopback' }, // "this host" (RFC 5735)
  { bytes: [0, 0, 0, 0], prefix: 8, space: 'private' },
  { bytes: [100, 64, 0, 0], prefix: 10, space: 'private' }, // carrier-grade NAT (RFC 6598), e.g. Tailscale
];

const V6_BLOCKS: readonly Block[] = [
  { bytes: [...zeros(15), 1], prefix: 128, space: 'loopback' }, // ::1
  { bytes: [0xfc, ...zeros(15)], prefix: 7, space: 'private' }, // unique local fc00::/7 (RFC 4193)
  { bytes: [0xfe, 0x80, ...zeros(14)], prefix: 10, space: 'private' }, // link-local fe80::/10
  { bytes: zeros(16), prefix: 128, space: 'loopback' }, // :: (unspecified), treated like 0.0.0.0
  { bytes: [0x20, 0x01, 0x0d, 0xb8, ...zeros(12)], prefix: 32, space: 'private' }, // documentation (RFC 3849)
  { bytes: [0x3f, 0xff, ...zeros(14)], prefix: 20, space: 'private' }, // documentation (RFC 9637)
  { bytes: [0xfe, 0xc0, ...zeros(14)], prefix: 10, space: 'private' }, // site-local (RFC 3513, deprecated)
];

/**
 * The address space of a host name or IP address: a URL's host (IPv6 in brackets or not) or a HAR
 * `serverIPAddress`. "unknown" for names whose address the capture does not show (and for garbage).
 */
export const addressSpaceOf: (hostOrIp: string) => AddressSpace = memoize(classifyHost);

function classifyHost(hostOrIp: string): AddressSpace {
  const host = hostOrIp
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === '') return 'unknown';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const v4 = parseIPv4(host);
  if (v4) return classify(v4, V4_BLOCKS);
  const v6 = parseIPv6(host);
  if (v6) {
    // IPv4-mapped IPv6 (::ffff:a.b.c.d) is classified by the IPv4 address it carries.
    const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
    return mapped ? classify(v6.slice(12), V4_BLOCKS) : classify(v6, V6_BLOCKS);
  }
  // Chromium puts ".local" (mDNS) names in the local space before resolving them.
  if (host.endsWith('.local')) return 'private';
  return 'unknown';
}

/** Loopback and private addresses: what Local Network Access gates for a public page. */
export function isLocalAddressSpace(space: AddressSpace): space is 'loopback' | 'private' {
  return space === 'loopback' || space === 'private';
}

/**
 * Where a request went: the IP the browser connected to when the capture records it (that is what Chromium
 * checks), else what the URL's host says.
 */
export function resolvedAddressSpace(host: string, ip: string | null): AddressSpace {
  const byIp = ip ? addressSpaceOf(ip) : 'unknown';
  return byIp === 'unknown' ? addressSpaceOf(host) : byIp;
}

/** True for an IPv4 or IPv6 literal (brackets allowed). */
export const isIpLiteral: (host: string) => boolean = memoize((host: string): boolean => {
  const bare = host.trim().replace(/^\[|\]$/g, '');
  return parseIPv4(bare) !== null || parseIPv6(bare) !== null;
});

function classify(bytes: readonly number[], blocks: readonly Block[]): 'loopback' | 'private' | 'public' {
  for (const block of blocks) {
    if (matches(bytes, block)) return block.space;
  }
  return 'public';
}

function matches(bytes: readonly number[], { bytes: prefixBytes, prefix }: Block): boolean {
  const whole = Math.floor(prefix / 8);
  for (let i = 0; i < whole; i++) if (bytes[i] !== prefixBytes[i]) return false;
  const rest = prefix % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((bytes[whole] ?? 0) & mask) === ((prefixBytes[whole] ?? 0) & mask);
}

function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

/** 16 bytes, or null. Accepts "::" compression, an embedded IPv4 tail and a zone ("%eth0"). */
function parseIPv6(text: string): number[] | null {
  const address = text.replace(/%.*$/, '');
  if (!address.includes(':')) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const out: number[] = [];
    const items = half.split(':');
    for (const [i, item] of items.entries()) {
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseIPv4(item);
        if (!v4) return null;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else if (/^[0-9a-f]{1,4}$/.test(item)) {
        out.push(parseInt(item, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const words = [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

function zeros(count: number): number[] {
  return Array<number>(count).fill(0);
}
