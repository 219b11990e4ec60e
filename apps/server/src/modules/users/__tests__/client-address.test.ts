import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../auth.service.js';
import { ipThrottleKey } from '../client-address.js';

describe('ipThrottleKey', () => {
  it('keys IPv4 by address, also IPv4-mapped IPv6', () => {
    expect(ipThrottleKey('203.0.113.7')).toBe('IP:203.0.113.7');
    expect(ipThrottleKey('::ffff:203.0.113.7')).toBe('IP:203.0.113.7');
    expect(ipThrottleKey('203.0.113.8')).not.toBe(ipThrottleKey('203.0.113.7'));
  });

  it('keys IPv6 by its /64, however it is written', () => {
    const key = 'IP:2001:db8:0:12::/64';
    expect(ipThrottleKey('2001:db8:0:12::1')).toBe(key);
    expect(ipThrottleKey('2001:0DB8:0000:0012:ffff:ffff:ffff:ffff')).toBe(key);
    expect(ipThrottleKey('2001:db8::12:0:0:0:9')).toBe(key);
    expect(ipThrottleKey('fe80::1%eth0')).toBe('IP:fe80:0:0:0::/64');
    expect(ipThrottleKey('::1')).toBe('IP:0:0:0:0::/64');
    expect(ipThrottleKey('2001:db8:0:13::1')).not.toBe(key);
  });

  it('puts what is not an address into one bucket', () => {
    expect(ipThrottleKey('')).toBe('IP:unknown');
    expect(ipThrottleKey('not an ip')).toBe('IP:unknown');
  });

  it('can never be produced from an e-mail typed into the sign-in form', () => {
    for (const typed of ['IP:203.0.113.7', 'ip:203.0.113.7', ' IP:unknown ']) {
      expect(normalizeEmail(typed)).not.toBe(ipThrottleKey('203.0.113.7'));
      expect(normalizeEmail(typed)).not.toBe('IP:unknown');
      expect(normalizeEmail(typed)).not.toMatch(/^IP:/);
    }
  });
});
