import type { AutoAssignment } from '@valeo/contracts';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/database.js';
import { findAutoAssignment, saveAutoAssignmentEnabled } from './auto-assignment.repository.js';

/** The channels module's lookup: throws CHANNEL_NOT_FOUND (404) for an unknown or foreign channel. */
export type ChannelLookup = { getChannel(tenantId: string, id: string): Promise<unknown> };

export type AutoAssignmentSettings = ReturnType<typeof createAutoAssignmentSettings>;

/** The per-channel switch (no row = off). */
export function createAutoAssignmentSettings(deps: { db: Db; channels: ChannelLookup; clock: Clock }) {
  return {
    async get(tenantId: string, channelId: string): Promise<AutoAssignment> {
      await deps.channels.getChannel(tenantId, channelId);
      const setting = await findAutoAssignment(deps.db, tenantId, channelId);
      return { channelId, enabled: setting?.enabled ?? false };
    },
    async set(tenantId: string, channelId: string, enabled: boolean): Promise<AutoAssignment> {
      await deps.channels.getChannel(tenantId, channelId);
      await saveAutoAssignmentEnabled(deps.db, { tenantId, channelId, enabled, now: deps.clock.now() });
      return { channelId, enabled };
    },
  };
}
