import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSecretsKey, SECRETS_KEY_FILE } from '../secrets-key.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-secrets-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('resolveSecretsKey', () => {
  it('uses SECRETS_KEY when set', () => {
    const key = Buffer.alloc(32, 9);
    const resolved = resolveSecretsKey({ secrets: { key: key.toString('base64') }, db: { sqlitePath: join(tempDir(), 'hub.sqlite') } });
    expect(resolved.source).toBe('env');
    expect(resolved.key.equals(key)).toBe(true);
  });

  it('generates a key next to the SQLite file once, then reuses it', () => {
    const sqlitePath = join(tempDir(), 'nested', 'hub.sqlite');
    const config = { secrets: {}, db: { sqlitePath } };
    const first = resolveSecretsKey(config);
    expect(first.source).toBe('generated');
    expect(first.key).toHaveLength(32);
    expect(first.path).toBe(join(sqlitePath, '..', SECRETS_KEY_FILE));
    expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    const second = resolveSecretsKey(config);
    expect(second.source).toBe('file');
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('refuses a corrupt key file instead of silently replacing it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, SECRETS_KEY_FILE), 'not-a-key');
    expect(() => resolveSecretsKey({ secrets: {}, db: { sqlitePath: join(dir, 'hub.sqlite') } })).toThrow(/32 bytes/);
    expect(readFileSync(join(dir, SECRETS_KEY_FILE), 'utf8')).toBe('not-a-key');
  });

  it('keeps the key in memory for an in-memory database', () => {
    const resolved = resolveSecretsKey({ secrets: {}, db: { sqlitePath: ':memory:' } });
    expect(resolved.source).toBe('ephemeral');
    expect(resolved.key).toHaveLength(32);
  });
});
