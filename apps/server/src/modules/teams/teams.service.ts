import { TEAMS_PER_TENANT_MAX, type Team, type TeamChange } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { inTransaction, type Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { normalizeLabelName } from '../labels/index.js';
import type { TeamMember } from '../users/index.js';
import { memberNotFound, teamLimitReached, teamNameTaken, teamNotFound } from './teams.errors.js';
import { addMembers, countTeams, deleteTeam, findTeam, insertTeam, listTeams, removeMember, renameTeam, type TeamRecord } from './teams.repository.js';

/** The users module's directory: the active users of a tenant (members must be one of them). */
export type TeamUsers = { all(tenantId: string): Promise<TeamMember[]>; byIds(tenantId: string, ids: readonly string[]): Promise<Map<string, TeamMember>> };

export type TeamsService = ReturnType<typeof createTeamsService>;

export type TeamsDeps = { db: Db; clock: Clock; users: TeamUsers; events: EventBus };

/** Team names follow the label rule: trimmed, spaces collapsed, NFC, compared lower-cased. */
const normalizeTeamName = normalizeLabelName;

/**
 * Every change that took effect publishes `team.updated` once it is committed (a refused one, or an
 * idempotent repeat that changed nothing, publishes nothing): the inboxes show team names.
 */
export function createTeamsService(deps: TeamsDeps) {
  const { db, clock } = deps;
  const changed = (tenantId: string, teamId: string, change: TeamChange) => deps.events.publish('team.updated', { tenantId, teamId, change });
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
      const id = await insertTeamWithMembers(db, { tenantId, name, nameKey, memberIds, now: clock.now() });
      if (!id) throw teamNameTaken(name);
      changed(tenantId, id, 'created');
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
      changed(tenantId, id, 'renamed');
      return one(tenantId, id);
    },
    async remove(tenantId: string, id: string): Promise<void> {
      if (!(await deleteTeam(db, tenantId, id))) throw teamNotFound(id);
      changed(tenantId, id, 'deleted');
    },
    /** Idempotent. */
    async addMember(tenantId: string, id: string, userId: string): Promise<Team> {
      await get(tenantId, id);
      await requireActiveUsers(tenantId, [userId]);
      if (await addMembers(db, { tenantId, teamId: id, userIds: [userId], now: clock.now() })) changed(tenantId, id, 'members');
      return one(tenantId, id);
    },
    /** Idempotent; any user id (a deactivated member can be removed too). */
    async removeMember(tenantId: string, id: string, userId: string): Promise<Team> {
      await get(tenantId, id);
      if (await removeMember(db, { tenantId, teamId: id, userId })) changed(tenantId, id, 'members');
      return one(tenantId, id);
    },
  };
}

/** The team and its first members in one transaction; undefined when the name is taken. */
async function insertTeamWithMembers(db: Db, input: { tenantId: string; name: string; nameKey: string; memberIds: readonly string[]; now: Date }): Promise<string | undefined> {
  return inTransaction(db, async (trx) => {
    const created = await insertTeam(trx, input);
    if (created) await addMembers(trx, { tenantId: input.tenantId, teamId: created, userIds: input.memberIds, now: input.now });
    return created;
  });
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
