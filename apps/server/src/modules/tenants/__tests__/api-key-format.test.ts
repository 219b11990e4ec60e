import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiKeyPrefixOf, generateApiKey, hashApiKey } from '../api-key-format.js';

describe('API key format', () => {
  it('generates vhub_<8-char prefix>_<43-char base62 secret>', () => {
    const { key, prefix } = generateApiKey();
    expect(key).toMatch(/^vhub_[A-Za-z0-9]{8}_[A-Za-z0-9]{43}$/);
    expect(key.startsWith(`vhub_${prefix}_`)).toBe(true);
  });

  it('never repeats a key or prefix across many draws', () => {
    const keys = new Set<string>();
    const prefixes = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const { key, prefix } = generateApiKey();
      keys.add(key);
      prefixes.add(prefix);
    }
    expect(keys.size).toBe(5000);
    expect(prefixes.size).toBeGreaterThan(4990);
  });

  it('uses all 62 characters (no modulo bias towards a subset)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const c of generateApiKey().key.split('_')[2] ?? '') seen.add(c);
    expect(seen.size).toBe(62);
  });

  it('reads the prefix of a well-formed key only', () => {
    const { key, prefix } = generateApiKey();
    expect(apiKeyPrefixOf(key)).toBe(prefix);
    expect(apiKeyPrefixOf('vhub_short_abc')).toBeUndefined();
    expect(apiKeyPrefixOf('some-operator-chosen-bootstrap-secret-value')).toBeUndefined();
  });

  it('hashes with SHA-256 hex', () => {
    expect(hashApiKey('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(hashApiKey('abc')).not.toBe(hashApiKey('abd'));
  });
});
