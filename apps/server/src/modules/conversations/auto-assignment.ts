import type { Clock } from '../../core/clock.js';
import type { DomainEventMap } from '../../core/events/domain-events.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Logger } from '../../core/logger.js';
import { inTransaction, type Db } from '../../db/database.js';
import { advanceCursor, findAutoAssignment } from './auto-assignment.repository.js';
import { setAssignee } from './conversation-work.repository.js';
import { findConversation } from './conversations.repository.js';
import { memberIdsOf } from './conversation-teams.repository.js';
import type { Presence, TeamDirectory } from './team.js';

export type AutoAssignerDeps = { db: Db; events: EventBus; team: TeamDirectory; presence: Presence; clock: Clock; logger: Logger };

/** Racing assigners retry this often before leaving the conversation to a human. */
const MAX_ATTEMPTS = 25;

/** Round-robin: the first agent after the cursor in id order, wrapping around. */
export function nextInRotation(agentIds: readonly string[], cursor: string | null): string | undefined {
  const sorted = [...agentIds].sort();
  return (cursor === null ? undefined : sorted.find((id) => id > cursor)) ?? sorted[0];
}

export type AutoAssigner = ReturnType<typeof createAutoAssigner>;

/**
 * Auto-assignment (per channel, off by default): a new inbound message on an unassigned, open
 * conversation goes to the next online agent of the tenant — of its team, when it has one (a new
 * conversation joins the channel's default team on creation, `touchConversation`). The cursor is persisted per channel,
 * so a restart keeps the rotation fair, and it advances by compare-and-set in the same transaction
 * as the assignment, so concurrent messages never hand two conversations to one agent on a stale turn.
 */
export function createAutoAssigner(deps: AutoAssignerDeps) {
  async function onInbound(event: DomainEventMap['message.received']): Promise<string | undefined> {
    const { tenantId, channelId, conversationId } = event;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const setting = await findAutoAssignment(deps.db, tenantId, channelId);
      if (!setting?.enabled) return undefined;
      const conversation = await findConversation(deps.db, tenantId, conversationId);
      if (!conversation || conversation.status !== 'open' || conversation.assigneeUserId !== null) return undefined;
      const online = deps.presence.onlineUserIds(tenantId);
      // A conversation in a team (the channel's default team, or moved there) goes to that team's agents only.
      const inTeam = conversation.teamId === null ? undefined : await memberIdsOf(deps.db, tenantId, conversation.teamId);
      const agents = (await deps.team.all(tenantId))
        .filter((m) => m.role === 'agent' && online.has(m.id) && (inTeam === undefined || inTeam.has(m.id)))
        .map((m) => m.id);
      const next = nextInRotation(agents, setting.lastUserId);
      if (!next) return undefined;
      const outcome = await tryAssign({ tenantId, channelId, conversationId, cursor: setting.lastUserId, next });
      if (outcome === 'assigned') {
        deps.events.publish('conversation.updated', { tenantId, conversationId, channelId, change: 'assigned' });
        return next;
      }
      if (outcome === 'taken') return undefined;
    }
    deps.logger.warn({ conversationId }, 'auto-assignment gave up after repeated races');
    return undefined;
  }

  async function tryAssign(input: { tenantId: string; channelId: string; conversationId: string; cursor: string | null; next: string }) {
    const now = deps.clock.now();
    try {
      return await inTransaction(deps.db, async (trx) => {
        const claimed = await setAssignee(trx, { tenantId: input.tenantId, id: input.conversationId, now }, input.next, { assignee: null, openOnly: true });
        if (!claimed) return 'taken' as const;
        if (!(await advanceCursor(trx, { channelId: input.channelId, from: input.cursor, to: input.next, now }))) throw new CursorMoved();
        return 'assigned' as const;
      });
    } catch (error) {
      if (error instanceof CursorMoved) return 'retry' as const;
      throw error;
    }
  }

  return {
    /** Handles one inbound message; resolves to the agent it assigned, if any. Exposed for tests. */
    onInbound,
    /** Subscribes to `message.received`; returns the unsubscribe. */
    listen(): () => void {
      return deps.events.subscribe('message.received', async (event) => {
        try {
          await onInbound(event);
        } catch (error) {
          deps.logger.error({ err: error, conversationId: event.conversationId }, 'auto-assignment failed');
        }
      });
    },
  };
}

/** Rolls the claim back: another assignment moved the cursor since we read it. */
class CursorMoved extends Error {}
