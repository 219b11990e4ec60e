import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.js';
import { PreparedQuery } from '../prepared-query.js';

type ProbeParams = { id: string; label: string | null; weight: number };

const upsertProbe = new PreparedQuery<ProbeParams, { id: string; label: string | null; weight: number; kind: string }>((db, p) =>
  // A table outside the app schema: the builder's table types do not know it.
  (db as unknown as Kysely<{ prepared_probe: { id: string; label: string | null; weight: number; kind: string } }>)
    .insertInto('prepared_probe')
    .values({ id: p('id'), label: p('label'), weight: p('weight'), kind: 'constant-kind' })
    .onConflict((oc) => oc.column('id').doUpdateSet({ weight: sql`prepared_probe.weight + excluded.weight` }))
    .returningAll());

const countWithLabel = new PreparedQuery<{ label: string }, { n: number | string }>((db, p) =>
  (db as unknown as Kysely<{ prepared_probe: { id: string; label: string | null } }>)
    .selectFrom('prepared_probe')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.or([eb('label', '=', p('label')), eb('id', '=', p('label'))])));

describe('PreparedQuery', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await sql`create table prepared_probe (id text primary key, label text, weight integer not null, kind text not null)`.execute(database.db);
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    await sql`delete from prepared_probe`.execute(database.db);
  });

  it('runs with fresh parameters each time and keeps the constants written into the statement', async () => {
    const first = await upsertProbe.takeFirst(database.db, { id: 'a', label: 'first', weight: 2 });
    const second = await upsertProbe.takeFirst(database.db, { id: 'b', label: null, weight: 5 });
    expect(first).toEqual({ id: 'a', label: 'first', weight: 2, kind: 'constant-kind' });
    expect(second).toEqual({ id: 'b', label: null, weight: 5, kind: 'constant-kind' });
    const again = await upsertProbe.takeFirst(database.db, { id: 'a', label: 'ignored', weight: 3 });
    expect(again).toMatchObject({ id: 'a', label: 'first', weight: 5 });
  });

  it('binds a parameter named twice at both places', async () => {
    await upsertProbe.execute(database.db, { id: 'x', label: 'y', weight: 1 });
    await upsertProbe.execute(database.db, { id: 'y', label: 'z', weight: 1 });
    const row = await countWithLabel.takeFirst(database.db, { label: 'y' });
    expect(Number(row?.n)).toBe(2);
  });

  it('works inside a transaction and rolls back with it', async () => {
    await expect(database.db.transaction().execute(async (trx) => {
      await upsertProbe.execute(trx, { id: 't', label: null, weight: 1 });
      expect((await upsertProbe.takeFirst(trx, { id: 't', label: null, weight: 1 }))?.weight).toBe(2);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(Number((await countWithLabel.takeFirst(database.db, { label: 't' }))?.n)).toBe(0);
  });

  it('refuses an undefined parameter instead of binding something', async () => {
    await expect(upsertProbe.execute(database.db, { id: 'u', label: undefined as unknown as null, weight: 1 })).rejects.toThrow('parameter "label" is undefined');
  });

  it('reports affected rows for statements without RETURNING', async () => {
    await upsertProbe.execute(database.db, { id: 'r', label: 'keep', weight: 1 });
    const relabel = new PreparedQuery<{ id: string; label: string }>((db, p) =>
      (db as unknown as Kysely<{ prepared_probe: { id: string; label: string | null } }>)
        .updateTable('prepared_probe').set({ label: p('label') }).where('id', '=', p('id')));
    expect(await relabel.affectedRows(database.db, { id: 'r', label: 'changed' })).toBe(1);
    expect(await relabel.affectedRows(database.db, { id: 'missing', label: 'changed' })).toBe(0);
  });

  it('refuses a statement whose parameter ends up in the SQL text', async () => {
    const inlined = new PreparedQuery<{ id: string }>((db, p) =>
      (db as unknown as Kysely<{ prepared_probe: { id: string } }>)
        .selectFrom('prepared_probe').select('id').where('id', '=', sql.lit(p('id'))));
    await expect(inlined.execute(database.db, { id: 'a' })).rejects.toThrow('inlined');
  });
});
