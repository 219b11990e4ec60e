import type { DbExecutor } from '../../db/database.js';
import { fromDbTime, fromDbTimeOrNull, toDbTime } from '../../db/column-types.js';

/**
 * `pending` → waits for `inbound.process`; `processed`; `failed` (could not be parsed: kept for
 * inspection, never retried); `unrouted` (no channel for its phone number / WABA: quarantined).
 */
export type InboundEventStatus = 'pending' | 'processed' | 'failed' | 'unrouted';

export type InboundEventRecord = {
  id: string;
  tenantId: string | null;
  channelId: string | null;
  provider: string;
  bodySha256: string;
  rawBody: string;
  status: InboundEventStatus;
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
};

export type NewInboundEvent = Omit<InboundEventRecord, 'processedAt'>;

/**
 * Inserts the raw events whose body hash is not stored yet (Meta re-delivers the very same bytes for
 * days) and answers the ids of the rows actually written. One multi-row statement per batch, and
 * `ON CONFLICT DO NOTHING` instead of check-then-insert, so concurrent deliveries cannot both win
 * (Chatwoot PR #13523). A body repeated inside the batch is written once.
 */
export async function insertInboundEventsIfNew(db: DbExecutor, events: readonly NewInboundEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await db
    .insertInto('inbound_events')
    .values(events.map((event) => ({
      id: event.id,
      tenant_id: event.tenantId,
      channel_id: event.channelId,
      provider: event.provider,
      body_sha256: event.bodySha256,
      raw_body: event.rawBody,
      status: event.status,
      error: event.error,
      received_at: toDbTime(event.receivedAt),
      processed_at: null,
    })))
    .onConflict((oc) => oc.column('body_sha256').doNothing())
    .returning('id')
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function findInboundEvent(db: DbExecutor, id: string): Promise<InboundEventRecord | undefined> {
  return (await findInboundEvents(db, [id])).get(id);
}

/** The stored events among `ids`, by id (one query for a job's whole batch). */
export async function findInboundEvents(db: DbExecutor, ids: readonly string[]): Promise<Map<string, InboundEventRecord>> {
  const found = new Map<string, InboundEventRecord>();
  if (ids.length === 0) return found;
  const rows = await db.selectFrom('inbound_events').selectAll().where('id', 'in', ids).execute();
  for (const row of rows) {
    found.set(row.id, {
      id: row.id,
      tenantId: row.tenant_id,
      channelId: row.channel_id,
      provider: row.provider,
      bodySha256: row.body_sha256,
      rawBody: row.raw_body,
      status: row.status as InboundEventStatus,
      error: row.error,
      receivedAt: fromDbTime(row.received_at),
      processedAt: fromDbTimeOrNull(row.processed_at),
    });
  }
  return found;
}

/** Which of `ids` are still `pending` (re-read inside the processing transaction; bodies are not read again). */
export async function pendingInboundEventIds(db: DbExecutor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('inbound_events').select('id').where('id', 'in', ids).where('status', '=', 'pending').execute();
  return new Set(rows.map((row) => row.id));
}

/** Final state of a processed or unparsable event; `note` keeps what was skipped or unmatched. */
export async function finishInboundEvent(
  db: DbExecutor,
  input: { id: string; status: 'processed' | 'failed'; note: string | null; at: Date },
): Promise<void> {
  await finishInboundEvents(db, [input], input.at);
}

export type InboundEventFinish = { id: string; status: 'processed' | 'failed'; note: string | null };

/**
 * Finishes many events: one UPDATE per distinct (status, note), which for a batch of status webhooks
 * is usually a single statement (processed, no note).
 */
export async function finishInboundEvents(db: DbExecutor, finishes: readonly InboundEventFinish[], at: Date): Promise<void> {
  const groups = new Map<string, { status: InboundEventFinish['status']; note: string | null; ids: string[] }>();
  for (const finish of finishes) {
    const key = JSON.stringify([finish.status, finish.note]);
    const group = groups.get(key) ?? { status: finish.status, note: finish.note, ids: [] };
    group.ids.push(finish.id);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    await db
      .updateTable('inbound_events')
      .set({ status: group.status, error: group.note, processed_at: toDbTime(at) })
      .where('id', 'in', group.ids)
      .execute();
  }
}
