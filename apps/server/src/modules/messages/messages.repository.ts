import { sql, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.js';
import { fromDbJson, fromDbTime, fromDbTimeOrNull, toDbJson, toDbTime } from '../../db/column-types.js';
import type { MessagesTable } from '../../db/tables/messaging.tables.js';
import { newId } from '../../core/ids.js';
import { searchDocument } from '../../core/search-text.js';
import { PreparedQuery } from '../../db/prepared-query.js';
import { statusesBelow, statusRank } from './message-status.js';
import type { MessageError, MessageStatus } from './messages.types.js';

export type MessageRecord = {
  id: string;
  tenantId: string;
  channelId: string;
  conversationId: string;
  contactId: string;
  contactWaId: string;
  direction: 'inbound' | 'outbound';
  type: string;
  content: Record<string, unknown>;
  status: MessageStatus;
  wamid: string | null;
  replyToWamid: string | null;
  idempotencyKey: string | null;
  error: MessageError | null;
  pricing: Record<string, unknown> | null;
  sendAttempts: number;
  providerTimestamp: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type NewMessage = Omit<MessageRecord, 'id' | 'error' | 'pricing' | 'sendAttempts' | 'createdAt' | 'updatedAt'> & { id?: string };

type InsertMessageParams = {
  id: string; tenantId: string; channelId: string; conversationId: string; contactId: string; contactWaId: string;
  direction: 'inbound' | 'outbound'; type: string; content: string; status: string; wamid: string | null;
  replyToWamid: string | null; idempotencyKey: string | null; providerTimestamp: string | null; at: string; searchText: string | null;
};

/** Prepared once: every message sent or received is inserted through it. */
const insertMessageStatement = new PreparedQuery<InsertMessageParams>((db, p) =>
  db
    .insertInto('messages')
    .values({
      id: p('id'),
      tenant_id: p('tenantId'),
      channel_id: p('channelId'),
      conversation_id: p('conversationId'),
      contact_id: p('contactId'),
      contact_wa_id: p('contactWaId'),
      direction: p('direction'),
      type: p('type'),
      content: p('content'),
      status: p('status'),
      wamid: p('wamid'),
      reply_to_wamid: p('replyToWamid'),
      idempotency_key: p('idempotencyKey'),
      error: null,
      pricing: null,
      send_attempts: 0,
      provider_timestamp: p('providerTimestamp'),
      created_at: p('at'),
      updated_at: p('at'),
      search_text: p('searchText'),
    })
    .onConflict((oc) => oc.doNothing()));

/**
 * Inserts a message; returns undefined when the (channel, wamid) or (tenant, idempotency key) already
 * exists. The record is built from what was written rather than read back (`RETURNING *` would
 * re-read the row, content JSON included, on the hottest write path).
 */
export async function insertMessage(db: DbExecutor, message: NewMessage, now: Date): Promise<MessageRecord | undefined> {
  const at = toDbTime(now);
  const id = message.id ?? newId();
  const inserted = await insertMessageStatement.affectedRows(db, {
    id,
    tenantId: message.tenantId,
    channelId: message.channelId,
    conversationId: message.conversationId,
    contactId: message.contactId,
    contactWaId: message.contactWaId,
    direction: message.direction,
    type: message.type,
    content: toDbJson(message.content),
    status: message.status,
    wamid: message.wamid,
    replyToWamid: message.replyToWamid,
    idempotencyKey: message.idempotencyKey,
    providerTimestamp: message.providerTimestamp ? toDbTime(message.providerTimestamp) : null,
    at,
    searchText: messageSearchText(message.content),
  });
  if (inserted === 0) return undefined;
  // Times as the database keeps them (millisecond precision), so the record equals a re-read.
  const stored = fromDbTime(at);
  return { ...message, id, error: null, pricing: null, sendAttempts: 0, createdAt: stored, updatedAt: stored };
}

/**
 * What search indexes of a message (ADR 0008/0012): its text body and caption, when they are strings,
 * folded. Migration 0011 applies the same rule to rows stored before it.
 */
export function messageSearchText(content: Record<string, unknown>): string | null {
  return searchDocument([content['body'], content['caption']].map((v) => (typeof v === 'string' ? v : null)));
}

export async function findMessage(db: DbExecutor, tenantId: string, id: string): Promise<MessageRecord | undefined> {
  const row = await db.selectFrom('messages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

const findMessageByIdStatement = new PreparedQuery<{ id: string }, Selectable<MessagesTable>>((db, p) =>
  db.selectFrom('messages').selectAll().where('id', '=', p('id')));

/** For jobs, which carry only our id. */
export async function findMessageById(db: DbExecutor, id: string): Promise<MessageRecord | undefined> {
  const row = await findMessageByIdStatement.takeFirst(db, { id });
  return row ? toMessage(row) : undefined;
}

export async function findMessageByIdempotencyKey(db: DbExecutor, tenantId: string, key: string): Promise<MessageRecord | undefined> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

export async function findMessageByWamid(db: DbExecutor, channelId: string, wamid: string): Promise<MessageRecord | undefined> {
  const row = await db.selectFrom('messages').selectAll().where('channel_id', '=', channelId).where('wamid', '=', wamid).executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

/** Messages of a channel by wamid (status webhooks in bulk); chunked to keep statements small. */
export async function findMessagesByWamids(db: DbExecutor, channelId: string, wamids: readonly string[]): Promise<MessageRecord[]> {
  const found: MessageRecord[] = [];
  for (let start = 0; start < wamids.length; start += 500) {
    const rows = await db.selectFrom('messages').selectAll().where('channel_id', '=', channelId).where('wamid', 'in', wamids.slice(start, start + 500)).execute();
    found.push(...rows.map(toMessage));
  }
  return found;
}

export async function findMessagesByIds(db: DbExecutor, ids: readonly string[]): Promise<MessageRecord[]> {
  const found: MessageRecord[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db.selectFrom('messages').selectAll().where('id', 'in', ids.slice(start, start + 500)).execute();
    found.push(...rows.map(toMessage));
  }
  return found;
}

export type StatusUpdate = {
  id: string;
  status: MessageStatus;
  now: Date;
  wamid?: string | undefined;
  error?: MessageError | null | undefined;
  pricing?: Record<string, unknown> | undefined;
  incrementAttempts?: boolean;
};

type StatusSetParams = { id: string; status: string; updatedAt: string; wamid: string; error: string | null; pricing: string };

/**
 * The UPDATE for one shape of {@link StatusUpdate} (which optional columns it sets, and for an
 * advance the statuses it may move from), prepared once per shape: the send pipeline runs two
 * per message.
 */
function statusSetStatement(kind: 'advance' | 'set', update: StatusUpdate, lower: readonly MessageStatus[]) {
  return new PreparedQuery<StatusSetParams>((db, p) => {
    const query = db
      .updateTable('messages')
      .set({
        status: p('status'),
        updated_at: p('updatedAt'),
        ...(update.wamid !== undefined ? { wamid: kind === 'advance' ? sql<string>`coalesce(wamid, ${p('wamid')})` : p('wamid') } : {}),
        ...(update.error !== undefined ? { error: p('error') } : {}),
        ...(kind === 'advance' && update.pricing !== undefined ? { pricing: p('pricing') } : {}),
        ...(update.incrementAttempts ? { send_attempts: sql<number>`send_attempts + 1` } : {}),
      })
      .where('id', '=', p('id'));
    return kind === 'advance' ? query.where('status', 'in', [...lower]) : query;
  });
}

const statusSetStatements = new Map<string, PreparedQuery<StatusSetParams>>();

function statusSet(db: DbExecutor, kind: 'advance' | 'set', update: StatusUpdate, lower: readonly MessageStatus[] = []): Promise<number> {
  const shape = [kind, update.wamid !== undefined, update.error !== undefined, kind === 'advance' && update.pricing !== undefined,
    update.incrementAttempts === true, ...lower].join('|');
  let statement = statusSetStatements.get(shape);
  if (statement === undefined) {
    statement = statusSetStatement(kind, update, lower);
    statusSetStatements.set(shape, statement);
  }
  return statement.affectedRows(db, {
    id: update.id,
    status: update.status,
    updatedAt: toDbTime(update.now),
    // Unused by shapes without the column: bound only where the statement names them.
    wamid: update.wamid ?? '',
    error: update.error ? toDbJson(update.error) : null,
    pricing: update.pricing !== undefined ? toDbJson(update.pricing) : '',
  });
}

/**
 * Moves a message to `status` only if that is an advance (race-safe: the rank check is in the
 * WHERE clause, so two workers applying statuses concurrently cannot move it backwards).
 * Returns whether a row changed.
 */
export async function advanceMessageStatus(db: DbExecutor, update: StatusUpdate): Promise<boolean> {
  const lower = statusesBelow(update.status);
  if (lower.length === 0) return false;
  return (await statusSet(db, 'advance', update, lower)) > 0;
}

/** Unconditional set, for the send pipeline's own transitions (e.g. back to queued on a rate limit). */
export async function setMessageStatus(db: DbExecutor, update: StatusUpdate): Promise<void> {
  await statusSet(db, 'set', update);
}

type StatusHistoryParams = { id: string; messageId: string; status: string; at: string; error: string | null };

const insertStatusHistoryStatement = new PreparedQuery<StatusHistoryParams>((db, p) =>
  db
    .insertInto('message_statuses')
    .values({ id: p('id'), message_id: p('messageId'), status: p('status'), at: p('at'), error: p('error') })
    .onConflict((oc) => oc.columns(['message_id', 'status']).doNothing()));

/** Records a status in the history; a replayed status is ignored. Returns whether it was new. */
export async function recordStatusHistory(
  db: DbExecutor,
  entry: { messageId: string; status: MessageStatus; at: Date; error?: MessageError | undefined },
): Promise<boolean> {
  const inserted = await insertStatusHistoryStatement.affectedRows(db, {
    id: newId(),
    messageId: entry.messageId,
    status: entry.status,
    at: toDbTime(entry.at),
    error: entry.error ? toDbJson(entry.error) : null,
  });
  return inserted > 0;
}

export async function listStatusHistory(db: DbExecutor, messageIds: string[]): Promise<Map<string, { status: MessageStatus; at: Date }[]>> {
  const byMessage = new Map<string, { status: MessageStatus; at: Date }[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db.selectFrom('message_statuses').select(['message_id', 'status', 'at']).where('message_id', 'in', messageIds).execute();
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    list.push({ status: row.status as MessageStatus, at: fromDbTime(row.at) });
    byMessage.set(row.message_id, list);
  }
  // Lifecycle order, not timestamp order: Meta's webhook timestamps have whole-second precision,
  // so a `read` can carry an earlier time than our own millisecond `queued`.
  for (const list of byMessage.values()) list.sort((a, b) => statusRank(a.status) - statusRank(b.status) || a.at.getTime() - b.at.getTime());
  return byMessage;
}

export type MessageFilter = {
  tenantId: string;
  limit: number;
  beforeId?: string | undefined;
  channelId?: string | undefined;
  conversationId?: string | undefined;
  contactId?: string | undefined;
  contactWaId?: string | undefined;
  direction?: 'inbound' | 'outbound' | undefined;
  wamid?: string | undefined;
};

/** Newest first, keyset-paginated by id (UUIDv7: creation order). */
export async function listMessages(db: DbExecutor, filter: MessageFilter): Promise<MessageRecord[]> {
  let query = db.selectFrom('messages').selectAll().where('tenant_id', '=', filter.tenantId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  if (filter.channelId) query = query.where('channel_id', '=', filter.channelId);
  if (filter.conversationId) query = query.where('conversation_id', '=', filter.conversationId);
  if (filter.contactId) query = query.where('contact_id', '=', filter.contactId);
  if (filter.contactWaId) query = query.where('contact_wa_id', '=', filter.contactWaId);
  if (filter.direction) query = query.where('direction', '=', filter.direction);
  if (filter.wamid) query = query.where('wamid', '=', filter.wamid);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toMessage);
}

function toMessage(row: Selectable<MessagesTable>): MessageRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    channelId: row.channel_id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    contactWaId: row.contact_wa_id,
    direction: row.direction === 'inbound' ? 'inbound' : 'outbound',
    type: row.type,
    content: fromDbJson<Record<string, unknown>>(row.content),
    status: row.status as MessageStatus,
    wamid: row.wamid,
    replyToWamid: row.reply_to_wamid,
    idempotencyKey: row.idempotency_key,
    error: row.error === null ? null : fromDbJson<MessageError>(row.error),
    pricing: row.pricing === null ? null : fromDbJson<Record<string, unknown>>(row.pricing),
    sendAttempts: row.send_attempts,
    providerTimestamp: fromDbTimeOrNull(row.provider_timestamp),
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
  };
}
