import type { Trx } from '../../db/database.js';
import type { OutboundMessageType } from '../../providers/messaging-provider.js';
import { canSendMessageType } from '../conversations/index.js';
import { normalizeWaId } from '../contacts/index.js';
import { messagePreview } from './message-preview.js';
import { writesOf, type MessagesDeps } from './messages.deps.js';
import { idempotencyKeyReused, windowClosed } from './messages.errors.js';
import { findMessageByIdempotencyKey, insertMessage, recordStatusHistory, type MessageRecord } from './messages.repository.js';
import { sendMessageJob } from './send-message.job.js';

export type QueueMessageInput = {
  tenantId: string;
  channelId: string;
  to: string;
  type: OutboundMessageType;
  content: Record<string, unknown>;
  replyToWamid?: string | undefined;
  idempotencyKey?: string | undefined;
};

export type QueueMessageResult = { message: MessageRecord; created: boolean };

/**
 * Persist before send: the message row, its `queued` status and the send job are written in one
 * transaction, so a crash can lose neither half. A repeated Idempotency-Key returns the first message.
 */
export async function queueMessage(deps: MessagesDeps, input: QueueMessageInput): Promise<QueueMessageResult> {
  const waId = normalizeWaId(input.to);
  const existing = await findExisting(deps, input, waId);
  if (existing) return { message: existing, created: false };
  await deps.channels.getChannelContext(input.tenantId, input.channelId);
  await assertWindowAllows(deps, input, waId);

  const now = deps.clock.now();
  const message = await writesOf(deps).run((trx) => insertQueued(deps, trx, { input, waId, now }));
  if (!message) {
    // Lost an idempotency-key race with a concurrent request: answer with the winner.
    const winner = await findExisting(deps, input, waId);
    if (winner) return { message: winner, created: false };
    throw new Error('message insert conflicted without an idempotency key');
  }
  deps.events.publish('message.queued', {
    tenantId: message.tenantId,
    channelId: message.channelId,
    conversationId: message.conversationId,
    messageId: message.id,
  });
  return { message, created: true };
}

async function findExisting(deps: MessagesDeps, input: QueueMessageInput, waId: string): Promise<MessageRecord | undefined> {
  if (!input.idempotencyKey) return undefined;
  const found = await findMessageByIdempotencyKey(deps.db, input.tenantId, input.idempotencyKey);
  if (found && !isSameRequest(found, input, waId)) throw idempotencyKeyReused();
  return found;
}

/** A retry must repeat the request exactly; the same key for other content is a client bug (RELIABILITY.md OUT-11). */
function isSameRequest(found: MessageRecord, input: QueueMessageInput, waId: string): boolean {
  return found.channelId === input.channelId
    && found.contactWaId === waId
    && found.type === input.type
    && found.replyToWamid === (input.replyToWamid ?? null)
    && canonicalJson(found.content) === canonicalJson(input.content);
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the key order the content was sent in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

async function assertWindowAllows(deps: MessagesDeps, input: QueueMessageInput, waId: string): Promise<void> {
  if (input.type === 'template') return;
  const contact = await deps.contacts.findByWaId(input.tenantId, waId);
  const conversation = contact ? await deps.conversations.findByContact(input.channelId, contact.id) : undefined;
  if (!canSendMessageType(input.type, conversation?.windowExpiresAt ?? null, deps.clock.now())) throw windowClosed(waId);
}

async function insertQueued(
  deps: MessagesDeps,
  trx: Trx,
  { input, waId, now }: { input: QueueMessageInput; waId: string; now: Date },
): Promise<MessageRecord | undefined> {
  const contact = await deps.contacts.upsert({ tenantId: input.tenantId, waId, now }, trx);
  const conversation = await deps.conversations.touch(
    {
      tenantId: input.tenantId,
      channelId: input.channelId,
      contactId: contact.id,
      now,
      messageAt: now,
      preview: messagePreview(input.type, input.content),
      inbound: false,
    },
    trx,
  );
  const message = await insertMessage(
    trx,
    {
      tenantId: input.tenantId,
      channelId: input.channelId,
      conversationId: conversation.id,
      contactId: contact.id,
      contactWaId: waId,
      direction: 'outbound',
      type: input.type,
      content: input.content,
      status: 'queued',
      wamid: null,
      replyToWamid: input.replyToWamid ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      providerTimestamp: null,
    },
    now,
  );
  if (!message) return undefined;
  await recordStatusHistory(trx, { messageId: message.id, status: 'queued', at: now });
  await deps.queue.enqueue(sendMessageJob, { messageId: message.id }, { trx, dedupeKey: `messages.send:${message.id}` });
  return message;
}
