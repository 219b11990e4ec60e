import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../test/helpers/test-database.js';
import { migrateToLatest } from '../migrate.js';
import { MIGRATIONS } from '../migrations/index.js';

/** Migration 0013 on a database that already has users: their folded names are filled in. */
describe(`migration 0013-user-search (${testDialect()})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database?.destroy());

  it('backfills search_name for existing users', async () => {
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0013'));
    await migrateToLatest(database, before);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema before 0013, not today's Database type
    const db = database.db as unknown as Kysely<any>;
    const at = new Date().toISOString();
    await db.insertInto('tenants').values({ id: 't1', name: 'T', slug: 't', created_at: at, updated_at: at }).execute();
    const user = (id: string, name: string) => ({ id, tenant_id: 't1', email: `${id}@example.com`, name, role: 'agent', password_hash: 'x', created_at: at, updated_at: at });
    await db.insertInto('users').values([user('u1', 'Jürgen ÖZTÜRK'), user('u2', 'Anna')]).execute();

    expect(await migrateToLatest(database)).toContain('0013-user-search');
    const rows = await database.db.selectFrom('users').select(['id', 'search_name']).orderBy('id').execute();
    expect(rows).toEqual([{ id: 'u1', search_name: 'jurgen ozturk juergen oeztuerk' }, { id: 'u2', search_name: 'anna' }]);
  });
});
