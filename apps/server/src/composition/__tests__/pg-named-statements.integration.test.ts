import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialect, testPostgresUrl } from '../../../test/helpers/test-database.js';
import { nameHotStatements } from '../pg-named-statements.js';

/** PostgreSQL only: the SQLite pass has no server-side statements to name. */
describe.runIf(testDialect() === 'postgres')('named hot statements (PostgreSQL)', () => {
  const pools: pg.Pool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
  });

  function onePool(opts: Parameters<typeof nameHotStatements>[1]): pg.Pool {
    // One connection, so every query and the check below see the same session.
    const pool = new pg.Pool({ connectionString: testPostgresUrl(), max: 1 });
    nameHotStatements(pool, opts);
    pools.push(pool);
    return pool;
  }

  /** As Kysely's PostgreSQL driver calls it: a checked-out client, `query(text, values)`, a promise. */
  async function run<R extends pg.QueryResultRow>(pool: pg.Pool, text: string, values: unknown[]): Promise<R[]> {
    const client = await pool.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      client.release();
    }
  }

  async function preparedHere(pool: pg.Pool): Promise<string[]> {
    const rows = await run<{ statement: string }>(pool, 'select statement from pg_prepared_statements order by statement', []);
    return rows.map((row) => row.statement);
  }

  it('names a statement once it is hot, and answers the same as before and after', async () => {
    const pool = onePool({ hotAfter: 3 });
    const text = 'select $1::int + 1 as n';
    const answers: number[] = [];
    for (let i = 0; i < 5; i += 1) answers.push((await run<{ n: number }>(pool, text, [i]))[0]!.n);
    expect(answers).toEqual([1, 2, 3, 4, 5]);
    // The check's own statement is not hot yet (one use), so only ours is listed.
    expect(await preparedHere(pool)).toEqual([text]);
  });

  it('leaves rare statements unnamed and stops naming at the cap', async () => {
    const pool = onePool({ hotAfter: 2, maxNamed: 2 });
    for (const n of [1, 2, 3]) for (let i = 0; i < 2; i += 1) await run(pool, `select ${n} + $1::int as n`, [i]);
    await run(pool, 'select 99 + $1::int as rare', [1]);
    expect(await preparedHere(pool)).toEqual(['select 1 + $1::int as n', 'select 2 + $1::int as n']);
    // Past the cap the third statement still runs, unnamed.
    expect((await run<{ n: number }>(pool, 'select 3 + $1::int as n', [4]))[0]!.n).toBe(7);
  });

  it('passes errors of a named statement through and keeps the connection usable', async () => {
    const pool = onePool({ hotAfter: 1 });
    await expect(run(pool, 'select 1 / $1::int as n', [0])).rejects.toThrow('division by zero');
    expect((await run<{ n: number }>(pool, 'select 1 / $1::int as n', [1]))[0]!.n).toBe(1);
  });

  describe('a table changed by another process (a rolling deploy migrates while this one runs)', () => {
    const table = `named_stmt_${process.pid}`;
    let admin: pg.Pool;
    beforeEach(async () => {
      admin = new pg.Pool({ connectionString: testPostgresUrl(), max: 1 });
      await admin.query(`create table ${table} (id int primary key)`);
      await admin.query(`insert into ${table} values (1)`);
    });
    afterEach(async () => {
      await admin.query(`drop table if exists ${table}`);
      await admin.end();
    });

    it('answers a named select * after a column was added, outside a transaction', async () => {
      const pool = onePool({ hotAfter: 1 });
      const text = `select * from ${table} where id = $1`;
      expect(await run(pool, text, [1])).toEqual([{ id: 1 }]);
      await admin.query(`alter table ${table} add column note text`);
      expect(await run(pool, text, [1])).toEqual([{ id: 1, note: null }]);
      expect(await run(pool, text, [1])).toEqual([{ id: 1, note: null }]);
    });

    it('fails a transaction once at most, then the connection answers again', async () => {
      const pool = onePool({ hotAfter: 1 });
      const text = `select * from ${table} where id = $1`;
      expect(await run(pool, text, [1])).toEqual([{ id: 1 }]);
      await admin.query(`alter table ${table} add column note text`);
      const client = await pool.connect();
      try {
        await client.query('begin', []);
        // Inside a transaction the failed statement has aborted it; it cannot be retried there.
        await client.query(text, [1]).catch(() => undefined);
        await client.query('rollback', []);
        await client.query('begin', []);
        expect((await client.query(text, [1])).rows).toEqual([{ id: 1, note: null }]);
        await client.query('commit', []);
      } finally {
        client.release();
      }
    });
  });

  it('leaves the other call forms alone (callbacks, query configs, pool.query)', async () => {
    const pool = onePool({ hotAfter: 1 });
    expect((await pool.query<{ t: string }>('select $1::text as t', ['pool'])).rows[0]).toEqual({ t: 'pool' });
    const viaConfig = await pool.query({ text: 'select $1::text as t', values: ['config'] });
    expect(viaConfig.rows[0]).toEqual({ t: 'config' });
    const viaCallback = await new Promise<unknown>((resolve, reject) => {
      void pool.connect().then((client) => client.query('select $1::text as t', ['callback'], (err, result) => {
        client.release();
        if (err) reject(err);
        else resolve(result.rows[0]);
      }));
    });
    expect(viaCallback).toEqual({ t: 'callback' });
    // Only the check's own statement (hotAfter 1) is named.
    expect(await preparedHere(pool)).toEqual(['select statement from pg_prepared_statements order by statement']);
  });
});
