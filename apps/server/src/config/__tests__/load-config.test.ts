import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../load-config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('runs with zero configuration on SQLite, the in-process queue and the sandbox', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, publicBaseUrl: 'http://127.0.0.1:3000', bodyLimitBytes: 1024 * 1024, trustProxy: 'false' });
    expect(config.db.type).toBe('sqlite');
    expect(config.db.sqlitePath).toBe('./data/hub.sqlite');
    expect(config.queue.driver).toBe('in-process');
    expect(config.process.role).toBe('all');
    expect(config.sandbox.enabled).toBe(true);
    expect(config.whatsapp.graphBaseUrl).toBe('https://graph.facebook.com');
    expect(config.whatsapp.graphApiVersion).toBe('v24.0');
    expect(config.whatsapp.webhookMaxBodyBytes).toBe(3 * 1024 * 1024);
    expect(config.media.maxBytes).toBe(100 * 1024 * 1024);
    expect(config.secrets.key).toBeUndefined();
  });

  it('converts integers and booleans from text and derives PUBLIC_BASE_URL from host and port', () => {
    const config = loadConfig({ HTTP_HOST: '0.0.0.0', HTTP_PORT: '8080', SANDBOX_ENABLED: 'false', LOG_LEVEL: 'debug' });
    expect(config.http.port).toBe(8080);
    expect(config.http.publicBaseUrl).toBe('http://0.0.0.0:8080');
    expect(config.sandbox.enabled).toBe(false);
    expect(config.log.level).toBe('debug');
  });

  it('takes an explicit PUBLIC_BASE_URL without its trailing slash', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://hub.example.com/' }).http.publicBaseUrl).toBe('https://hub.example.com');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ HTTP_PORT: '', DB_TYPE: '' }).http.port).toBe(3000);
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
    expect(() => {
      (config.http as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('accepts the scaled combination: postgres + bullmq + split roles', () => {
    const config = loadConfig({
      DB_TYPE: 'postgres', DB_POSTGRES_URL: 'postgres://u@db/hub', QUEUE_DRIVER: 'bullmq',
      QUEUE_REDIS_URL: 'redis://cache:6379', PROCESS_ROLE: 'worker', NODE_ENV: 'production', SECRETS_KEY: KEY,
    });
    expect(config.process.role).toBe('worker');
    expect(config.secrets.key).toBe(KEY);
  });

  it('lists every invalid key at once, by env name', () => {
    const problems = problemsOf({ HTTP_PORT: '80x', DB_TYPE: 'mysql', SANDBOX_ENABLED: 'maybe', LOG_LEVEL: 'loud', WA_GRAPH_BASE_URL: 'ftp://x' });
    expect(problems).toHaveLength(5);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['HTTP_PORT', 'LOG_LEVEL', 'DB_TYPE', 'WA_GRAPH_BASE_URL', 'SANDBOX_ENABLED']);
    expect(problems.find((p) => p.startsWith('DB_TYPE'))).toContain('sqlite, postgres');
  });

  it('rejects out-of-range numbers', () => {
    expect(problemsOf({ HTTP_PORT: '70000' })[0]).toMatch(/^HTTP_PORT/);
    expect(problemsOf({ DB_POSTGRES_POOL_SIZE: '0' })[0]).toMatch(/^DB_POSTGRES_POOL_SIZE/);
  });

  it('never echoes a secret value in a problem', () => {
    const problems = problemsOf({ SECRETS_KEY: 'c2hvcnQ=', AUTH_BOOTSTRAP_API_KEY: 'too-short-secret' });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).not.toContain('c2hvcnQ=');
    expect(problems.join('\n')).not.toContain('too-short-secret');
  });

  it('requires SECRETS_KEY to be exactly 32 bytes of base64', () => {
    expect(problemsOf({ SECRETS_KEY: Buffer.alloc(16).toString('base64') })[0]).toMatch(/^SECRETS_KEY: must be the base64 encoding of exactly 32 bytes/);
    expect(loadConfig({ SECRETS_KEY: KEY }).secrets.key).toBe(KEY);
  });

  describe('cross-field rules', () => {
    it('postgres needs DB_POSTGRES_URL', () => {
      expect(problemsOf({ DB_TYPE: 'postgres' })).toEqual(['DB_POSTGRES_URL is required when DB_TYPE=postgres']);
    });

    it('bullmq needs postgres and a Redis URL', () => {
      const problems = problemsOf({ QUEUE_DRIVER: 'bullmq' });
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/QUEUE_DRIVER=bullmq requires DB_TYPE=postgres/);
      expect(problems[1]).toMatch(/QUEUE_REDIS_URL is required/);
    });

    it.each(['api', 'worker'])('PROCESS_ROLE=%s needs bullmq', (role) => {
      expect(problemsOf({ PROCESS_ROLE: role })).toEqual([expect.stringMatching(new RegExp(`^PROCESS_ROLE=${role} requires QUEUE_DRIVER=bullmq`))]);
    });

    it('production needs SECRETS_KEY', () => {
      expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^SECRETS_KEY is required when NODE_ENV=production/)]);
    });

    it('the bootstrap admin e-mail and password come together; the password has at least 12 characters', () => {
      expect(problemsOf({ AUTH_BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com' })).toEqual([expect.stringMatching(/must be set together/)]);
      expect(problemsOf({ AUTH_BOOTSTRAP_ADMIN_PASSWORD: 'long enough secret' })).toEqual([expect.stringMatching(/must be set together/)]);
      const short = problemsOf({ AUTH_BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com', AUTH_BOOTSTRAP_ADMIN_PASSWORD: 'too-short' });
      expect(short).toEqual([expect.stringMatching(/^AUTH_BOOTSTRAP_ADMIN_PASSWORD: /)]);
      expect(short[0]).not.toContain('too-short');
      const config = loadConfig({ AUTH_BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com', AUTH_BOOTSTRAP_ADMIN_PASSWORD: 'long enough secret' });
      expect(config.auth).toMatchObject({ bootstrapAdminEmail: 'admin@example.com', bootstrapAdminPassword: 'long enough secret' });
    });

    it('reports single-key and cross-field problems together', () => {
      const problems = problemsOf({ HTTP_PORT: 'x', QUEUE_DRIVER: 'bullmq' });
      expect(problems.some((p) => p.startsWith('HTTP_PORT'))).toBe(true);
      expect(problems.some((p) => p.startsWith('QUEUE_REDIS_URL is required'))).toBe(true);
    });

    it('does not call an invalid value missing as well', () => {
      expect(problemsOf({ NODE_ENV: 'production', SECRETS_KEY: 'bad' })).toHaveLength(1);
    });
  });
});
