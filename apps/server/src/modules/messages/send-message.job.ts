import { Type } from 'typebox';
import { defineJob } from '../../queue/job-queue.js';

/** Sends one stored message. Deduped per message id, so enqueueing twice never sends twice. */
export const sendMessageJob = defineJob({
  name: 'messages.send',
  schema: Type.Object({ messageId: Type.String({ minLength: 1 }) }),
  maxAttempts: 8,
  // Sends are I/O-bound; Meta's per-number throughput, not ours, should set the pace.
  concurrency: 64,
  backoff: { baseMs: 2_000, maxMs: 5 * 60_000 },
});

/** Looks once more at a message whose send outcome is unknown, after status webhooks had time to arrive. */
export const reconcileMessageJob = defineJob({
  name: 'messages.reconcile',
  schema: Type.Object({ messageId: Type.String({ minLength: 1 }) }),
  maxAttempts: 3,
});

export const RECONCILE_AFTER_MS = 15 * 60_000;
