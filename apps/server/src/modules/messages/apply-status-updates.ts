import { toDbJson, toDbTime } from '../../db/column-types.js';
import type { DbExecutor } from '../../db/database.js';
import { newId } from '../../core/ids.js';
import { isStatusAdvance, statusesBelow } from './message-status.js';
import type { MessagesDeps } from './messages.deps.js';
import { advanceMessageStatus, findMessagesByIds, findMessagesByWamids, type MessageRecord } from './messages.repository.js';
import { type ApplyStatusInput, type ApplyStatusResult, type MessageError, type MessageStatus } from './messages.types.js';

/** What the batch does to one message: its status after the batch and the fields to set with it. */
type Advance = {
  message: MessageRecord;
  status: MessageStatus;
  wamid: string;
  error?: MessageError;
  pricing?: Record<string, unknown>;
  /** Indexes of the inputs that moved it forward, in order (each becomes an event). */
  inputs: number[];
};

/**
 * {@link applyStatusUpdate} for many status items at once, inside the caller's transaction: the
 * same rules (history keeps one row per status, the current status only moves forward, our id in
 * `biz_opaque_callback_data` matches an unanswered send), but a handful of statements for the whole
 * batch instead of three per item: the messages in one or two reads, the existing history in one,
 * the new history rows in one insert, and one guarded update per kind of move (usually one or two
 * for the batch: the messages that became `delivered`, those that became `read`). Results come
 * in input order; `afterCommit` of each result publishes its `message.status-changed`.
 */
export async function applyStatusUpdates(deps: MessagesDeps, inputs: readonly ApplyStatusInput[], trx: DbExecutor): Promise<ApplyStatusResult[]> {
  if (inputs.length === 0) return [];
  const targets = await findTargets(trx, inputs);
  const messageIds = [...new Set([...targets.values()].map((m) => m.id))];
  const seen = await existingHistory(trx, messageIds);
  const current = new Map(messageIds.map((id) => [id, targets.get(id)!.status] as const));
  const newHistory: { messageId: string; status: MessageStatus; at: Date; error?: MessageError }[] = [];
  const advances = new Map<string, Advance>();
  const results: ApplyStatusResult[] = inputs.map((input, index) => {
    const message = targetOf(targets, input);
    if (message === undefined) return { outcome: 'message-not-found' };
    const { event } = input;
    const error = event.errors?.[0] ? statusErrorOf(event.errors[0]) : undefined;
    const key = `${message.id} ${event.status}`;
    const isNew = !seen.has(key);
    if (isNew) {
      seen.add(key);
      newHistory.push({ messageId: message.id, status: event.status, at: event.timestamp, ...(error ? { error } : {}) });
    }
    if (!isStatusAdvance(current.get(message.id)!, event.status)) return { outcome: isNew ? 'recorded-older' : 'duplicate', messageId: message.id };
    current.set(message.id, event.status);
    const advance = advances.get(message.id) ?? { message, status: event.status, wamid: event.wamid, inputs: [] };
    Object.assign(advance, { status: event.status }, error ? { error } : {}, event.pricing ? { pricing: event.pricing } : {});
    advance.inputs.push(index);
    advances.set(message.id, advance);
    return { outcome: 'applied', messageId: message.id };
  });
  await insertHistory(trx, newHistory);
  const advanced = await writeAdvances(trx, [...advances.values()], deps.clock.now());
  for (const advance of advances.values()) {
    if (advanced.has(advance.message.id)) {
      attachEvents(deps, inputs, results, advance);
    } else {
      // Another worker moved the message past this batch meanwhile: nothing of ours advanced it.
      for (const index of advance.inputs) results[index] = { outcome: 'recorded-older', messageId: advance.message.id };
    }
  }
  return results;
}

/** Messages by (channel, wamid), plus, for wamids we never recorded, by our id echoed back. */
async function findTargets(db: DbExecutor, inputs: readonly ApplyStatusInput[]): Promise<Map<string, MessageRecord>> {
  const found = new Map<string, MessageRecord>();
  const byChannel = new Map<string, Set<string>>();
  for (const input of inputs) byChannel.set(input.channelId, (byChannel.get(input.channelId) ?? new Set()).add(input.event.wamid));
  for (const [channelId, wamids] of byChannel) {
    for (const message of await findMessagesByWamids(db, channelId, [...wamids])) {
      found.set(message.id, message);
      found.set(wamidKey(channelId, message.wamid!), message);
    }
  }
  const echoed = inputs.filter((i) => !found.has(wamidKey(i.channelId, i.event.wamid)) && i.event.bizOpaqueCallbackData);
  const ourIds = [...new Set(echoed.map((i) => i.event.bizOpaqueCallbackData!))].filter((id) => !found.has(id));
  for (const message of await findMessagesByIds(db, ourIds)) found.set(message.id, message);
  return found;
}

