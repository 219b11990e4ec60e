import { REALTIME_HEARTBEAT_MS, REALTIME_RETRY_MS } from '@valeo/contracts';
import type { EventBus } from '../../core/events/event-bus.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { inboxRealtimeRoutes, type RealtimeStreamOptions } from './inbox-realtime.routes.js';
import { RealtimeHub } from './realtime-hub.js';

export { RealtimeHub, type RealtimeListener } from './realtime-hub.js';
export { sseComment, sseEvent, sseRetry } from './sse-format.js';

export type InboxRealtimeDeps = {
  events: EventBus;
  logger?: Logger;
  stream?: Partial<RealtimeStreamOptions>;
};

export type InboxRealtimeModule = ReturnType<typeof createInboxRealtimeModule>;

/**
 * Pushes the tenant's inbox events (messages, conversations, contacts, teams) to the web inbox over
 * Server-Sent Events. Imported by no other module: it listens to domain events (ARCHITECTURE.md
 * §3.5). `routes` mounts GET /events under /api/v1.
 */
export function createInboxRealtimeModule(deps: InboxRealtimeDeps) {
  const hub = new RealtimeHub(deps.events, deps.logger ?? silentLogger);
  const stream: RealtimeStreamOptions = {
    heartbeatMs: deps.stream?.heartbeatMs ?? REALTIME_HEARTBEAT_MS,
    retryMs: deps.stream?.retryMs ?? REALTIME_RETRY_MS,
    maxBufferedBytes: deps.stream?.maxBufferedBytes ?? 1024 * 1024,
  };
  return {
    hub,
    /** Who has the inbox open (a live stream to this process): auto-assignment's `Presence`. */
    presence: { onlineUserIds: (tenantId: string) => hub.onlineUserIds(tenantId) },
    routes: inboxRealtimeRoutes(hub, stream),
  };
}
