import { Type, type Static } from 'typebox';

/**
 * The Hub's whole configuration, one typed object (house rule 7, n8n style). Every leaf
 * carries the env var it is read from (`env`), its default, a one-line doc (`description`) and
 * its validation. `load-config.ts` reads and validates it; `render-config-docs.ts` turns it into
 * docs/configuration.md. Add a key here and nowhere else.
 *
 * Extra leaf options:
 * - `env`: the environment variable name (AREA_THING).
 * - `secret`: never echoed in error messages or docs examples.
 * - `defaultDoc`: how the docs describe a default that is derived from other keys.
 */
export type ConfigLeafOptions = {
  env: string;
  description: string;
  secret?: boolean;
  defaultDoc?: string;
};

const MB = 1024 * 1024;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ConfigSchema = Type.Object({
  nodeEnv: Type.Enum(['development', 'production', 'test'], {
    env: 'NODE_ENV', default: 'development',
    description: '`production` makes SECRETS_KEY mandatory and turns off dev conveniences.',
  }),
  http: Type.Object({
    host: Type.String({ env: 'HTTP_HOST', default: '127.0.0.1', minLength: 1, description: 'Interface the HTTP server binds to (0.0.0.0 for all).' }),
    port: Type.Integer({ env: 'HTTP_PORT', default: 3000, minimum: 0, maximum: 65535, description: 'TCP port of the HTTP server (0 = any free port).' }),
    publicBaseUrl: Type.String({
      env: 'PUBLIC_BASE_URL', pattern: '^https?://[^\\s]+$', defaultDoc: 'http://HTTP_HOST:HTTP_PORT',
      description: 'URL the outside world reaches this server at (webhook URLs, sandbox webhook target). No trailing slash.',
    }),
    bodyLimitBytes: Type.Integer({ env: 'HTTP_BODY_LIMIT_BYTES', default: 1 * MB, minimum: 1024, description: 'Largest JSON request body the API accepts, in bytes (larger → 413).' }),
    trustProxy: Type.String({
      env: 'HTTP_TRUST_PROXY', default: 'false', pattern: '^(true|false|[0-9]{1,2}|[0-9A-Za-z.:/]+( ?, ?[0-9A-Za-z.:/]+)*)$',
      description: 'Which proxies may name the client in X-Forwarded-For (the client IP counts sign-in failures): `false` (the socket\'s peer is the client), `true` (trust every hop; only behind a proxy that overwrites the header), a number of hops, or a comma-separated list of proxy IPs/CIDRs.',
    }),
  }),
  log: Type.Object({
    level: Type.Enum(LOG_LEVELS, { env: 'LOG_LEVEL', default: 'info', description: 'Log level: fatal, error, warn, info, debug, trace or silent.' }),
  }),
  db: Type.Object({
    type: Type.Enum(['sqlite', 'postgres'], { env: 'DB_TYPE', default: 'sqlite', description: 'Database: `sqlite` (embedded, zero-infra) or `postgres`.' }),
    sqlitePath: Type.String({ env: 'DB_SQLITE_PATH', default: './data/hub.sqlite', minLength: 1, description: 'SQLite file (its directory is the data dir); `:memory:` for throwaway runs.' }),
    postgresUrl: Type.Optional(Type.String({ env: 'DB_POSTGRES_URL', secret: true, pattern: '^postgres(ql)?://', description: 'PostgreSQL connection URL; required when DB_TYPE=postgres.' })),
    postgresPoolSize: Type.Integer({ env: 'DB_POSTGRES_POOL_SIZE', default: 10, minimum: 1, maximum: 500, description: 'Connections in the PostgreSQL pool per process.' }),
    postgresStatementTimeoutMs: Type.Integer({ env: 'DB_POSTGRES_STATEMENT_TIMEOUT_MS', default: 30_000, minimum: 0, description: 'PostgreSQL statement_timeout in milliseconds (0 = none).' }),
    postgresNamedStatements: Type.Boolean({ env: 'DB_POSTGRES_NAMED_STATEMENTS', default: true, description: 'Run frequent statements as server-side prepared statements (parsed once per connection). Set false behind a pooler in transaction mode that does not track prepared statements (PgBouncer < 1.21).' }),
  }),
  queue: Type.Object({
    driver: Type.Enum(['in-process', 'bullmq'], { env: 'QUEUE_DRIVER', default: 'in-process', description: '`in-process` (durable job table in the database) or `bullmq` (Redis; requires DB_TYPE=postgres).' }),
    redisUrl: Type.Optional(Type.String({ env: 'QUEUE_REDIS_URL', secret: true, pattern: '^rediss?://', description: 'Redis URL; required when QUEUE_DRIVER=bullmq. Run Redis with maxmemory-policy noeviction and AOF.' })),
  }),
  process: Type.Object({
    role: Type.Enum(['all', 'api', 'worker'], { env: 'PROCESS_ROLE', default: 'all', description: '`all` (API + workers in one process), or `api` / `worker` when scaled (requires QUEUE_DRIVER=bullmq).' }),
  }),
  whatsapp: Type.Object({
    graphBaseUrl: Type.String({ env: 'WA_GRAPH_BASE_URL', default: 'https://graph.facebook.com', pattern: '^https?://[^\\s]+$', description: 'Default Graph API base URL; a channel may override it (sandbox channels point at the emulator).' }),
    graphApiVersion: Type.String({ env: 'WA_GRAPH_API_VERSION', default: 'v24.0', pattern: '^v[0-9]{1,3}\\.[0-9]{1,2}$', description: 'Default Graph API version, pinned in one place; a channel may override it.' }),
    appSecret: Type.Optional(Type.String({ env: 'WA_APP_SECRET', secret: true, minLength: 1, description: 'Meta app secret for bootstrapping a channel from the environment; channels keep their own in the database.' })),
    webhookVerifyToken: Type.Optional(Type.String({ env: 'WA_WEBHOOK_VERIFY_TOKEN', secret: true, minLength: 1, description: 'Webhook handshake token for bootstrapping; channels keep their own in the database.' })),
    webhookMaxBodyBytes: Type.Integer({ env: 'WEBHOOK_MAX_BODY_BYTES', default: 3 * MB, minimum: 1024, description: 'Largest inbound webhook body accepted, in bytes (Meta documents up to 3 MB).' }),
    sendRatePerSecond: Type.Integer({ env: 'WA_SEND_RATE_PER_SECOND', default: 80, minimum: 0, maximum: 10_000, description: 'Messages per second each WhatsApp number sends at most (Meta: 80 by default, up to 1,000 when upgraded); 0 = no limit. With QUEUE_DRIVER=bullmq the budget is shared by all worker processes through Redis.' }),
    sendTimeoutMs: Type.Integer({ env: 'SEND_TIMEOUT_MS', default: 15_000, minimum: 100, description: 'Timeout of one Graph API call in milliseconds; a timeout after the request left us is OUTCOME_UNKNOWN.' }),
  }),
  sandbox: Type.Object({
    enabled: Type.Boolean({ env: 'SANDBOX_ENABLED', default: true, description: 'Embed the Cloud API emulator and create a sandbox channel pointing at it.' }),
  }),
  secrets: Type.Object({
    key: Type.Optional(Type.String({
      env: 'SECRETS_KEY', secret: true, pattern: '^[A-Za-z0-9+/]{43}=$', defaultDoc: 'generated into the data dir (dev only)',
      description: 'Base64 of 32 random bytes; encrypts channel credentials at rest (AES-256-GCM). Required when NODE_ENV=production; in development it is generated on first start as `secrets.key` next to the SQLite file. Create one with `openssl rand -base64 32`.',
    })),
  }),
  auth: Type.Object({
    bootstrapApiKey: Type.Optional(Type.String({ env: 'AUTH_BOOTSTRAP_API_KEY', secret: true, minLength: 32, maxLength: 256, description: 'Registered at start as an admin API key of the default tenant (idempotent). At least 32 characters.' })),
    bootstrapAdminEmail: Type.Optional(Type.String({ env: 'AUTH_BOOTSTRAP_ADMIN_EMAIL', pattern: '^[^\\s@]+@[^\\s@]+$', maxLength: 254, description: 'With AUTH_BOOTSTRAP_ADMIN_PASSWORD: makes sure this admin user exists in the default tenant at start (created once; an existing user is left as it is).' })),
    bootstrapAdminPassword: Type.Optional(Type.String({ env: 'AUTH_BOOTSTRAP_ADMIN_PASSWORD', secret: true, minLength: 12, maxLength: 256, description: 'Password of AUTH_BOOTSTRAP_ADMIN_EMAIL when it is created. At least 12 characters.' })),
    loginIpMaxFailures: Type.Integer({ env: 'AUTH_LOGIN_IP_MAX_FAILURES', default: 30, minimum: 1, maximum: 100_000, description: 'Failed sign-ins from one client IP (IPv6: its /64), over all addresses, within 15 minutes that stop sign-in from it for 15 minutes (429 SIGN_IN_THROTTLED). Each address also locks after 5.' }),
  }),
  media: Type.Object({
    storagePath: Type.String({ env: 'MEDIA_STORAGE_PATH', default: './data/media', minLength: 1, description: 'Directory where downloaded and uploaded media files are stored.' }),
    maxBytes: Type.Integer({ env: 'MEDIA_MAX_BYTES', default: 100 * MB, minimum: 1024, description: 'Largest media file accepted, in bytes (Meta\'s largest type, documents, allows 100 MB).' }),
  }),
});

type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** The validated, frozen configuration. */
export type Config = DeepReadonly<Static<typeof ConfigSchema>>;
