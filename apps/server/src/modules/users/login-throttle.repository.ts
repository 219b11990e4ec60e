import { sql } from 'kysely';
import { fromDbTime, fromDbTimeOrNull, toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';

export type LoginThrottleRepository = ReturnType<typeof createLoginThrottleRepository>;
export type ThrottleState = { failureCount: number; windowStartedAt: Date; lockedUntil: Date | null };

/**
 * Failure counts and locks of `login_throttle`. A row's key (column `email`) is either a normalised
 * address (lower case) or a client's `IP:` key (`client-address.ts`, capitals): the per-address
 * lockout and the per-IP throttle share the table and this code, and their keys cannot collide.
 */
export function createLoginThrottleRepository(db: DbExecutor) {
  return {
    async find(email: string): Promise<ThrottleState | undefined> {
      const row = await db.selectFrom('login_throttle').selectAll().where('email', '=', email).executeTakeFirst();
      return row && { failureCount: row.failure_count, windowStartedAt: fromDbTime(row.window_started_at), lockedUntil: fromDbTimeOrNull(row.locked_until) };
    },

    /**
     * Counts one failure in one atomic statement (parallel attempts all count, on both dialects):
     * a window that started before `windowStart` is replaced by a fresh one starting `now`.
     */
    async addFailure(email: string, now: Date, windowStart: Date): Promise<ThrottleState> {
      const nowText = toDbTime(now);
      const stale = sql<boolean>`${sql.ref('login_throttle.window_started_at')} < ${toDbTime(windowStart)}`;
      const row = await db
        .insertInto('login_throttle')
        .values({ email, failure_count: 1, window_started_at: nowText, locked_until: null })
        .onConflict((oc) => oc.column('email').doUpdateSet({
          failure_count: sql<number>`case when ${stale} then 1 else ${sql.ref('login_throttle.failure_count')} + 1 end`,
          window_started_at: sql<string>`case when ${stale} then ${nowText} else ${sql.ref('login_throttle.window_started_at')} end`,
        }))
        .returning(['failure_count', 'window_started_at', 'locked_until'])
        .executeTakeFirstOrThrow();
      return { failureCount: Number(row.failure_count), windowStartedAt: fromDbTime(row.window_started_at), lockedUntil: fromDbTimeOrNull(row.locked_until) };
    },

    /** Locks the address until `until` and starts counting afresh after it. */
    async lock(email: string, until: Date): Promise<void> {
      await db.updateTable('login_throttle').set({ locked_until: toDbTime(until), failure_count: 0, window_started_at: toDbTime(until) }).where('email', '=', email).execute();
    },

    async clear(email: string): Promise<void> {
      await db.deleteFrom('login_throttle').where('email', '=', email).execute();
    },

    /** Forgets addresses whose window and lock both ended before `before` (keeps the table small). */
    async purgeStale(before: Date): Promise<void> {
      const cutoff = toDbTime(before);
      await db
        .deleteFrom('login_throttle')
        .where('window_started_at', '<', cutoff)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', cutoff)]))
        .execute();
    },
  };
}
