// IP address spaces as Chromium's Local Network Access assigns them (services/network/public/cpp/
// ip_address_space_util.cc, its unit tests, and cors-reference.md §1.4): the expected values come from there.
import { describe, expect, it } from 'vitest';
import {
  addressSpaceOf,
  isIpLiteral,
  isLocalAddressSpace,
  resolvedAddressSpace,
} from '../../../src/engine/cors/address-space';

describe('addressSpaceOf', () => {
  it.each([
    // IPv4 loopback 127.0.0.0/8, and 0.0.0.0 ("this host")
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'loopback'],
    // names Chromium maps before resolving
    ['localhost', 'loopback'],
    ['LOCALHOST', 'loopback'],
    ['app.localhost', 'loopback'],
    ['localhost.', 'loopback'],
    ['printer.local', 'private'],
    // RFC 1918, with the edges of 172.16/12
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['192.168.1.20', 'private'],
    ['192.169.0.1', 'public'],
    // link-local 169.254/16, the rest of 0.0.0.0/8
    ['169.254.169.254', 'private'],
    ['0.0.0.4', 'private'],
    // carrier-grade NAT 100.64/10 (Tailscale), with its edges
    ['100.64.0.0', 'private'],
    ['100.127.255.255', 'private'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    // public IPv4
    ['8.8.8.8', 'public'],
    ['64.233.160.0', 'public'],
    // IPv6: loopback, unspecified, unique local fc00::/7, link-local fe80::/10, documentation, site-local
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'loopback'],
    ['::2', 'public'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['[fd00::5]', 'private'],
    ['fe80::1', 'private'],
    ['fe80::1%eth0', 'private'],
    ['febf::1', 'private'],
    ['fec0::1', 'private'],
    ['2001:db8::1', 'private'],
    ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['[2a00:1450:4001:81b::200e]', 'public'],
    // IPv4-mapped IPv6 takes the IPv4 address's space, in both spellings
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:c0a8:1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    // names whose address the capture does not show, and garbage
    ['api.example', 'unknown'],
    ['intranet', 'unknown'],
    ['', 'unknown'],
    ['256.1.1.1', 'unknown'],
    ['1.2.3', 'unknown'],
    ['1::2::3', 'unknown'],
    ['12345::', 'unknown'],
  ])('%s is %s', (host, space) => {
    expect(addressSpaceOf(host)).toBe(space);
  });
});

describe('resolvedAddressSpace', () => {
  it('prefers the IP the browser connected to', () => {
    expect(resolvedAddressSpace('nas.example', '192.168.1.10')).toBe('private');
    expect(resolvedAddressSpace('api.example', '[::1]')).toBe('loopback');
    expect(resolvedAddressSpace('api.example', '93.184.216.34')).toBe('public');
  });

  it('falls back to the host when the capture has no IP', () => {
    expect(resolvedAddressSpace('localhost', null)).toBe('loopback');
    expect(resolvedAddressSpace('10.1.2.3', '')).toBe('private');
    expect(resolvedAddressSpace('api.example', null)).toBe('unknown');
  });
});

describe('isLocalAddressSpace and isIpLiteral', () => {
  it('counts loopback and private as local', () => {
    expect(['loopback', 'private', 'public', 'unknown'].map((s) => isLocalAddressSpace(s as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('recognises IP literals only', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('localhost')).toBe(false);
    expect(isIpLiteral('1.2.3.4.example')).toBe(false);
  });
});
