import type { Selectable } from 'kysely';
import { fromDbTime, toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';
import type { TenantsTable } from '../../db/tables/tenancy.tables.js';
import type { Tenant } from './tenants.types.js';

export type TenantsRepository = ReturnType<typeof createTenantsRepository>;

export function createTenantsRepository(db: DbExecutor) {
  return {
    /** Inserts unless the slug exists (concurrent starts of api + worker both call this). */
    async insertIfSlugFree(tenant: Tenant): Promise<void> {
      await db
        .insertInto('tenants')
        .values({ id: tenant.id, name: tenant.name, slug: tenant.slug, created_at: toDbTime(tenant.createdAt), updated_at: toDbTime(tenant.updatedAt) })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    },

    async findBySlug(slug: string): Promise<Tenant | undefined> {
      const row = await db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toTenant(row);
    },

    async findById(id: string): Promise<Tenant | undefined> {
      const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toTenant(row);
    },
  };
}

function toTenant(row: Selectable<TenantsTable>): Tenant {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: fromDbTime(row.created_at), updatedAt: fromDbTime(row.updated_at) };
}
