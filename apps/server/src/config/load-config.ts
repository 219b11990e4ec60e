import { Value } from 'typebox/value';
import { ConfigSchema, type Config } from './config.schema.js';
import { allowedValues, configLeaves, type ConfigLeaf } from './config-leaves.js';

export type { Config } from './config.schema.js';

/** Thrown when the environment does not describe a valid configuration; lists every problem. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;
type Mutable = Record<string, unknown>;

/**
 * Reads, validates and freezes the configuration. Fails fast with all problems at once, so an
 * operator fixes a broken deployment in one round (house rule 1: invalid combinations are
 * rejected at boot). An empty variable counts as unset (`FOO=` in compose files).
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const raw: Mutable = {};
  for (const leaf of configLeaves()) {
    const value = readLeaf(leaf, env, problems);
    // Groups exist even when all their keys are optional and unset (`config.secrets.key` is then undefined).
    const parent = ensurePath(raw, leaf.path.slice(0, -1));
    if (value !== undefined) parent[leaf.path[leaf.path.length - 1] as string] = value;
  }
  applyDerivedDefaults(raw);
  problems.push(...crossFieldProblems(raw as Config, env));
  if (problems.length > 0) throw new ConfigError(problems);
  if (!Value.Check(ConfigSchema, raw)) throw new ConfigError(['configuration does not match its schema (bug in config.schema.ts)']);
  return deepFreeze(raw) as Config;
}

function readLeaf(leaf: ConfigLeaf, env: Env, problems: string[]): unknown {
  const text = env[leaf.env];
  const value = text === undefined || text === '' ? leaf.default : coerce(leaf, text);
  if (value === undefined) return undefined;
  if (Value.Check(leaf.schema, value)) return value;
  problems.push(`${leaf.env}: ${describeProblem(leaf, value)}${leaf.secret || text === undefined ? '' : ` (got "${text}")`}`);
  return undefined;
}

/** Env values are text; integers and booleans are converted strictly (no "12abc" → 12). */
function coerce(leaf: ConfigLeaf, text: string): unknown {
  const trimmed = text.trim();
  if (leaf.schema.type === 'integer') return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
  if (leaf.schema.type === 'boolean') {
    const lower = trimmed.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(lower)) return true;
    if (['false', '0', 'no', 'off'].includes(lower)) return false;
    return trimmed;
  }
  return trimmed;
}

function describeProblem(leaf: ConfigLeaf, value: unknown): string {
  const allowed = allowedValues(leaf.schema);
  if (allowed) return `must be one of ${allowed.join(', ')}`;
  if (leaf.schema.type === 'boolean') return 'must be true or false';
  if (leaf.env === 'SECRETS_KEY') return 'must be the base64 encoding of exactly 32 bytes (openssl rand -base64 32)';
  const first = Value.Errors(leaf.schema, value)[0];
  return first?.message ?? 'is invalid';
}

function applyDerivedDefaults(raw: Mutable): void {
  const http = raw.http as Mutable | undefined;
  if (http && http.publicBaseUrl === undefined && http.host !== undefined && http.port !== undefined) {
    http.publicBaseUrl = `http://${String(http.host)}:${String(http.port)}`;
  }
  if (typeof http?.publicBaseUrl === 'string') http.publicBaseUrl = http.publicBaseUrl.replace(/\/+$/, '');
}

/**
 * Rules that span keys (n8n: "queue mode over SQLite isn't supported"). They run even when single
 * keys failed, so every problem is listed; `isUnset` keeps a bad value from also counting as missing.
 */
function crossFieldProblems(c: Config, env: Env): string[] {
  const isUnset = (name: string) => env[name] === undefined || env[name] === '';
  const problems: string[] = [];
  if (c.db.type === 'postgres' && isUnset('DB_POSTGRES_URL')) problems.push('DB_POSTGRES_URL is required when DB_TYPE=postgres');
  if (c.queue.driver === 'bullmq') {
    if (c.db.type === 'sqlite') problems.push('QUEUE_DRIVER=bullmq requires DB_TYPE=postgres (the outbox relay needs a shared database)');
    if (isUnset('QUEUE_REDIS_URL')) problems.push('QUEUE_REDIS_URL is required when QUEUE_DRIVER=bullmq');
  }
  if ((c.process.role === 'api' || c.process.role === 'worker') && c.queue.driver === 'in-process') {
    problems.push(`PROCESS_ROLE=${c.process.role} requires QUEUE_DRIVER=bullmq (separate api/worker processes share work through Redis)`);
  }
  if (isUnset('AUTH_BOOTSTRAP_ADMIN_EMAIL') !== isUnset('AUTH_BOOTSTRAP_ADMIN_PASSWORD')) {
    problems.push('AUTH_BOOTSTRAP_ADMIN_EMAIL and AUTH_BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (c.nodeEnv === 'production' && isUnset('SECRETS_KEY')) {
    problems.push('SECRETS_KEY is required when NODE_ENV=production (a generated key in the data dir is for development only)');
  }
  return problems;
}

function ensurePath(target: Mutable, path: string[]): Mutable {
  let node = target;
  for (const key of path) {
    node[key] ??= {};
    node = node[key] as Mutable;
  }
  return node;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
