/** Request/response shapes of the api-keys routes: the public contract, plus DTO mapping. */
import type { ApiKey } from '@valeo/contracts';
import type { ApiKeyInfo } from './tenants.types.js';

export { ApiKey, ApiKeyIdParams, CreateApiKeyRequest, CreatedApiKey, Page, PageQuery } from '@valeo/contracts';

export function toApiKeyDto(key: ApiKeyInfo): ApiKey {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
