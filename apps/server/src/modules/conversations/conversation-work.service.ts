import type { ConversationChange } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Db } from '../../db/database.js';
import { findConversation, type Conversation } from './conversations.repository.js';
import { markRead, setAssignee, setStatus, setTeam } from './conversation-work.repository.js';
import { teamExists, teamIdsOf } from './conversation-teams.repository.js';
import {
  actionForbidden, assigneeNotEligible, assigneeNotFound, assignmentForbidden, conversationNotFound, teamChangeForbidden, teamNotFoundInBody, unknownActor,
} from './conversation-work.errors.js';
import type { TeamDirectory } from './team.js';
import { canAssign, canChangeTeam, canWorkConversations, isAssignableRole, type Actor } from './work-policy.js';

export type ConversationWorkDeps = { db: Db; events: EventBus; team: TeamDirectory; clock: Clock };

/** Who is calling, as the HTTP layer knows it (an API key or a signed-in user). */
export type Caller = { tenantId: string; userId?: string | undefined };

/** The teams an agent belongs to (their team rules); nobody else needs them. */
async function agentTeams(db: Db, tenantId: string, actor: Actor): Promise<ReadonlySet<string>> {
  return actor.kind === 'user' && actor.role === 'agent' ? teamIdsOf(db, tenantId, actor.userId) : new Set<string>();
}

export type ConversationWorkService = ReturnType<typeof createConversationWorkService>;

/**
 * Assign, move between teams, close, reopen and mark read. Each returns the conversation as it is afterwards and
 * publishes `conversation.updated` only when something changed (a repeated click is a no-op).
 */
export function createConversationWorkService(deps: ConversationWorkDeps) {
  async function actorOf(caller: Caller): Promise<Actor> {
    if (!caller.userId) return { kind: 'api-key' };
    const member = (await deps.team.byIds(caller.tenantId, [caller.userId])).get(caller.userId);
    if (!member) throw unknownActor();
    return { kind: 'user', userId: member.id, role: member.role };
  }

  async function load(tenantId: string, id: string): Promise<Conversation> {
    const conversation = await findConversation(deps.db, tenantId, id);
    if (!conversation) throw conversationNotFound(id);
    return conversation;
  }

  /** `team.all` lists the active users only: a deactivated one is known (`byIds`) but not assignable. */
  async function requireAssignable(tenantId: string, userId: string): Promise<void> {
    const active = (await deps.team.all(tenantId)).find((m) => m.id === userId);
    if (active) {
      if (!isAssignableRole(active.role)) throw assigneeNotEligible(userId, `has the role "${active.role}"`);
      return;
    }
    if (!(await deps.team.byIds(tenantId, [userId])).has(userId)) throw assigneeNotFound(userId);
    throw assigneeNotEligible(userId, 'is deactivated');
  }

  async function finish(conversation: Conversation, changed: boolean, change: ConversationChange): Promise<Conversation> {
    if (!changed) return load(conversation.tenantId, conversation.id);
    deps.events.publish('conversation.updated', { tenantId: conversation.tenantId, conversationId: conversation.id, channelId: conversation.channelId, change });
    return load(conversation.tenantId, conversation.id);
  }

  async function changeStatus(caller: Caller, id: string, status: 'open' | 'closed'): Promise<Conversation> {
    const conversation = await load(caller.tenantId, id);
    if (!canWorkConversations(await actorOf(caller))) throw actionForbidden();
    const changed = await setStatus(deps.db, { tenantId: caller.tenantId, id, now: deps.clock.now() }, status);
    return finish(conversation, changed, status === 'closed' ? 'closed' : 'reopened');
  }

  return {
    async assign(caller: Caller, id: string, userId: string | null): Promise<Conversation> {
      const conversation = await load(caller.tenantId, id);
      const actor = await actorOf(caller);
      if (!canAssign(actor, conversation.assigneeUserId, userId)) throw assignmentForbidden();
      if (userId !== null) await requireAssignable(caller.tenantId, userId);
      // An agent giving a conversation up only releases it while it is still theirs.
      const expected = actor.kind === 'user' && actor.role === 'agent' && userId === null ? { assignee: actor.userId } : undefined;
      const changed = await setAssignee(deps.db, { tenantId: caller.tenantId, id, now: deps.clock.now() }, userId, expected);
      return finish(conversation, changed, 'assigned');
    },
    /** To a team of the tenant or none; the assignee stays even outside the team (Chatwoot does the same). */
    async setTeam(caller: Caller, id: string, teamId: string | null): Promise<Conversation> {
      const conversation = await load(caller.tenantId, id);
      const actor = await actorOf(caller);
      if (!canChangeTeam(actor, conversation.teamId, teamId, await agentTeams(deps.db, caller.tenantId, actor))) throw teamChangeForbidden();
      if (teamId !== null && !(await teamExists(deps.db, caller.tenantId, teamId))) throw teamNotFoundInBody(teamId);
      // An agent's permission depends on the current team: only if nobody moved it meanwhile.
      const changed = await setTeam(deps.db, { tenantId: caller.tenantId, id, now: deps.clock.now() }, teamId, actor.kind === 'user' && actor.role === 'agent' ? { team: conversation.teamId } : undefined);
      return finish(conversation, changed, 'team');
    },
    close: (caller: Caller, id: string) => changeStatus(caller, id, 'closed'),
    reopen: (caller: Caller, id: string) => changeStatus(caller, id, 'open'),
    async markRead(caller: Caller, id: string): Promise<Conversation> {
      const conversation = await load(caller.tenantId, id);
      if (!canWorkConversations(await actorOf(caller))) throw actionForbidden();
      const changed = await markRead(deps.db, { tenantId: caller.tenantId, id, now: deps.clock.now() });
      return finish(conversation, changed, 'read');
    },
  };
}
