import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away schema for a `--postgres` bench run, so the Hub starts on an empty database like it
 * does on a fresh SQLite file, and nothing of the run is left behind. The Hub is pointed at it by
 * the URL's `options=-c search_path=…` (kept by the Hub's connection setup).
 */
export type BenchSchema = { name: string; hubUrl: string; drop(): Promise<void> };

export async function createBenchSchema(baseUrl: string): Promise<BenchSchema> {
  const name = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withClient(baseUrl, (client) => client.query(`create schema ${name}`));
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    hubUrl: url.toString(),
    drop: () => withClient(baseUrl, (client) => client.query(`drop schema if exists ${name} cascade`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
