import { fromDbBool, toDbBool, toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';

export type AutoAssignmentSetting = { channelId: string; enabled: boolean; lastUserId: string | null; defaultTeamId: string | null };

export async function findAutoAssignment(db: DbExecutor, tenantId: string, channelId: string): Promise<AutoAssignmentSetting | undefined> {
  const row = await db
    .selectFrom('auto_assignment')
    .select(['channel_id', 'enabled', 'last_user_id', 'default_team_id'])
    .where('tenant_id', '=', tenantId)
    .where('channel_id', '=', channelId)
    .executeTakeFirst();
  return row && { channelId: row.channel_id, enabled: fromDbBool(row.enabled), lastUserId: row.last_user_id, defaultTeamId: row.default_team_id };
}

/**
 * Switching keeps the cursor, so turning it off and on again continues the rotation.
 * `defaultTeamId` undefined keeps the current default team.
 */
export async function saveAutoAssignmentEnabled(
  db: DbExecutor,
  input: { tenantId: string; channelId: string; enabled: boolean; defaultTeamId?: string | null | undefined; now: Date },
): Promise<void> {
  const team = input.defaultTeamId === undefined ? {} : { default_team_id: input.defaultTeamId };
  await db
    .insertInto('auto_assignment')
    .values({ channel_id: input.channelId, tenant_id: input.tenantId, enabled: toDbBool(input.enabled), last_user_id: null, ...team, updated_at: toDbTime(input.now) })
    .onConflict((oc) => oc.column('channel_id').doUpdateSet({ enabled: toDbBool(input.enabled), ...team, updated_at: toDbTime(input.now) }))
    .execute();
}

/**
 * Compare-and-set of the round-robin cursor: moves it from `from` to `to` only if nobody moved
 * it meanwhile. On PostgreSQL a concurrent writer waits for the row lock, then re-checks the
 * condition and finds it false, so exactly one of two racing assignments advances the cursor.
 */
export async function advanceCursor(db: DbExecutor, input: { channelId: string; from: string | null; to: string; now: Date }): Promise<boolean> {
  const result = await db
    .updateTable('auto_assignment')
    .set({ last_user_id: input.to, updated_at: toDbTime(input.now) })
    .where('channel_id', '=', input.channelId)
    .where((eb) => (input.from === null ? eb('last_user_id', 'is', null) : eb('last_user_id', '=', input.from)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
