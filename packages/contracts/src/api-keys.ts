import { Type, type Static } from 'typebox';

/**
 * What an API key may do. `admin` implies every other scope. The set is closed so a typo in a
 * request is a 400, not a key that silently can do nothing.
 */
export const API_KEY_SCOPES = [
  'admin',
  'channels:read',
  'channels:manage',
  'messages:send',
  'messages:read',
  'contacts:read',
  'contacts:manage',
  'quick-replies:manage',
  'labels:manage',
  'teams:manage',
  'templates:read',
  'templates:manage',
  'broadcasts:manage',
  'webhooks:manage',
  'analytics:read',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const ApiKeyScopeSchema = Type.Enum(API_KEY_SCOPES);

export const CreateApiKeyRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(ApiKeyScopeSchema, { minItems: 1, maxItems: API_KEY_SCOPES.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CreateApiKeyRequest = Static<typeof CreateApiKeyRequest>;

/** An API key as listed: never the secret, only its display prefix (`vhub_<prefix>_…`). */
export const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'Non-secret identifier shown as vhub_<prefix>_…' }),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ApiKey = Static<typeof ApiKey>;

/** The answer to creation: the only time the full key is ever shown. */
export const CreatedApiKey = Type.Object({
  ...ApiKey.properties,
  key: Type.String({ description: 'The full key. Shown once; store it now.' }),
});
export type CreatedApiKey = Static<typeof CreatedApiKey>;

export const ApiKeyIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export type ApiKeyIdParams = Static<typeof ApiKeyIdParams>;
