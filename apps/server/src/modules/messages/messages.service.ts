import type { DbExecutor } from '../../db/database.js';
import { applyStatusUpdate } from './apply-status-update.js';
import { applyStatusUpdates } from './apply-status-updates.js';
import { MEDIA_MESSAGE_TYPES, toMessageView, type MessageView } from './message-view.js';
import type { MessageMediaView, MessagesDeps } from './messages.deps.js';
import { messageNotFound } from './messages.errors.js';
import { findMessage, listMessages, listStatusHistory, type MessageFilter, type MessageRecord } from './messages.repository.js';
import type { ApplyStatusInput, ApplyStatusResult, RecordInboundInput, RecordInboundResult } from './messages.types.js';
import { decodeCursor, encodeCursor } from '../../core/pagination-cursor.js';
import { queueMessage, type QueueMessageInput } from './queue-message.js';
import { recordInboundMessage } from './record-inbound-message.js';

export type MessagesService = ReturnType<typeof createMessagesService>;

export type ListMessagesQuery = Omit<MessageFilter, 'beforeId'> & { cursor?: string | undefined };

export function createMessagesService(deps: MessagesDeps) {
  async function views(messages: MessageRecord[]): Promise<MessageView[]> {
    const [history, media] = await Promise.all([listStatusHistory(deps.db, messages.map((m) => m.id)), mediaOf(messages)]);
    return messages.map((m) => toMessageView(m, history.get(m.id) ?? [], media.get(m.id) ?? null));
  }

  /** One lookup for the whole page, and none when it holds no media messages. */
  async function mediaOf(messages: MessageRecord[]): Promise<Map<string, MessageMediaView>> {
    const withMedia = messages.filter((m) => MEDIA_MESSAGE_TYPES.includes(m.type));
    const tenantId = withMedia[0]?.tenantId;
    if (deps.media === undefined || tenantId === undefined) return new Map<string, MessageMediaView>();
    return deps.media.forMessages(tenantId, withMedia.map((m) => ({
      messageId: m.id,
      channelId: m.channelId,
      direction: m.direction,
      providerMediaId: typeof m.content['id'] === 'string' ? m.content['id'] : undefined,
    })));
  }

  return {
    /** Stores the message and schedules its send (one transaction); answers without building the full view. */
    async queue(input: QueueMessageInput): Promise<{ id: string; status: MessageRecord['status']; created: boolean }> {
      const { message, created } = await queueMessage(deps, input);
      return { id: message.id, status: message.status, created };
    },

    /** Stores the message and schedules its send (one transaction). */
    async send(input: QueueMessageInput): Promise<{ view: MessageView; created: boolean }> {
      const { message, created } = await queueMessage(deps, input);
      const [view] = await views([message]);
      return { view: view!, created };
    },

    async get(tenantId: string, id: string): Promise<MessageView> {
      const message = await findMessage(deps.db, tenantId, id);
      if (!message) throw messageNotFound(id);
      const [view] = await views([message]);
      return view!;
    },

    async list(query: ListMessagesQuery): Promise<{ data: MessageView[]; nextCursor: string | null }> {
      const after = decodeCursor(query.cursor, ['id']);
      const rows = await listMessages(deps.db, { ...query, limit: query.limit + 1, beforeId: after?.id });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { data: await views(page), nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null };
    },

    recordInbound: (input: RecordInboundInput, executor?: DbExecutor): Promise<RecordInboundResult> =>
      recordInboundMessage(deps, input, executor),

    applyStatus: (input: ApplyStatusInput, executor?: DbExecutor): Promise<ApplyStatusResult> => applyStatusUpdate(deps, input, executor),

    /** Many status items in the caller's transaction (the webhook job's batch); results in input order. */
    applyStatuses: (inputs: readonly ApplyStatusInput[], trx: DbExecutor): Promise<ApplyStatusResult[]> => applyStatusUpdates(deps, inputs, trx),
  };
}
