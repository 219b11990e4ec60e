import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../password-hash.js';

describe('password hashing (scrypt)', () => {
  it('stores a versioned scrypt string with N=16384, r=8, p=1, a 16-byte salt and a 32-byte key', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const match = /^\$scrypt\$v=1\$N=16384,r=8,p=1\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(hash);
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(match![2]!, 'base64')).toHaveLength(32);
    expect(hash).not.toContain('correct horse');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'));
  });

  it('treats Unicode spellings of the same text alike (NFC)', async () => {
    const hash = await hashPassword('Grüße aus Köln 2026');
    expect(await verifyPassword('Gru\u0308ße aus Ko\u0308ln 2026', hash)).toBe(true);
  });

  it('verifies hashes made with other cost parameters (read from the string)', async () => {
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = scryptSync('older parameters', salt, 32, { N: 1024, r: 8, p: 1 });
    const old = `$scrypt$v=1$N=1024,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('older parameters', old)).toBe(true);
    expect(await verifyPassword('other', old)).toBe(false);
  });

  it('answers false, never throws, for malformed or unknown hash strings', async () => {
    for (const stored of ['', 'plain', '$argon2id$v=19$m=65536,t=3,p=4$abc$def', '$scrypt$v=1$N=16384,r=8,p=1$$', '$scrypt$v=1$N=99999999,r=8,p=1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=']) {
      expect(await verifyPassword('anything', stored), stored).toBe(false);
    }
  });
});
