import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with Node's scrypt (no native add-on). The stored string names its algorithm,
 * version and cost parameters, so a later change of parameters still verifies old hashes:
 *
 *   $scrypt$v=1$N=16384,r=8,p=1$<salt, base64>$<32-byte key, base64>
 *
 * N=2^14, r=8, p=1 is OWASP's minimum scrypt setting (Password Storage Cheat Sheet); one hash costs
 * about 16 MiB of memory and tens of milliseconds, which is also what throttles guessing per request.
 */
export const CURRENT_SCRYPT_PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = '$scrypt$v=1$';
/** Refuse parameters a tampered row could use to make one verification eat the server. */
const MAX_N = 1 << 20;

type ScryptParams = { N: number; r: number; p: number };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, CURRENT_SCRYPT_PARAMS);
  const { N, r, p } = CURRENT_SCRYPT_PARAMS;
  return `${PREFIX}N=${N},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * True when `password` matches `stored`. Compares in constant time; a malformed `stored` is a
 * mismatch (after the same amount of work), never an exception.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  const params = parsed?.params ?? CURRENT_SCRYPT_PARAMS;
  const salt = parsed?.salt ?? Buffer.alloc(SALT_BYTES);
  const expected = parsed?.key ?? Buffer.alloc(KEY_BYTES);
  const actual = await derive(password, salt, params, expected.length);
  return timingSafeEqual(actual, expected) && parsed !== undefined;
}

function parseHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  if (!stored.startsWith(PREFIX)) return undefined;
  const [paramText, saltText, keyText] = stored.slice(PREFIX.length).split('$');
  const match = /^N=(\d+),r=(\d+),p=(\d+)$/.exec(paramText ?? '');
  if (!match || !saltText || !keyText) return undefined;
  const params = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (params.N > MAX_N || params.r > 32 || params.p > 16) return undefined;
  const key = Buffer.from(keyText, 'base64');
  return key.length >= 16 ? { params, salt: Buffer.from(saltText, 'base64'), key } : undefined;
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength = KEY_BYTES): Promise<Buffer> {
  // maxmem must exceed 128·N·r (scrypt's working set), or Node refuses; leave headroom.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
