import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.js';
import type { Db, Trx } from '../database.js';
import { TransactionBatcher } from '../transaction-batcher.js';

/** Counts the transactions a Kysely instance opens, to see the batching itself. */
function countingTransactions(db: Db): { db: Db; count(): number } {
  let opened = 0;
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'transaction') {
        return () => {
          opened += 1;
          return target.transaction();
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, count: () => opened };
}

const insertProbe = (id: string) => async (trx: Trx) => {
  await sql`insert into batcher_probe (id) values (${id})`.execute(trx);
  return id;
};

async function probeIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from batcher_probe order by id`.execute(db);
  return rows.map((r) => r.id);
}

describe('TransactionBatcher', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await sql`create table batcher_probe (id text primary key)`.execute(database.db);
  });
  afterAll(async () => database.destroy());
  beforeEach(async () => {
    await sql`delete from batcher_probe`.execute(database.db);
  });

  it('commits concurrent units together, each resolving with its own result after the commit', async () => {
    const counting = countingTransactions(database.db);
    const batcher = new TransactionBatcher(counting.db);
    const ids = Array.from({ length: 20 }, (_, i) => `u${String(i).padStart(2, '0')}`);

    const results = await Promise.all(ids.map((id) => batcher.run(insertProbe(id))));

    expect(results).toEqual(ids);
    expect(await probeIds(database.db)).toEqual(ids);
    expect(counting.count()).toBeLessThan(ids.length);
  });

  it('fails only the unit that throws; the others commit exactly once', async () => {
    const batcher = new TransactionBatcher(database.db);
    const failing = batcher.run(async (trx) => {
      await insertProbe('bad')(trx);
      throw new Error('unit refused');
    });
    const good = ['a', 'b', 'c'].map((id) => batcher.run(insertProbe(id)));

    await expect(failing).rejects.toThrow('unit refused');
    await expect(Promise.all(good)).resolves.toEqual(['a', 'b', 'c']);
    expect(await probeIds(database.db)).toEqual(['a', 'b', 'c']);
  });

  it('a constraint violation in one unit does not lose the rest of its batch', async () => {
    await sql`insert into batcher_probe (id) values ('taken')`.execute(database.db);
    const batcher = new TransactionBatcher(database.db);

    const outcomes = await Promise.allSettled(['x', 'taken', 'y'].map((id) => batcher.run(insertProbe(id))));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await probeIds(database.db)).toEqual(['taken', 'x', 'y']);
  });

  it('splits large bursts into batches of at most maxBatch', async () => {
    const counting = countingTransactions(database.db);
    const batcher = new TransactionBatcher(counting.db, { maxBatch: 4 });
    const ids = Array.from({ length: 10 }, (_, i) => `m${i}`);

    await Promise.all(ids.map((id) => batcher.run(insertProbe(id))));

    expect(counting.count()).toBeGreaterThanOrEqual(3);
    expect((await probeIds(database.db)).sort()).toEqual([...ids].sort());
  });

  it('refuses nonsense options', () => {
    expect(() => new TransactionBatcher(database.db, { maxBatch: 0 })).toThrow(RangeError);
  });
});
