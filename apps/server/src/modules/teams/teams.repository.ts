import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.js';
import { fromDbTime, toDbTime } from '../../db/column-types.js';
import type { TeamsTable } from '../../db/tables/teams.tables.js';
import { newId } from '../../core/ids.js';

export type TeamRecord = { id: string; tenantId: string; name: string; memberIds: string[]; createdAt: Date };

/** Teams of the tenant by name, with their member ids (two queries; tenants have few teams). */
export async function listTeams(db: DbExecutor, tenantId: string, ids?: readonly string[]): Promise<TeamRecord[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('teams').selectAll().where('tenant_id', '=', tenantId);
  if (ids) query = query.where('id', 'in', [...new Set(ids)]);
  const rows = await query.orderBy('name_key').orderBy('id').execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('team_members')
    .select(['team_id', 'user_id'])
    .where('tenant_id', '=', tenantId)
    .where('team_id', 'in', rows.map((r) => r.id))
    .execute();
  const byTeam = new Map<string, string[]>();
  for (const m of members) byTeam.set(m.team_id, [...(byTeam.get(m.team_id) ?? []), m.user_id]);
  return rows.map((row) => toTeam(row, byTeam.get(row.id) ?? []));
}

export async function findTeam(db: DbExecutor, tenantId: string, id: string): Promise<TeamRecord | undefined> {
  return (await listTeams(db, tenantId, [id]))[0];
}

export async function countTeams(db: DbExecutor, tenantId: string): Promise<number> {
  const row = await db.selectFrom('teams').select((eb) => eb.fn.countAll<number | string>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** undefined when the (tenant, name_key) is taken, also by a concurrent insert. */
export async function insertTeam(db: DbExecutor, input: { tenantId: string; name: string; nameKey: string; now: Date }): Promise<string | undefined> {
  const at = toDbTime(input.now);
  const row = await db
    .insertInto('teams')
    .values({ id: newId(), tenant_id: input.tenantId, name: input.name, name_key: input.nameKey, created_at: at, updated_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** false: no such team in the tenant. A taken name throws the unique violation. */
export async function renameTeam(db: DbExecutor, tenantId: string, id: string, input: { name: string; nameKey: string; now: Date }): Promise<boolean> {
  const result = await db
    .updateTable('teams')
    .set({ name: input.name, name_key: input.nameKey, updated_at: toDbTime(input.now) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Members go with the team; conversations and channel defaults fall back to none (ON DELETE SET NULL). */
export async function deleteTeam(db: DbExecutor, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('teams').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** true when at least one of them was not a member yet. */
export async function addMembers(db: DbExecutor, input: { tenantId: string; teamId: string; userIds: readonly string[]; now: Date }): Promise<boolean> {
  if (input.userIds.length === 0) return false;
  const at = toDbTime(input.now);
  const result = await db
    .insertInto('team_members')
    .values(input.userIds.map((userId) => ({ tenant_id: input.tenantId, team_id: input.teamId, user_id: userId, created_at: at })))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** true when the user was a member. */
export async function removeMember(db: DbExecutor, input: { tenantId: string; teamId: string; userId: string }): Promise<boolean> {
  const result = await db
    .deleteFrom('team_members')
    .where('tenant_id', '=', input.tenantId)
    .where('team_id', '=', input.teamId)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

function toTeam(row: Selectable<TeamsTable>, memberIds: string[]): TeamRecord {
  return { id: row.id, tenantId: row.tenant_id, name: row.name, memberIds, createdAt: fromDbTime(row.created_at) };
}
