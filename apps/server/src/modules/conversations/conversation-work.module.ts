import type { Clock } from '../../core/clock.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { Db } from '../../db/database.js';
import type { ContactsService } from '../contacts/index.js';
import type { ConversationLabels } from './present-conversations.js';
import { createAutoAssignmentSettings, type ChannelLookup } from './auto-assignment-settings.js';
import { createAutoAssigner } from './auto-assignment.js';
import { conversationWorkRoutes } from './conversation-work.routes.js';
import { createConversationWorkService } from './conversation-work.service.js';
import { teamNames } from './conversation-teams.repository.js';
import type { Presence, TeamDirectory } from './team.js';

export type ConversationWorkModuleDeps = {
  db: Db;
  events: EventBus;
  clock: Clock;
  team: TeamDirectory;
  presence: Presence;
  channels: ChannelLookup;
  contacts: ContactsService;
  labels: ConversationLabels;
  logger?: Logger;
};

export type ConversationWorkModule = ReturnType<typeof createConversationWorkModule>;

/**
 * Work management on conversations: assignment, close/reopen, read, auto-assignment. `routes`
 * mounts under /api/v1; call `autoAssigner.listen()` where inbound messages are processed.
 */
export function createConversationWorkModule(deps: ConversationWorkModuleDeps) {
  const service = createConversationWorkService(deps);
  const settings = createAutoAssignmentSettings(deps);
  const autoAssigner = createAutoAssigner({ ...deps, logger: deps.logger ?? silentLogger });
  const present = {
    contacts: deps.contacts, team: deps.team, labels: deps.labels, now: () => deps.clock.now(),
    teams: (tenantId: string, ids: readonly string[]) => teamNames(deps.db, tenantId, ids),
  };
  return {
    service,
    settings,
    autoAssigner,
    routes: conversationWorkRoutes({ work: service, settings, team: deps.team, presence: deps.presence, present }),
  };
}
