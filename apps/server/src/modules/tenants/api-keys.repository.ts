import type { Selectable } from 'kysely';
import type { ApiKeyScope } from '@valeo/contracts';
import { fromDbJson, fromDbTime, fromDbTimeOrNull, toDbJson, toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';
import type { ApiKeysTable } from '../../db/tables/tenancy.tables.js';
import type { ApiKeyInfo } from './tenants.types.js';

export type ApiKeysRepository = ReturnType<typeof createApiKeysRepository>;

export type ApiKeyRecord = ApiKeyInfo & { keyHash: string };

export function createApiKeysRepository(db: DbExecutor) {
  return {
    /** Inserts unless the hash exists; returns whether a row was written. */
    async insertIfHashFree(key: ApiKeyRecord): Promise<boolean> {
      const result = await db
        .insertInto('api_keys')
        .values({
          id: key.id, tenant_id: key.tenantId, name: key.name, prefix: key.prefix, key_hash: key.keyHash,
          scopes: toDbJson(key.scopes), created_at: toDbTime(key.createdAt), last_used_at: null, revoked_at: null,
        })
        .onConflict((oc) => oc.column('key_hash').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async findByHash(keyHash: string): Promise<ApiKeyInfo | undefined> {
      const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
      return row && toApiKey(row);
    },

    async findById(tenantId: string, id: string): Promise<ApiKeyInfo | undefined> {
      const row = await db.selectFrom('api_keys').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return row && toApiKey(row);
    },

    /** Keyset page ordered by id (UUIDv7 = creation order). */
    async list(tenantId: string, opts: { limit: number; afterId?: string | undefined }): Promise<ApiKeyInfo[]> {
      let query = db.selectFrom('api_keys').selectAll().where('tenant_id', '=', tenantId);
      if (opts.afterId) query = query.where('id', '>', opts.afterId);
      const rows = await query.orderBy('id').limit(opts.limit).execute();
      return rows.map(toApiKey);
    },

    async revoke(tenantId: string, id: string, at: Date): Promise<void> {
      await db
        .updateTable('api_keys')
        .set({ revoked_at: toDbTime(at) })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },

    async touchLastUsed(id: string, at: Date): Promise<void> {
      await db.updateTable('api_keys').set({ last_used_at: toDbTime(at) }).where('id', '=', id).execute();
    },
  };
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKeyInfo {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    prefix: row.prefix,
    scopes: fromDbJson<ApiKeyScope[]>(row.scopes),
    createdAt: fromDbTime(row.created_at),
    lastUsedAt: fromDbTimeOrNull(row.last_used_at),
    revokedAt: fromDbTimeOrNull(row.revoked_at),
  };
}
