import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys look like `vhub_<prefix>_<secret>` (GitHub-style identifiable tokens, so secret
 * scanners can spot a leaked one): `prefix` is 8 base62 characters that identify the key in
 * listings and logs and are not secret; `secret` is 43 base62 characters ≈ 256 bits from the
 * CSPRNG (ASVS 11.5.1).
 */
export const API_KEY_TAG = 'vhub';
const PREFIX_LENGTH = 8;
const SECRET_LENGTH = 43;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FORMAT = /^vhub_([A-Za-z0-9]{8})_[A-Za-z0-9]{32,}$/;

export function generateApiKey(): { key: string; prefix: string } {
  const prefix = randomBase62(PREFIX_LENGTH);
  return { key: `${API_KEY_TAG}_${prefix}_${randomBase62(SECRET_LENGTH)}`, prefix };
}

/** The display prefix of a well-formed key, or undefined for any other string. */
export function apiKeyPrefixOf(key: string): string | undefined {
  return FORMAT.exec(key)?.[1];
}

/**
 * SHA-256, not bcrypt/argon2: the key carries ~256 bits of randomness, so there is nothing for a
 * slow hash to protect against brute force, and a fast hash keeps per-request authentication cheap
 * (RELIABILITY §4.3). Slow hashes are for low-entropy, human-chosen passwords.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Uniform base62 via rejection sampling (a plain `byte % 62` would favour the first 8 characters). */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}
