import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { createTenantsModule, type TenantsModule } from '../index.js';

describe(`api keys service (${testDialect()})`, () => {
  let database: TestDatabase;
  let clock: ManualClock;
  let mod: TenantsModule;
  let tenantId: string;

  beforeEach(async () => {
    database = await createTestDatabase();
    clock = new ManualClock(new Date('2026-05-01T10:00:00.000Z'));
    mod = createTenantsModule({ db: database.db, clock, authCacheTtlMs: 30_000 });
    tenantId = (await mod.tenants.ensureDefaultTenant()).id;
  });
  afterEach(() => database.destroy());

  it('ensureDefaultTenant is idempotent', async () => {
    const again = await mod.tenants.ensureDefaultTenant();
    expect(again.id).toBe(tenantId);
    const rows = await database.db.selectFrom('tenants').selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it('stores only the SHA-256 of a key, never the key (SEC-11)', async () => {
    const { apiKey, key } = await mod.apiKeys.createApiKey({ tenantId, name: 'erp', scopes: ['messages:send'] });
    const row = await database.db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const secret = key.split('_')[2] ?? '';
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.prefix).toBe(key.split('_')[1]);
  });

  it('authenticates a key to its tenant, id and scopes; unknown keys to null', async () => {
    const { apiKey, key } = await mod.apiKeys.createApiKey({ tenantId, name: 'erp', scopes: ['messages:send', 'messages:read'] });
    expect(await mod.apiKeys.authenticate(key)).toEqual({ tenantId, apiKeyId: apiKey.id, scopes: ['messages:send', 'messages:read'] });
    expect(await mod.apiKeys.authenticate(`${key}x`)).toBeNull();
    expect(await mod.apiKeys.authenticate('')).toBeNull();
    expect(await mod.apiKeys.authenticate('x'.repeat(10_000))).toBeNull();
  });

  it('records last use at most once a minute', async () => {
    const { apiKey, key } = await mod.apiKeys.createApiKey({ tenantId, name: 'erp', scopes: ['admin'] });
    const uncached = createTenantsModule({ db: database.db, clock, authCacheTtlMs: 0 });
    await uncached.apiKeys.authenticate(key);
    const lastUsed = async () => (await mod.apiKeys.listApiKeys(tenantId)).items.find((k) => k.id === apiKey.id)?.lastUsedAt;
    expect(await lastUsed()).toEqual(clock.now());
    const first = clock.now();
    clock.advance(10_000);
    await uncached.apiKeys.authenticate(key);
    expect(await lastUsed()).toEqual(first);
    clock.advance(60_000);
    await uncached.apiKeys.authenticate(key);
    expect(await lastUsed()).toEqual(clock.now());
  });

  it('revocation in this process applies to the next request', async () => {
    const { apiKey, key } = await mod.apiKeys.createApiKey({ tenantId, name: 'erp', scopes: ['admin'] });
    expect(await mod.apiKeys.authenticate(key)).not.toBeNull();
    const revoked = await mod.apiKeys.revokeApiKey(tenantId, apiKey.id);
    expect(revoked.revokedAt).toEqual(clock.now());
    expect(await mod.apiKeys.authenticate(key)).toBeNull();
  });

  it('revocation by another process applies once the cache TTL has passed (SEC-11: ≤ 60 s)', async () => {
    const { apiKey, key } = await mod.apiKeys.createApiKey({ tenantId, name: 'erp', scopes: ['admin'] });
    expect(await mod.apiKeys.authenticate(key)).not.toBeNull(); // now cached in `mod`
    const otherProcess = createTenantsModule({ db: database.db, clock });
    await otherProcess.apiKeys.revokeApiKey(tenantId, apiKey.id);
    expect(await mod.apiKeys.authenticate(key)).not.toBeNull(); // within the TTL: still trusted
    clock.advance(30_000);
    expect(await mod.apiKeys.authenticate(key)).toBeNull();
  });

  it('revoking is idempotent, and another tenant cannot revoke or see our keys', async () => {
    const { apiKey } = await mod.apiKeys.createApiKey({ tenantId, name: 'erp', scopes: ['admin'] });
    const other = await mod.tenants.createTenant({ name: 'Other', slug: 'other' });
    await expect(mod.apiKeys.revokeApiKey(other.id, apiKey.id)).rejects.toMatchObject({ code: 'API_KEY_NOT_FOUND', httpStatus: 404 });
    expect((await mod.apiKeys.listApiKeys(other.id)).items).toEqual([]);
    const first = await mod.apiKeys.revokeApiKey(tenantId, apiKey.id);
    clock.advance(5_000);
    const second = await mod.apiKeys.revokeApiKey(tenantId, apiKey.id);
    expect(second.revokedAt).toEqual(first.revokedAt);
  });

  it('lists keys page by page without secrets', async () => {
    for (let i = 0; i < 5; i++) await mod.apiKeys.createApiKey({ tenantId, name: `k${i}`, scopes: ['messages:read'] });
    const first = await mod.apiKeys.listApiKeys(tenantId, { limit: 3 });
    expect(first.items.map((k) => k.name)).toEqual(['k0', 'k1', 'k2']);
    expect(first.nextCursor).not.toBeNull();
    const second = await mod.apiKeys.listApiKeys(tenantId, { limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((k) => k.name)).toEqual(['k3', 'k4']);
    expect(second.nextCursor).toBeNull();
    expect(Object.keys(first.items[0] ?? {})).not.toContain('keyHash');
  });

  it('ensureBootstrapApiKey registers that exact string as an admin key of the default tenant, once', async () => {
    const raw = 'operator-chosen-bootstrap-key-0123456789';
    const first = await mod.apiKeys.ensureBootstrapApiKey(raw);
    const second = await mod.apiKeys.ensureBootstrapApiKey(raw);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ tenantId, scopes: ['admin'], prefix: 'external' });
    expect(await mod.apiKeys.authenticate(raw)).toEqual({ tenantId, apiKeyId: first.id, scopes: ['admin'] });
    expect((await database.db.selectFrom('api_keys').select('id').execute())).toHaveLength(1);
  });

  it('keeps a revoked bootstrap key revoked on the next start', async () => {
    const raw = 'vhub_Abcdef12_0123456789abcdefghijABCDEFGHIJxyz';
    const key = await mod.apiKeys.ensureBootstrapApiKey(raw);
    expect(key.prefix).toBe('Abcdef12');
    await mod.apiKeys.revokeApiKey(tenantId, key.id);
    const restarted = createTenantsModule({ db: database.db, clock });
    expect((await restarted.apiKeys.ensureBootstrapApiKey(raw)).revokedAt).not.toBeNull();
    expect(await restarted.apiKeys.authenticate(raw)).toBeNull();
  });

  it('refuses to create a key for a tenant that does not exist', async () => {
    await expect(mod.apiKeys.createApiKey({ tenantId: 'nope', name: 'x', scopes: ['admin'] })).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
  });
});
