import type { DbExecutor } from '../../db/database.js';
import { DeferJobError, RetryJobError } from '../../queue/job-errors.js';
import type { JobContext } from '../../queue/job-queue.js';
import { jobSettings } from '../../queue/job-queue.js';
import type { OutboundMessage, OutboundMessageType } from '../../providers/messaging-provider.js';
import { writesOf, type MessagesDeps } from './messages.deps.js';
import type { MessageError, MessageStatus } from './messages.types.js';
import { advanceMessageStatus, findMessageById, recordStatusHistory, setMessageStatus, type MessageRecord } from './messages.repository.js';
import { circuitOutcomeOf, decideOnSendError } from './retry-policy.js';
import { RECONCILE_AFTER_MS, reconcileMessageJob, sendMessageJob } from './send-message.job.js';

/** Fallback pause for a held message when the circuit has no open period to report. */
const HOLD_RETRY_MS = 60_000;

/**
 * The `messages.send` handler. Idempotent: a message that is no longer queued is left alone.
 * The row is marked `sending` (committed) right before the HTTP call, so a re-run that finds
 * `sending` knows a previous attempt may have reached Meta and parks it instead of resending.
 */
export async function sendQueuedMessage(deps: MessagesDeps, messageId: string, ctx: JobContext): Promise<void> {
  const message = await findMessageById(deps.db, messageId);
  if (!message || message.direction !== 'outbound') return;
  if (message.status === 'sending') return parkUnknown(deps, message, interruptedError());
  if (message.status !== 'queued') return;

  const channel = await deps.channels.getChannelContext(message.tenantId, message.channelId);
  const admission = deps.circuit?.admit(channel.channelId) ?? { admitted: true };
  if (!admission.admitted) throw new DeferJobError('sends of this channel are paused after failures (circuit open)', { retryAfterMs: admission.retryInMs });
  await deps.sendPacer?.wait(channel.channelId);
  const sendingAt = deps.clock.now();
  await writesOf(deps).run((trx) => setMessageStatus(trx, { id: message.id, status: 'sending', now: sendingAt, incrementAttempts: true }));
  try {
    const { providerMessageId } = await deps.providerFor(channel).send(toOutbound(message), channel);
    deps.circuit?.record(channel.channelId, 'success');
    await markSent(deps, message, providerMessageId);
  } catch (error) {
    const outcome = circuitOutcomeOf(error);
    if (outcome !== undefined) deps.circuit?.record(channel.channelId, outcome);
    await handleSendError(deps, { message, error, attempt: ctx.attempt });
  }
}

function toOutbound(message: MessageRecord): OutboundMessage {
  return {
    id: message.id,
    to: message.contactWaId,
    type: message.type as OutboundMessageType,
    content: message.content,
    ...(message.replyToWamid ? { replyToWamid: message.replyToWamid } : {}),
  };
}

async function markSent(deps: MessagesDeps, message: MessageRecord, wamid: string): Promise<void> {
  const now = deps.clock.now();
  const advanced = await writesOf(deps).run(async (trx) => {
    // A status webhook may have overtaken us (matched by biz_opaque_callback_data): never move back.
    const moved = await advanceMessageStatus(trx, { id: message.id, status: 'sent', now, wamid, error: null });
    if (!moved) await setWamidIfMissing(trx, message.id, wamid);
    await recordStatusHistory(trx, { messageId: message.id, status: 'sent', at: now });
    return moved;
  });
  if (advanced) publishStatus(deps, message, 'sent');
}

async function setWamidIfMissing(db: DbExecutor, id: string, wamid: string): Promise<void> {
  await db.updateTable('messages').set({ wamid }).where('id', '=', id).where('wamid', 'is', null).execute();
}

