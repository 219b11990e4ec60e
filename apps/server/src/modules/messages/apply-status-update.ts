import { inTransaction, type DbExecutor } from '../../db/database.js';
import type { MessagesDeps } from './messages.deps.js';
import type { ApplyStatusInput, ApplyStatusResult, MessageError } from './messages.types.js';
import { advanceMessageStatus, findMessageById, findMessageByWamid, recordStatusHistory, type MessageRecord } from './messages.repository.js';

/**
 * Applies one status webhook item. Statuses arrive late, twice and out of order: the history
 * keeps one row per status, the current status only moves forward (message-status.ts). A status
 * for a message whose send response never reached us (OUTCOME_UNKNOWN) is matched by our id,
 * which Meta echoes in `biz_opaque_callback_data`; that reconciles it without resending.
 */
export async function applyStatusUpdate(deps: MessagesDeps, input: ApplyStatusInput, executor?: DbExecutor): Promise<ApplyStatusResult> {
  const run = async (db: DbExecutor) => {
    const message = await findTarget(db, input);
    if (!message) return { result: { outcome: 'message-not-found' } satisfies ApplyStatusResult, message: undefined };
    const { event } = input;
    const error = event.errors?.[0] ? toMessageError(event.errors[0]) : undefined;
    const isNew = await recordStatusHistory(db, { messageId: message.id, status: event.status, at: event.timestamp, error });
    const advanced = await advanceMessageStatus(db, {
      id: message.id,
      status: event.status,
      now: deps.clock.now(),
      wamid: event.wamid,
      ...(error ? { error } : {}),
      ...(event.pricing ? { pricing: event.pricing } : {}),
    });
    const outcome = advanced ? 'applied' : isNew ? 'recorded-older' : 'duplicate';
    return { result: { outcome, messageId: message.id } satisfies ApplyStatusResult, message: advanced ? message : undefined };
  };
  const { result, message } = executor ? await run(executor) : await inTransaction(deps.db, run);
  if (!message) return result;
  const publish = () =>
    deps.events.publish('message.status-changed', {
      tenantId: message.tenantId,
      channelId: message.channelId,
      conversationId: message.conversationId,
      messageId: message.id,
      status: input.event.status,
      previousStatus: message.status,
    });
  // In the caller's transaction: the caller publishes after its commit (nobody hears of a rollback).
  if (executor) return { ...result, afterCommit: publish };
  publish();
  return result;
}

async function findTarget(db: DbExecutor, input: ApplyStatusInput): Promise<MessageRecord | undefined> {
  const byWamid = await findMessageByWamid(db, input.channelId, input.event.wamid);
  if (byWamid) return byWamid;
  const ourId = input.event.bizOpaqueCallbackData;
  if (!ourId) return undefined;
  const byOurId = await findMessageById(db, ourId);
  // Only trust the echo for this tenant's outbound message on this channel.
  const matches = byOurId && byOurId.tenantId === input.tenantId && byOurId.channelId === input.channelId && byOurId.direction === 'outbound';
  return matches ? byOurId : undefined;
}

export function toMessageError(error: { code: number; title: string; message?: string; details?: string }): MessageError {
  return {
    code: 'PROVIDER_ERROR',
    message: error.message ?? error.title,
    vendorCode: error.code,
    vendorTitle: error.title,
    ...(error.details !== undefined ? { vendorDetails: error.details } : {}),
  };
}
