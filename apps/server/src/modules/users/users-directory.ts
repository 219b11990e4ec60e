import type { UserRole } from '@valeo/contracts';
import type { DbExecutor } from '../../db/database.js';
import { matchesTerms, userSearchTerms } from './user-search.js';

/** What other modules may know about a colleague: no e-mail, no sign-in data. */
export type TeamMember = { id: string; name: string; role: UserRole };

export type UsersDirectory = ReturnType<typeof createUsersDirectory>;

/** Where a page of `search` ended: its last member's `search_name` and id (the order's key). */
export type DirectoryPosition = { key: string; id: string };
export type DirectorySearch = {
  /** Words of the name (any case or accent), all required; the e-mail is not searched (not shown to colleagues). */
  q?: string | undefined;
  /** Only these roles; all when left out. */
  roles?: readonly UserRole[] | undefined;
  /** Page size; every match when left out. */
  limit?: number | undefined;
  after?: DirectoryPosition | undefined;
};
export type DirectoryPage = { members: TeamMember[]; next: DirectoryPosition | null };

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
    /**
     * Active users whose name has every word of `q`, by folded name (case and accents ignored, the
     * same on both dialects) and then id, in keyset pages: the pickers' search as you type.
     */
    search: (tenantId: string, opts: DirectorySearch = {}): Promise<DirectoryPage> => searchActiveUsers(db, tenantId, opts),
  };
}

async function searchActiveUsers(db: DbExecutor, tenantId: string, opts: DirectorySearch): Promise<DirectoryPage> {
  const terms = userSearchTerms(opts.q);
  if (opts.roles?.length === 0) return { members: [], next: null };
  let query = db.selectFrom('users').select(['id', 'name', 'role', 'search_name']).where('tenant_id', '=', tenantId).where('deactivated_at', 'is', null);
  if (terms.length > 0) query = query.where((eb) => matchesTerms(eb, terms, { inEmail: false }));
  if (opts.roles) query = query.where('role', 'in', [...opts.roles]);
  const after = opts.after;
  if (after) query = query.where((eb) => eb.or([eb('search_name', '>', after.key), eb.and([eb('search_name', '=', after.key), eb('id', '>', after.id)])]));
  query = query.orderBy('search_name').orderBy('id');
  if (opts.limit === undefined) return { members: (await query.execute()).map(toMember), next: null };
  const rows = await query.limit(opts.limit + 1).execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { members: page.map(toMember), next: rows.length > opts.limit && last ? { key: last.search_name, id: last.id } : null };
}

function toMember(row: { id: string; name: string; role: string }): TeamMember {
  return { id: row.id, name: row.name, role: row.role as UserRole };
}