function targetOf(found: Map<string, MessageRecord>, input: ApplyStatusInput): MessageRecord | undefined {
  const byWamid = found.get(wamidKey(input.channelId, input.event.wamid));
  if (byWamid) return byWamid;
  const ourId = input.event.bizOpaqueCallbackData;
  const byOurId = ourId ? found.get(ourId) : undefined;
  // Only trust the echo for this tenant's outbound message on this channel.
  const matches = byOurId && byOurId.tenantId === input.tenantId && byOurId.channelId === input.channelId && byOurId.direction === 'outbound';
  return matches ? byOurId : undefined;
}

const wamidKey = (channelId: string, wamid: string) => `wamid ${channelId} ${wamid}`;

async function existingHistory(db: DbExecutor, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.selectFrom('message_statuses').select(['message_id', 'status']).where('message_id', 'in', messageIds).execute();
  return new Set(rows.map((r) => `${r.message_id} ${r.status}`));
}

async function insertHistory(db: DbExecutor, rows: { messageId: string; status: MessageStatus; at: Date; error?: MessageError }[]): Promise<void> {
  // Bounded statement size: 5 parameters per row, far below both dialects' limits.
  for (let start = 0; start < rows.length; start += 200) {
    const values = rows.slice(start, start + 200).map((row) => ({
      id: newId(),
      message_id: row.messageId,
      status: row.status,
      at: toDbTime(row.at),
      error: row.error ? toDbJson(row.error) : null,
    }));
    await db.insertInto('message_statuses').values(values).onConflict((oc) => oc.columns(['message_id', 'status']).doNothing()).execute();
  }
}

/**
 * The guarded updates of a batch, returning the ids that moved. Advances with the same target status,
 * error and pricing share one `UPDATE … WHERE id IN (…) AND status IN (lower ones) RETURNING id`
 * (one statement instead of one per message: on PostgreSQL each is a round trip). A message still
 * without a wamid (an unanswered send matched by our id) gets its own update, since only it names
 * the wamid column: naming it in SET would rewrite both wamid indexes even for the unchanged value.
 */
async function writeAdvances(db: DbExecutor, advances: readonly Advance[], now: Date): Promise<Set<string>> {
  const moved = new Set<string>();
  const groups = new Map<string, { sample: Advance; ids: string[] }>();
  for (const advance of advances) {
    if (advance.message.wamid === null) {
      if (await writeAdvance(db, advance, now)) moved.add(advance.message.id);
      continue;
    }
    const key = JSON.stringify([advance.status, advance.error ?? null, advance.pricing ?? null]);
    const group = groups.get(key) ?? { sample: advance, ids: [] };
    group.ids.push(advance.message.id);
    groups.set(key, group);
  }
  for (const { sample, ids } of groups.values()) {
    const lower = statusesBelow(sample.status);
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await db
        .updateTable('messages')
        .set({
          status: sample.status,
          updated_at: toDbTime(now),
          ...(sample.error ? { error: toDbJson(sample.error) } : {}),
          ...(sample.pricing ? { pricing: toDbJson(sample.pricing) } : {}),
        })
        .where('id', 'in', ids.slice(start, start + 500))
        .where('status', 'in', lower)
        .returning('id')
        .execute();
      for (const row of rows) moved.add(row.id);
    }
  }
  return moved;
}

/** One guarded update for a message that still lacks its wamid (as advanceMessageStatus). */
function writeAdvance(db: DbExecutor, advance: Advance, now: Date): Promise<boolean> {
  return advanceMessageStatus(db, {
    id: advance.message.id,
    status: advance.status,
    now,
    wamid: advance.wamid,
    error: advance.error,
    pricing: advance.pricing,
  });
}

/** One `message.status-changed` per input that moved the message, each naming the status before it. */
function attachEvents(deps: MessagesDeps, inputs: readonly ApplyStatusInput[], results: ApplyStatusResult[], advance: Advance): void {
  let previous = advance.message.status;
  for (const index of advance.inputs) {
    const status = inputs[index]!.event.status;
    const previousStatus = previous;
    const { message } = advance;
    results[index] = {
      ...results[index]!,
      afterCommit: () => deps.events.publish('message.status-changed', {
        tenantId: message.tenantId, channelId: message.channelId, conversationId: message.conversationId, messageId: message.id, status, previousStatus,
      }),
    };
    previous = status;
  }
}

function statusErrorOf(error: { code: number; title: string; message?: string; details?: string }): MessageError {
  return {
    code: 'PROVIDER_ERROR',
    message: error.message ?? error.title,
    vendorCode: error.code,
    vendorTitle: error.title,
    ...(error.details !== undefined ? { vendorDetails: error.details } : {}),
  };
}
