import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

/**
 * Optional diagnostics (`npm run bench -- --sql-stats`): wraps better-sqlite3's `prepare` in the
 * Hub process and times every statement's preparation and execution, grouped by SQL text. It
 * costs a little per statement, so figures of such a run are not the reference figures; it shows
 * where the database time goes. Kysely prepares a statement on every execution, hence `prepareMs`.
 */
export type SqlStatementStats = { sql: string; executions: number; executeMs: number; prepareMs: number };

type Entry = { executions: number; executeMs: number; prepareMs: number };
type Statement = Record<'run' | 'all' | 'get', (...args: unknown[]) => unknown>;

const entries = new Map<string, Entry>();

/** Patches better-sqlite3 (as resolved from the server package) before the Hub opens its database. */
export function installSqlStats(): void {
  const require = createRequire(new URL('../../apps/server/package.json', import.meta.url));
  const Database = require('better-sqlite3') as { prototype: { prepare: (sql: string) => Statement } };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function timedPrepare(this: unknown, sql: string): Statement {
    const started = performance.now();
    const statement = prepare.call(this, sql);
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 160);
    const entry = entries.get(key) ?? { executions: 0, executeMs: 0, prepareMs: 0 };
    entries.set(key, entry);
    entry.prepareMs += performance.now() - started;
    for (const method of ['run', 'all', 'get'] as const) {
      const original = statement[method];
      statement[method] = (...args: unknown[]) => {
        const at = performance.now();
        try {
          return original.apply(statement, args);
        } finally {
          entry.executions += 1;
          entry.executeMs += performance.now() - at;
        }
      };
    }
    return statement;
  };
}

/** The statements that took the most time since the last call (then starts counting afresh). */
export function takeSqlStats(top = 15): SqlStatementStats[] {
  const rows = [...entries.entries()]
    .map(([sql, entry]) => ({ sql, ...entry, executeMs: Math.round(entry.executeMs), prepareMs: Math.round(entry.prepareMs) }))
    .sort((a, b) => b.executeMs + b.prepareMs - (a.executeMs + a.prepareMs))
    .slice(0, top);
  // Reset in place: the Hub caches prepared statements, whose wrappers keep counting into these objects.
  for (const entry of entries.values()) Object.assign(entry, { executions: 0, executeMs: 0, prepareMs: 0 });
  return rows;
}
