import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from '../secret-box.js';

const box = createSecretBox(randomBytes(32));

function flipByte(sealed: string, index: number): string {
  const [version, payload] = sealed.split(':') as [string, string];
  const bytes = Buffer.from(payload, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return `${version}:${bytes.toString('base64')}`;
}

describe('SecretBox (AES-256-GCM)', () => {
  it('round-trips text, including unicode and the empty string', () => {
    for (const plain of ['EAAG-token-123', 'ümlaut ✓ 🔐', '']) {
      expect(box.open(box.seal(plain))).toBe(plain);
    }
  });

  it('writes a versioned format and never the plaintext', () => {
    const sealed = box.seal('EAAG-very-secret-token');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('EAAG');
    expect(Buffer.from(sealed.slice(3), 'base64').toString('latin1')).not.toContain('very-secret');
  });

  it('uses a fresh nonce per seal (SEC-10)', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 2000; i++) ivs.add(Buffer.from(box.seal('same').slice(3), 'base64').subarray(0, 12).toString('hex'));
    expect(ivs.size).toBe(2000);
  });

  it('detects tampering in the nonce, the ciphertext and the tag', () => {
    const sealed = box.seal('secret value');
    const length = Buffer.from(sealed.slice(3), 'base64').length;
    for (const index of [0, 12, length - 1]) {
      expect(() => box.open(flipByte(sealed, index))).toThrow(SecretBoxError);
    }
  });

  it('fails with the wrong key', () => {
    const other = createSecretBox(randomBytes(32));
    expect(() => other.open(box.seal('secret'))).toThrow(SecretBoxError);
  });

  it('binds the context: a ciphertext moved to another row or tenant does not open (SEC-09)', () => {
    const sealed = box.seal('token', 'channel:tenant-a:ch-1:credentials');
    expect(box.open(sealed, 'channel:tenant-a:ch-1:credentials')).toBe('token');
    expect(() => box.open(sealed, 'channel:tenant-b:ch-1:credentials')).toThrow(SecretBoxError);
    expect(() => box.open(sealed)).toThrow(SecretBoxError);
  });

  it('rejects unknown versions and truncated input', () => {
    expect(() => box.open('v2:AAAA')).toThrow(/unsupported/);
    expect(() => box.open('plaintext')).toThrow(/unsupported/);
    expect(() => box.open('v1:AAAA')).toThrow(/truncated/);
  });

  it('requires a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
