import { systemClock, type Clock } from '../../core/clock.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { DbExecutor } from '../../db/database.js';
import { apiKeysRoutes } from './api-keys.routes.js';
import { createApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { createTenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';
import type { ApiKeyPrincipal } from './tenants.types.js';

export { ApiKeysService } from './api-keys.service.js';
export { TenantsService, DEFAULT_TENANT_SLUG } from './tenants.service.js';
export { TenantErrorCode } from './tenants.errors.js';
export { generateApiKey, hashApiKey } from './api-key-format.js';
export type { Tenant, ApiKeyInfo, ApiKeyPrincipal, Page, PageRequest } from './tenants.types.js';

export type TenantsModuleDeps = {
  db: DbExecutor;
  clock?: Clock;
  logger?: Logger;
  /** How long a resolved API key is trusted without a database lookup (bounds revocation delay). @defaultValue 30 000 */
  authCacheTtlMs?: number;
  /** @defaultValue 1 000 */
  authCacheMaxEntries?: number;
};

export type TenantsModule = ReturnType<typeof createTenantsModule>;

/**
 * Tenants and API keys. `authenticator` is what `buildHttpApp({ auth })` needs; `routes` is the
 * /api/v1/api-keys plugin for `apiPlugins`.
 */
export function createTenantsModule(deps: TenantsModuleDeps) {
  const clock = deps.clock ?? systemClock;
  const tenants = new TenantsService({ repository: createTenantsRepository(deps.db), clock });
  const apiKeys = new ApiKeysService({
    repository: createApiKeysRepository(deps.db),
    tenants,
    clock,
    logger: deps.logger ?? silentLogger,
    ...(deps.authCacheTtlMs === undefined ? {} : { authCacheTtlMs: deps.authCacheTtlMs }),
    ...(deps.authCacheMaxEntries === undefined ? {} : { authCacheMaxEntries: deps.authCacheMaxEntries }),
  });
  const authenticator = { authenticate: (rawKey: string): Promise<ApiKeyPrincipal | null> => apiKeys.authenticate(rawKey) };
  return { tenants, apiKeys, authenticator, routes: apiKeysRoutes(apiKeys) };
}
