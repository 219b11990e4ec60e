import type { Selectable } from 'kysely';
import type { UserRole } from '@valeo/contracts';
import { fromDbTime, fromDbTimeOrNull, toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';
import type { UsersTable } from '../../db/tables/users.tables.js';
import { matchesTerms, userSearchName } from './user-search.js';
import type { User, UserFilter } from './users.types.js';

export type UsersRepository = ReturnType<typeof createUsersRepository>;
export type UserRecord = User & { passwordHash: string };
export type UserChanges = { name?: string; role?: UserRole; passwordHash?: string; deactivatedAt?: Date | null; updatedAt: Date };

export function createUsersRepository(db: DbExecutor) {
  return {
    /** Inserts unless the e-mail exists (any tenant); returns whether a row was written. */
    async insertIfEmailFree(user: UserRecord): Promise<boolean> {
      const result = await db
        .insertInto('users')
        .values({
          id: user.id, tenant_id: user.tenantId, email: user.email, name: user.name, search_name: userSearchName(user.name), role: user.role,
          password_hash: user.passwordHash, created_at: toDbTime(user.createdAt), updated_at: toDbTime(user.updatedAt),
          last_login_at: null, deactivated_at: null,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Across tenants: sign-in names no tenant. Includes the hash, for the password check only. */
    async findByEmail(email: string): Promise<UserRecord | undefined> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row && { ...toUser(row), passwordHash: row.password_hash };
    },

    async findById(tenantId: string, id: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    list: (tenantId: string, opts: ListUsersOptions): Promise<User[]> => listUsers(db, tenantId, opts),

    async update(tenantId: string, id: string, changes: UserChanges): Promise<void> {
      await db
        .updateTable('users')
        .set({
          updated_at: toDbTime(changes.updatedAt),
          ...(changes.name === undefined ? {} : { name: changes.name, search_name: userSearchName(changes.name) }),
          ...(changes.role === undefined ? {} : { role: changes.role }),
          ...(changes.passwordHash === undefined ? {} : { password_hash: changes.passwordHash }),
          ...(changes.deactivatedAt === undefined ? {} : { deactivated_at: changes.deactivatedAt === null ? null : toDbTime(changes.deactivatedAt) }),
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    async delete(tenantId: string, id: string): Promise<void> {
      await db.deleteFrom('users').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    },

    /** Active admins only: a deactivated admin cannot administer anything. */
    async countAdmins(tenantId: string): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('tenant_id', '=', tenantId)
        .where('role', '=', 'admin')
        .where('deactivated_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async touchLastLogin(id: string, at: Date): Promise<void> {
      await db.updateTable('users').set({ last_login_at: toDbTime(at) }).where('id', '=', id).execute();
    },
  };
}

export type ListUsersOptions = UserFilter & { limit: number; afterId?: string | undefined };

/**
 * Keyset page ordered by id (UUIDv7 = creation order): ids never change, so a rename or a role
 * change between two pages neither skips nor repeats anyone. Filters narrow the same order.
 */
async function listUsers(db: DbExecutor, tenantId: string, opts: ListUsersOptions): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId);
  if (opts.afterId) query = query.where('id', '>', opts.afterId);
  if (opts.terms.length > 0) query = query.where((eb) => matchesTerms(eb, opts.terms, { inEmail: true }));
  if (opts.role) query = query.where('role', '=', opts.role);
  if (opts.status) query = query.where('deactivated_at', opts.status === 'active' ? 'is' : 'is not', null);
  const rows = await query.orderBy('id').limit(opts.limit).execute();
  return rows.map(toUser);
}

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    name: row.name,
    role: row.role as UserRole,
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
    lastLoginAt: fromDbTimeOrNull(row.last_login_at),
    deactivatedAt: fromDbTimeOrNull(row.deactivated_at),
  };
}
