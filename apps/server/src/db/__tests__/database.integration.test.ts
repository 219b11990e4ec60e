import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../test/helpers/test-database.js';
import { fromDbBool, fromDbJson, fromDbTime, jsonType, timestampType, toDbBool, toDbJson, toDbTime } from '../column-types.js';
import { inTransaction } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import type { HubMigration } from '../migrations/migration.js';

const probeMigration: Record<string, HubMigration> = {
  '9000-probe': {
    async up(db, dialect) {
      await db.schema
        .createTable('probe')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', timestampType(dialect), (c) => c.notNull())
        .addColumn('doc', jsonType(dialect), (c) => c.notNull())
        .addColumn('flag', 'integer', (c) => c.notNull())
        .execute();
    },
  },
};

describe(`database (${testDialect()})`, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  it('round-trips timestamps, JSON and booleans through the dialect helpers', async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateToLatest(database, probeMigration);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = database.db as any;
    const at = new Date('2026-03-04T05:06:07.089Z');
    await db.insertInto('probe').values({ id: 'a', at: toDbTime(at), doc: toDbJson({ x: [1, 'ü'] }), flag: toDbBool(true) }).execute();
    const row = await db.selectFrom('probe').selectAll().where('at', '>=', toDbTime(new Date(at.getTime() - 1))).executeTakeFirstOrThrow();
    expect(fromDbTime(row.at).toISOString()).toBe(at.toISOString());
    expect(fromDbJson(row.doc)).toEqual({ x: [1, 'ü'] });
    expect(fromDbBool(row.flag)).toBe(true);
  });

  it('is idempotent: migrating twice applies nothing the second time', async () => {
    database = await createTestDatabase({ migrate: false });
    expect(await migrateToLatest(database, probeMigration)).toEqual(['9000-probe']);
    expect(await migrateToLatest(database, probeMigration)).toEqual([]);
  });

  it('rolls a failed transaction back completely', async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateToLatest(database, probeMigration);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = database.db as any;
    const insert = (id: string) => ({ id, at: toDbTime(new Date()), doc: '{}', flag: 0 });
    await expect(
      inTransaction(db, async (trx) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        await (trx as any).insertInto('probe').values(insert('b')).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const count = await sql<{ n: number }>`select count(*) as n from probe`.execute(db);
    expect(Number(count.rows[0]?.n)).toBe(0);
  });
});
