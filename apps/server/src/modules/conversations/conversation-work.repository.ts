import { toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';

/**
 * Writes of work management. Each is one conditional UPDATE that reports whether it changed
 * anything, so concurrent requests cannot both "win" and no-op calls publish no event.
 */
type Target = { tenantId: string; id: string; now: Date };

/** `expected`: only if the current assignee is this user (`null` = only if unassigned). */
export async function setAssignee(
  db: DbExecutor,
  t: Target,
  userId: string | null,
  expected?: { assignee: string | null; openOnly?: boolean },
): Promise<boolean> {
  let query = db
    .updateTable('conversations')
    .set({ assignee_user_id: userId, updated_at: toDbTime(t.now) })
    .where('tenant_id', '=', t.tenantId)
    .where('id', '=', t.id);
  query = userId === null ? query.where('assignee_user_id', 'is not', null) : query.where((eb) => eb.or([eb('assignee_user_id', 'is', null), eb('assignee_user_id', '!=', userId)]));
  if (expected) query = expected.assignee === null ? query.where('assignee_user_id', 'is', null) : query.where('assignee_user_id', '=', expected.assignee);
  if (expected?.openOnly) query = query.where('status', '=', 'open');
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setStatus(db: DbExecutor, t: Target, status: 'open' | 'closed'): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({ status, updated_at: toDbTime(t.now) })
    .where('tenant_id', '=', t.tenantId)
    .where('id', '=', t.id)
    .where('status', '!=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markRead(db: DbExecutor, t: Target): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({ unread_count: 0, updated_at: toDbTime(t.now) })
    .where('tenant_id', '=', t.tenantId)
    .where('id', '=', t.id)
    .where('unread_count', '>', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Only when the team actually changes; `expected`: only while the current team is still this one (null = none). */
export async function setTeam(db: DbExecutor, t: Target, teamId: string | null, expected?: { team: string | null }): Promise<boolean> {
  let query = db
    .updateTable('conversations')
    .set({ team_id: teamId, updated_at: toDbTime(t.now) })
    .where('tenant_id', '=', t.tenantId)
    .where('id', '=', t.id);
  query = teamId === null ? query.where('team_id', 'is not', null) : query.where((eb) => eb.or([eb('team_id', 'is', null), eb('team_id', '!=', teamId)]));
  if (expected) query = expected.team === null ? query.where('team_id', 'is', null) : query.where('team_id', '=', expected.team);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
