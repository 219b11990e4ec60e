import { searchDocument } from '../../core/search-text.js';
import type { HubMigration } from './migration.js';

/**
 * Searching users by name (the admin's user list, the assignee and team member pickers) with the
 * Hub's one folding rule (ADR 0012): `users.search_name` holds the name's folded words and their
 * German spellings, written by the app, because neither SQLite nor every PostgreSQL locale folds
 * "Ö" to "o". E-mail addresses are stored lower-cased already. The index serves the pickers' order
 * (search_name, then id) within a tenant; a typed word is matched with `LIKE '%word%'` over the
 * tenant's rows, which tenants of a few thousand users afford.
 */
export const migration0013UserSearch: HubMigration = {
  async up(db) {
    await db.schema.alterTable('users').addColumn('search_name', 'text', (c) => c.notNull().defaultTo('')).execute();
    // Users number in the hundreds, not millions: one UPDATE each is fine here.
    const rows = await db.selectFrom('users').select(['id', 'name']).execute();
    for (const row of rows as { id: string; name: string }[]) {
      await db.updateTable('users').set({ search_name: searchDocument([row.name]) ?? '' }).where('id', '=', row.id).execute();
    }
    await db.schema.createIndex('users_tenant_search_name_idx').on('users').columns(['tenant_id', 'search_name', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('users_tenant_search_name_idx').execute();
    await db.schema.alterTable('users').dropColumn('search_name').execute();
  },
};
