import type { AutoAssignment, UpdateAutoAssignmentRequest } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/database.js';
import { findAutoAssignment, saveAutoAssignmentEnabled } from './auto-assignment.repository.js';
import { teamNotFoundInBody } from './conversation-work.errors.js';
import { teamExists } from './conversation-teams.repository.js';

/** The channels module's lookup: throws CHANNEL_NOT_FOUND (404) for an unknown or foreign channel. */
export type ChannelLookup = { getChannel(tenantId: string, id: string): Promise<unknown> };

export type AutoAssignmentSettings = ReturnType<typeof createAutoAssignmentSettings>;

/** The per-channel switch (no row = off) and default team (no row = none). */
export function createAutoAssignmentSettings(deps: { db: Db; channels: ChannelLookup; clock: Clock }) {
  return {
    async get(tenantId: string, channelId: string): Promise<AutoAssignment> {
      await deps.channels.getChannel(tenantId, channelId);
      const setting = await findAutoAssignment(deps.db, tenantId, channelId);
      return { channelId, enabled: setting?.enabled ?? false, defaultTeamId: setting?.defaultTeamId ?? null };
    },
    async set(tenantId: string, channelId: string, input: UpdateAutoAssignmentRequest): Promise<AutoAssignment> {
      await deps.channels.getChannel(tenantId, channelId);
      const { enabled, defaultTeamId } = input;
      if (typeof defaultTeamId === 'string' && !(await teamExists(deps.db, tenantId, defaultTeamId))) throw teamNotFoundInBody(defaultTeamId);
      await saveAutoAssignmentEnabled(deps.db, { tenantId, channelId, enabled, defaultTeamId, now: deps.clock.now() });
      const setting = await findAutoAssignment(deps.db, tenantId, channelId);
      return { channelId, enabled, defaultTeamId: setting?.defaultTeamId ?? null };
    },
  };
}
