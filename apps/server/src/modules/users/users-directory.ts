import type { UserRole } from '@valeo/contracts';
import type { DbExecutor } from '../../db/database.js';

/** What other modules may know about a colleague: no e-mail, no sign-in data. */
export type TeamMember = { id: string; name: string; role: UserRole };

export type UsersDirectory = ReturnType<typeof createUsersDirectory>;

/**
 * Read-only lookups of a tenant's users for other modules (assignment, assignee names). Another
 * tenant's user is simply absent.
 */
export function createUsersDirectory(db: DbExecutor) {
  const select = (tenantId: string) => db.selectFrom('users').select(['id', 'name', 'role']).where('tenant_id', '=', tenantId);
  return {
    async byIds(tenantId: string, ids: readonly string[]): Promise<Map<string, TeamMember>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await select(tenantId).where('id', 'in', unique).execute();
      return new Map(rows.map((r) => [r.id, toMember(r)]));
    },
    /**
     * Every active user of the tenant, by name (who can be assigned); a deactivated user is left out
     * but still found by `byIds`, so conversations they worked on keep their name. Tenants have tens
     * of users, not thousands.
     */
    async all(tenantId: string): Promise<TeamMember[]> {
      const rows = await select(tenantId).where('deactivated_at', 'is', null).orderBy('name').orderBy('id').execute();
      return rows.map(toMember);
    },
  };
}

function toMember(row: { id: string; name: string; role: string }): TeamMember {
  return { id: row.id, name: row.name, role: row.role as UserRole };
}
