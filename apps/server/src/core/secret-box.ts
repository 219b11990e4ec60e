import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts secrets at rest (channel credentials) — RELIABILITY.md §4.7.
 *
 * `context` is bound as AES-GCM additional authenticated data: pass something like
 * `channel:<tenantId>:<channelId>:credentials`, so a ciphertext copied into another row or
 * tenant fails to open (SEC-09). The same context must be given to `open`.
 */
export interface SecretBox {
  seal(plain: string, context?: string): string;
  /** Throws `SecretBoxError` when the data was tampered with, the key or context is wrong. */
  open(sealed: string, context?: string): string;
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const VERSION = 'v1';
const IV_BYTES = 12; // 96-bit nonce, the size GCM is specified for; random per seal (ASVS 11.3.4).
const TAG_BYTES = 16;

/**
 * AES-256-GCM. Format: `v1:<base64(iv ‖ ciphertext ‖ tag)>`. The version prefix leaves room for
 * key rotation (a `v2` with a key id) without guessing at old rows (ASVS 11.2.2).
 */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretBoxError('SecretBox key must be 32 bytes (AES-256)');
  const ownKey = Buffer.from(key);
  return {
    seal(plain, context = '') {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', ownKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
    },
    open(sealed, context = '') {
      const [version, payload, extra] = sealed.split(':');
      if (version !== VERSION || payload === undefined || extra !== undefined) {
        throw new SecretBoxError('unsupported sealed-secret format');
      }
      const bytes = Buffer.from(payload, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('sealed secret is truncated');
      const decipher = createDecipheriv('aes-256-gcm', ownKey, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        // Never say more: which of key, context or bytes is wrong is not the caller's business.
        throw new SecretBoxError('sealed secret could not be opened (wrong key, wrong context or tampered)');
      }
    },
  };
}
