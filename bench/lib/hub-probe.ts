import type { Db } from '../../apps/server/src/db/database.js';

/**
 * Read-only queries the benchmark runs inside the Hub process between phases: queue depth, and
 * what the database says happened (the figures count rows, not HTTP answers). Timestamps on SQLite
 * are ISO-8601 text, so `since` compares as text.
 */
export type QueueDepth = { open: number; byName: Record<string, number> };

export async function queueDepth(db: Db): Promise<QueueDepth> {
  const rows = await db
    .selectFrom('jobs')
    .select(['name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'running'])
    .groupBy('name')
    .execute();
  const byName = Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
  return { open: rows.reduce((sum, row) => sum + Number(row.n), 0), byName };
}

export type SendReport = {
  /** Outbound messages created since `since`, by current status. */
  byStatus: Record<string, number>;
  /** When the last of them was marked `sent` (epoch ms), or null. */
  lastSentAt: number | null;
};

export async function sendReport(db: Db, since: Date): Promise<SendReport> {
  const sinceText = since.toISOString();
  const rows = await db
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('direction', '=', 'outbound')
    .where('created_at', '>=', sinceText)
    .groupBy('status')
    .execute();
  const last = await db
    .selectFrom('message_statuses as s')
    .innerJoin('messages as m', 'm.id', 's.message_id')
    .select((eb) => eb.fn.max('s.at').as('at'))
    .where('s.status', '=', 'sent')
    .where('m.created_at', '>=', sinceText)
    .executeTakeFirst();
  return { byStatus: countsOf(rows), lastSentAt: toEpochMs(last?.at) };
}

export type OutboundTarget = { messageId: string; wamid: string; recipientId: string };

/** Sent outbound messages, oldest first: the rows the status webhooks will update. */
export async function outboundTargets(db: Db, limit: number): Promise<OutboundTarget[]> {
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'wamid', 'contact_wa_id'])
    .where('direction', '=', 'outbound')
    .where('status', '=', 'sent')
    .where('wamid', 'is not', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ messageId: row.id, wamid: row.wamid as string, recipientId: row.contact_wa_id }));
}

export type IngestReport = {
  /** Inbound events received since `since`, by status. */
  byStatus: Record<string, number>;
  /** Events that carry a note (unmatched statuses, unrouted items): should be 0. */
  withNote: number;
  firstReceivedAt: number | null;
  lastProcessedAt: number | null;
};

export async function ingestReport(db: Db, since: Date): Promise<IngestReport> {
  const sinceText = since.toISOString();
  const rows = await db
    .selectFrom('inbound_events')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_at', '>=', sinceText)
    .groupBy('status')
    .execute();
  const summary = await db
    .selectFrom('inbound_events')
    .select((eb) => [
      eb.fn.min('received_at').as('first'),
      eb.fn.max('processed_at').as('last'),
      eb.fn.count('error').as('withNote'),
    ])
    .where('received_at', '>=', sinceText)
    .executeTakeFirst();
  return {
    byStatus: countsOf(rows),
    withNote: Number(summary?.withNote ?? 0),
    firstReceivedAt: toEpochMs(summary?.first),
    lastProcessedAt: toEpochMs(summary?.last),
  };
}

/** Current status of every outbound message (to check that statuses really landed). */
export async function outboundByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('direction', '=', 'outbound')
    .groupBy('status')
    .execute();
  return countsOf(rows);
}

function countsOf(rows: { status: string; n: number | string | bigint }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

function toEpochMs(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : new Date(String(value)).getTime();
  return Number.isNaN(ms) ? null : ms;
}
