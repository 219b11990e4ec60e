import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SECRETS_KEY_FILE = 'secrets.key';

export type SecretsKeySource = 'env' | 'file' | 'generated' | 'ephemeral';

export type ResolvedSecretsKey = {
  /** 32 bytes for AES-256-GCM. */
  key: Buffer;
  source: SecretsKeySource;
  /** The key file, when the key came from or went to one. */
  path?: string;
};

/**
 * The key that seals channel credentials. Production sets SECRETS_KEY (load-config enforces it).
 * In development a key is generated once into the data dir (next to the SQLite file) and reused,
 * so a fresh clone starts with zero setup and restarts can still decrypt what they stored.
 * An in-memory database gets an in-memory key: nothing it seals outlives the process anyway.
 */
export type SecretsKeyConfig = {
  readonly secrets: { readonly key?: string | undefined };
  readonly db: { readonly sqlitePath: string };
};

export function resolveSecretsKey(config: SecretsKeyConfig): ResolvedSecretsKey {
  if (config.secrets.key) return { key: decodeKey(config.secrets.key, 'SECRETS_KEY'), source: 'env' };
  if (config.db.sqlitePath === ':memory:') return { key: randomBytes(32), source: 'ephemeral' };
  const path = join(dirname(config.db.sqlitePath), SECRETS_KEY_FILE);
  const existing = readKeyFile(path);
  if (existing) return { key: existing, source: 'file', path };
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx' = create exclusively: when two processes start at once, exactly one key wins.
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const written = readKeyFile(path);
  if (!written) throw new Error(`could not read the generated secrets key at ${path}`);
  return { key: written, source: 'generated', path };
}

function readKeyFile(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return decodeKey(text.trim(), path);
}

function decodeKey(base64: string, origin: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${origin} must hold the base64 encoding of exactly 32 bytes`);
  return key;
}
