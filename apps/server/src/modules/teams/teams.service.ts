import { TEAMS_PER_TENANT_MAX, type Team } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import { inTransaction, type Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { normalizeLabelName } from '../labels/index.js';
import type { TeamMember } from '../users/index.js';
import { memberNotFound, teamLimitReached, teamNameTaken, teamNotFound } from './teams.errors.js';
import { addMembers, countTeams, deleteTeam, findTeam, insertTeam, listTeams, removeMember, renameTeam, type TeamRecord } from './teams.repository.js';

/** The users module's directory: the active users of a tenant (members must be one of them). */
export type TeamUsers = { all(tenantId: string): Promise<TeamMember[]>; byIds(tenantId: string, ids: readonly string[]): Promise<Map<string, TeamMember>> };

export type TeamsService = ReturnType<typeof createTeamsService>;

/** Team names follow the label rule: trimmed, spaces collapsed, NFC, compared lower-cased. */
const normalizeTeamName = normalizeLabelName;

export function createTeamsService(deps: { db: Db; clock: Clock; users: TeamUsers }) {
  const { db, clock } = deps;
  const get = async (tenantId: string, id: string): Promise<TeamRecord> => {
    const team = await findTeam(db, tenantId, id);
    if (!team) throw teamNotFound(id);
    return team;
  };
  const requireActiveUsers = async (tenantId: string, userIds: readonly string[]): Promise<void> => {
    const active = new Set((await deps.users.all(tenantId)).map((u) => u.id));
    const missing = userIds.find((id) => !active.has(id));
    if (missing !== undefined) throw memberNotFound(missing);
  };
  const toDto = (tenantId: string, teams: readonly TeamRecord[]) => presentTeams(deps.users, tenantId, teams);
  const one = async (tenantId: string, id: string): Promise<Team> => (await toDto(tenantId, [await get(tenantId, id)]))[0] as Team;

  return {
    list: async (tenantId: string): Promise<Team[]> => toDto(tenantId, await listTeams(db, tenantId)),
    get: one,
    async create(tenantId: string, input: { name: string; memberIds?: readonly string[] | undefined }): Promise<Team> {
      if ((await countTeams(db, tenantId)) >= TEAMS_PER_TENANT_MAX) throw teamLimitReached();
      const { name, nameKey } = normalizeTeamName(input.name);
      const memberIds = input.memberIds ?? [];
      await requireActiveUsers(tenantId, memberIds);
      const now = clock.now();
      const id = await inTransaction(db, async (trx) => {
        const created = await insertTeam(trx, { tenantId, name, nameKey, now });
        if (created) await addMembers(trx, { tenantId, teamId: created, userIds: memberIds, now });
        return created;
      });
      if (!id) throw teamNameTaken(name);
      return one(tenantId, id);
    },
    async rename(tenantId: string, id: string, rawName: string): Promise<Team> {
      const { name, nameKey } = normalizeTeamName(rawName);
      try {
        if (!(await renameTeam(db, tenantId, id, { name, nameKey, now: clock.now() }))) throw teamNotFound(id);
      } catch (error) {
        if (isUniqueViolation(error)) throw teamNameTaken(name);
        throw error;
      }
      return one(tenantId, id);
    },
    async remove(tenantId: string, id: string): Promise<void> {
      if (!(await deleteTeam(db, tenantId, id))) throw teamNotFound(id);
    },
    /** Idempotent. */
    async addMember(tenantId: string, id: string, userId: string): Promise<Team> {
      await get(tenantId, id);
      await requireActiveUsers(tenantId, [userId]);
      await addMembers(db, { tenantId, teamId: id, userIds: [userId], now: clock.now() });
      return one(tenantId, id);
    },
    /** Idempotent; any user id (a deactivated member can be removed too). */
    async removeMember(tenantId: string, id: string, userId: string): Promise<Team> {
      await get(tenantId, id);
      await removeMember(db, { tenantId, teamId: id, userId });
      return one(tenantId, id);
    },
  };
}

/** Member names come from the directory (deactivated members keep their name), by name. */
async function presentTeams(users: TeamUsers, tenantId: string, teams: readonly TeamRecord[]): Promise<Team[]> {
  const known = await users.byIds(tenantId, teams.flatMap((t) => t.memberIds));
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    members: t.memberIds
      .flatMap((id) => {
        const user = known.get(id);
        return user ? [{ id: user.id, name: user.name }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    createdAt: t.createdAt.toISOString(),
  }));
}