async function handleSendError(deps: MessagesDeps, opts: { message: MessageRecord; error: unknown; attempt: number }): Promise<void> {
  const { message, error, attempt } = opts;
  const decision = decideOnSendError(error, attempt, jobSettings(sendMessageJob).maxAttempts);
  const now = deps.clock.now();
  if (decision.action === 'retry') {
    await setMessageStatus(deps.db, { id: message.id, status: 'queued', now, error: decision.error });
    deps.logger.warn({ messageId: message.id, attempt, error: decision.error }, 'send failed; will retry');
    if (decision.retryAfterMs !== undefined) throw new RetryJobError(decision.error.message, { retryAfterMs: decision.retryAfterMs });
    throw error instanceof Error ? error : new Error(String(error));
  }
  if (decision.action === 'park-unknown') return parkUnknown(deps, message, decision.error);
  if (decision.action === 'hold' && deps.circuit) return hold(deps, message, decision.error);
  await fail(deps, message, decision.error);
}

/** Not sent, not failed: back to `queued` (with the reason to show) until the channel works again. */
async function hold(deps: MessagesDeps, message: MessageRecord, error: MessageError): Promise<never> {
  await setMessageStatus(deps.db, { id: message.id, status: 'queued', now: deps.clock.now(), error });
  deps.logger.error({ messageId: message.id, channelId: message.channelId, error }, 'channel credentials refused; its sends are held until they work again');
  const retryAfterMs = deps.circuit?.pausedForMs(message.channelId) || HOLD_RETRY_MS;
  throw new DeferJobError(`held: ${error.message}`, { retryAfterMs });
}

async function fail(deps: MessagesDeps, message: MessageRecord, error: MessageError): Promise<void> {
  const now = deps.clock.now();
  const advanced = await advanceMessageStatus(deps.db, { id: message.id, status: 'failed', now, error });
  if (!advanced) return;
  await recordStatusHistory(deps.db, { messageId: message.id, status: 'failed', at: now, error });
  publishStatus(deps, message, 'failed');
}

async function parkUnknown(deps: MessagesDeps, message: MessageRecord, error: MessageError): Promise<void> {
  const now = deps.clock.now();
  // advance, not set: a status webhook that already resolved the message must win.
  const advanced = await advanceMessageStatus(deps.db, { id: message.id, status: 'unknown', now, error });
  if (!advanced) return;
  await recordStatusHistory(deps.db, { messageId: message.id, status: 'unknown', at: now, error });
  await deps.queue.enqueue(
    reconcileMessageJob,
    { messageId: message.id },
    { dedupeKey: `messages.reconcile:${message.id}`, runAt: new Date(now.getTime() + RECONCILE_AFTER_MS) },
  );
  deps.logger.warn({ messageId: message.id, error }, 'send outcome unknown; parked for reconciliation, not resent');
  publishStatus(deps, message, 'unknown');
}

function interruptedError(): MessageError {
  return {
    code: 'OUTCOME_UNKNOWN',
    message: 'The process stopped while this message was being handed to WhatsApp; it may or may not have been sent',
  };
}

function publishStatus(deps: MessagesDeps, message: MessageRecord, status: MessageStatus): void {
  deps.events.publish('message.status-changed', {
    tenantId: message.tenantId,
    channelId: message.channelId,
    conversationId: message.conversationId,
    messageId: message.id,
    status,
    previousStatus: message.status,
  });
}

/** The `messages.reconcile` handler: still unknown after the wait → say so plainly; never resend. */
export async function reconcileMessage(deps: MessagesDeps, messageId: string): Promise<void> {
  const message = await findMessageById(deps.db, messageId);
  if (!message || message.status !== 'unknown') return;
  await setMessageStatus(deps.db, {
    id: message.id,
    status: 'unknown',
    now: deps.clock.now(),
    error: {
      code: 'OUTCOME_UNKNOWN',
      message: `No status from WhatsApp ${RECONCILE_AFTER_MS / 60_000} minutes after an interrupted send. It was not resent automatically; resend it explicitly if the customer did not receive it.`,
    },
  });
}
