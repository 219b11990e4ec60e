import { DEFAULT_PAGE_LIMIT, type ApiKeyScope } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import { decodeCursor, encodeCursor } from '../../core/pagination-cursor.js';
import { newId } from '../../core/ids.js';
import type { Logger } from '../../core/logger.js';
import { apiKeyPrefixOf, generateApiKey, hashApiKey } from './api-key-format.js';
import type { ApiKeysRepository } from './api-keys.repository.js';
import { PrincipalCache } from './principal-cache.js';
import { apiKeyNotFound } from './tenants.errors.js';
import type { TenantsService } from './tenants.service.js';
import type { ApiKeyInfo, ApiKeyPrincipal, Page, PageRequest } from './tenants.types.js';

export type ApiKeysServiceOptions = {
  repository: ApiKeysRepository;
  tenants: TenantsService;
  clock: Clock;
  logger: Logger;
  /** How long a resolved key is trusted without asking the database; bounds revocation delay. @defaultValue 30 000 */
  authCacheTtlMs?: number;
  /** @defaultValue 1 000 */
  authCacheMaxEntries?: number;
};

/** Last-used is a hint for operators, so it is written at most once a minute per key. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** Longer than any key we issue or accept; anything bigger is not worth hashing. */
const MAX_KEY_LENGTH = 256;
/** Display prefix for bootstrap keys that do not follow our format (no part of the secret is stored). */
const FOREIGN_KEY_PREFIX = 'external';

export class ApiKeysService {
  private readonly cache: PrincipalCache;

  constructor(private readonly opts: ApiKeysServiceOptions) {
    this.cache = new PrincipalCache({ ttlMs: opts.authCacheTtlMs ?? 30_000, maxEntries: opts.authCacheMaxEntries ?? 1_000, clock: opts.clock });
  }

  /** Creates a key; the returned `key` is the only copy of the secret there will ever be. */
  async createApiKey(input: { tenantId: string; name: string; scopes: ApiKeyScope[] }): Promise<{ apiKey: ApiKeyInfo; key: string }> {
    await this.opts.tenants.getTenant(input.tenantId);
    const { key, prefix } = generateApiKey();
    const apiKey: ApiKeyInfo = {
      id: newId(), tenantId: input.tenantId, name: input.name, prefix, scopes: [...new Set(input.scopes)],
      createdAt: this.opts.clock.now(), lastUsedAt: null, revokedAt: null,
    };
    await this.opts.repository.insertIfHashFree({ ...apiKey, keyHash: hashApiKey(key) });
    return { apiKey, key };
  }

  /** Lists keys (revoked ones included, with `revokedAt`), never their secrets. */
  async listApiKeys(tenantId: string, page: PageRequest = {}): Promise<Page<ApiKeyInfo>> {
    const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
    const after = decodeCursor(page.cursor, ['id']);
    const rows = await this.opts.repository.list(tenantId, { limit: limit + 1, afterId: after?.id });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null };
  }

  /** Revokes a key of this tenant (idempotent). Another tenant's key is "not found". */
  async revokeApiKey(tenantId: string, id: string): Promise<ApiKeyInfo> {
    const { repository } = this.opts;
    const existing = await repository.findById(tenantId, id);
    if (!existing) throw apiKeyNotFound(id);
    await repository.revoke(tenantId, id, this.opts.clock.now());
    this.cache.evictApiKey(id);
    this.opts.logger.info({ apiKeyId: id, tenantId }, 'api key revoked');
    return (await repository.findById(tenantId, id)) ?? existing;
  }

  /**
   * Registers AUTH_BOOTSTRAP_API_KEY as an admin key of the default tenant. Idempotent: the same
   * string maps to the same row. A bootstrap key that was revoked stays revoked — rotate the env var.
   */
  async ensureBootstrapApiKey(rawKey: string): Promise<ApiKeyInfo> {
    const tenant = await this.opts.tenants.ensureDefaultTenant();
    const keyHash = hashApiKey(rawKey);
    await this.opts.repository.insertIfHashFree({
      id: newId(), tenantId: tenant.id, name: 'Bootstrap (AUTH_BOOTSTRAP_API_KEY)', prefix: apiKeyPrefixOf(rawKey) ?? FOREIGN_KEY_PREFIX,
      scopes: ['admin'], createdAt: this.opts.clock.now(), lastUsedAt: null, revokedAt: null, keyHash,
    });
    const apiKey = await this.opts.repository.findByHash(keyHash);
    if (!apiKey) throw new Error('bootstrap API key vanished right after insert');
    if (apiKey.revokedAt) this.opts.logger.warn({ apiKeyId: apiKey.id }, 'AUTH_BOOTSTRAP_API_KEY is revoked; set a new one');
    return apiKey;
  }

  /**
   * Resolves a raw key to its principal, or null. The lookup is by SHA-256 of the key: an
   * equality match on a hash of a secret the caller cannot steer leaks nothing through timing,
   * unlike comparing the secret itself byte by byte. Cached briefly (see PrincipalCache).
   */
  async authenticate(rawKey: string): Promise<ApiKeyPrincipal | null> {
    if (rawKey.length === 0 || rawKey.length > MAX_KEY_LENGTH) return null;
    const keyHash = hashApiKey(rawKey);
    const cached = this.cache.get(keyHash);
    if (cached) return cached;
    const apiKey = await this.opts.repository.findByHash(keyHash);
    if (!apiKey || apiKey.revokedAt) return null;
    const principal: ApiKeyPrincipal = { tenantId: apiKey.tenantId, apiKeyId: apiKey.id, scopes: apiKey.scopes };
    this.cache.set(keyHash, principal);
    await this.touchLastUsed(apiKey);
    return principal;
  }

  private async touchLastUsed(apiKey: ApiKeyInfo): Promise<void> {
    const now = this.opts.clock.now();
    if (apiKey.lastUsedAt && now.getTime() - apiKey.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    try {
      await this.opts.repository.touchLastUsed(apiKey.id, now);
    } catch (error) {
      // Bookkeeping must not fail an otherwise valid request.
      this.opts.logger.warn({ err: error, apiKeyId: apiKey.id }, 'could not record api key use');
    }
  }
}
