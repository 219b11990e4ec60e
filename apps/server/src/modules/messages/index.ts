import type { FastifyInstance } from 'fastify';
import type { JobQueue } from '../../queue/job-queue.js';
import type { MessagesDeps } from './messages.deps.js';
import { registerMessagesRoutes } from './messages.routes.js';
import { createMessagesService } from './messages.service.js';
import { reconcileMessage, sendQueuedMessage } from './send-queued-message.js';
import { reconcileMessageJob, sendMessageJob } from './send-message.job.js';
import { registerConversationMessagesRoute } from './conversation-messages.routes.js';

export type { ChannelAccess, MessageMediaLookup, MessageMediaView, MessagesDeps, SendPacer } from './messages.deps.js';
export type { MessagesService } from './messages.service.js';
export type { MessageView } from './message-view.js';
export * from './messages.types.js';
export { sendMessageJob, reconcileMessageJob } from './send-message.job.js';
export { ChannelCircuitBreaker } from './channel-circuit.js';

export type MessagesModule = ReturnType<typeof createMessagesModule>;

/** Outbound pipeline, inbound persistence and status updates. */
export function createMessagesModule(deps: MessagesDeps) {
  const service = createMessagesService(deps);
  return {
    service,
    /** Under /api/v1 (authenticated). */
    registerRoutes(app: FastifyInstance): void {
      registerMessagesRoutes(app, service);
      registerConversationMessagesRoute(app, { service, conversations: deps.conversations });
    },
    /** Worker role: the handlers for this module's jobs. */
    registerJobs(queue: JobQueue): void {
      queue.work(sendMessageJob, (payload, ctx) => sendQueuedMessage(deps, payload.messageId, ctx));
      queue.work(reconcileMessageJob, (payload) => reconcileMessage(deps, payload.messageId));
    },
  };
}
