import { describe, expect, it } from 'vitest';
import { trustProxyOption } from '../trust-proxy.js';

describe('trustProxyOption (HTTP_TRUST_PROXY)', () => {
  it('maps true/false, keeps address lists, and turns a hop count into a per-hop check', () => {
    expect(trustProxyOption('false')).toBe(false);
    expect(trustProxyOption('true')).toBe(true);
    expect(trustProxyOption('10.0.0.0/8,127.0.0.1')).toBe('10.0.0.0/8,127.0.0.1');
    const twoHops = trustProxyOption('2') as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => twoHops('10.0.0.1', hop))).toEqual([true, true, false]);
  });
});
