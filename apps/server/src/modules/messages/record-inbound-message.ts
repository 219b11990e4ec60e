import { inTransaction, type DbExecutor } from '../../db/database.js';
import { newId, newIdAt } from '../../core/ids.js';
import { messagePreview } from './message-preview.js';
import type { MessagesDeps } from './messages.deps.js';
import type { RecordInboundInput, RecordInboundResult } from './messages.types.js';
import { findMessageByWamid, insertMessage, recordStatusHistory } from './messages.repository.js';

class DuplicateInbound extends Error {}

/**
 * Stores a customer's message once (unique per channel + wamid), upserting the contact and the
 * conversation and opening the 24-hour window from the message's own timestamp. A replay returns
 * the stored message with `duplicate: true` and changes nothing (no second unread count). In the
 * caller's transaction (`executor`), losing the insert to a concurrent transaction throws instead,
 * so that the caller rolls back the contact and conversation updates made before it.
 */
export async function recordInboundMessage(deps: MessagesDeps, input: RecordInboundInput, executor?: DbExecutor): Promise<RecordInboundResult> {
  const known = await findMessageByWamid(executor ?? deps.db, input.channelId, input.event.wamid);
  if (known) return { messageId: known.id, conversationId: known.conversationId, duplicate: true };
  try {
    const result = executor ? await store(deps, input, executor) : await inTransaction(deps.db, (trx) => store(deps, input, trx));
    const publish = () =>
      deps.events.publish('message.received', {
        tenantId: input.tenantId,
        channelId: input.channelId,
        conversationId: result.conversationId,
        messageId: result.messageId,
        contactWaId: input.event.from,
        type: input.event.type,
      });
    if (executor) return { ...result, afterCommit: publish };
    publish();
    return result;
  } catch (error) {
    if (!(error instanceof DuplicateInbound)) throw error;
    // A concurrent transaction won the insert. In the caller's transaction our contact and
    // conversation updates (a second unread count) are still in it: only the caller can roll them
    // back, and its retry then finds the stored message.
    if (executor) throw new Error('inbound message was stored by a concurrent transaction; roll back and retry', { cause: error });
    // In our own transaction, which rolled back.
    const winner = await findMessageByWamid(deps.db, input.channelId, input.event.wamid);
    if (!winner) throw new Error(`inbound ${input.event.wamid} conflicted but is not stored`, { cause: error });
    return { messageId: winner.id, conversationId: winner.conversationId, duplicate: true };
  }
}

/**
 * A conversation lists its messages in id order (UUIDv7, creation time). A message Meta delivers
 * late (a retry after an outage of ours, a re-delivery, webhooks overtaking each other) is given an
 * id at the end of the second Meta stamped it with, so it lands where the customer wrote it instead
 * of at the bottom. A live message (Meta's timestamp is whole seconds, so within that second's end)
 * keeps its arrival time: an immediate reply must not sort before the message it answers.
 */
function inboundMessageId(sentAt: Date, now: Date): string {
  const lateMs = now.getTime() - (sentAt.getTime() + 999);
  // Ids carry the process clock (ids.ts); the lateness is measured on the Hub's clock.
  return lateMs > 0 ? newIdAt(Date.now() - lateMs) : newId();
}

async function store(deps: MessagesDeps, input: RecordInboundInput, db: DbExecutor): Promise<RecordInboundResult> {
  const { event, tenantId, channelId } = input;
  const now = deps.clock.now();
  const contact = await deps.contacts.upsert({ tenantId, waId: event.from, profileName: event.profileName, inboundAt: event.timestamp, now }, db);
  const conversation = await deps.conversations.touch(
    { tenantId, channelId, contactId: contact.id, now, messageAt: event.timestamp, preview: messagePreview(event.type, event.content), inbound: true },
    db,
  );
  const message = await insertMessage(
    db,
    {
      id: inboundMessageId(event.timestamp, now),
      tenantId,
      channelId,
      conversationId: conversation.id,
      contactId: contact.id,
      contactWaId: event.from,
      direction: 'inbound',
      type: event.type,
      content: event.content,
      status: 'received',
      wamid: event.wamid,
      replyToWamid: event.contextWamid ?? null,
      idempotencyKey: null,
      providerTimestamp: event.timestamp,
    },
    now,
  );
  if (!message) throw new DuplicateInbound();
  await recordStatusHistory(db, { messageId: message.id, status: 'received', at: event.timestamp });
  return { messageId: message.id, conversationId: conversation.id, duplicate: false };
}
