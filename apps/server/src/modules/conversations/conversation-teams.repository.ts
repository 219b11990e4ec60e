import type { ConversationTeam } from '@valeo/contracts';
import type { DbExecutor } from '../../db/database.js';

/**
 * Reads of the teams tables that conversations need (names on views, membership for the agent's
 * team rules, the round-robin's candidates, "my teams" in the list). The teams module owns writes.
 */
export async function teamNames(db: DbExecutor, tenantId: string, ids: readonly string[]): Promise<Map<string, ConversationTeam>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('teams').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
}

export async function teamExists(db: DbExecutor, tenantId: string, id: string): Promise<boolean> {
  return (await teamNames(db, tenantId, [id])).has(id);
}

/** The teams a user belongs to. */
export async function teamIdsOf(db: DbExecutor, tenantId: string, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('team_members').select('team_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.team_id));
}

export async function memberIdsOf(db: DbExecutor, tenantId: string, teamId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('team_members').select('user_id').where('tenant_id', '=', tenantId).where('team_id', '=', teamId).execute();
  return new Set(rows.map((r) => r.user_id));
}
