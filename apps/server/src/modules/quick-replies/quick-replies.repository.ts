import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.js';
import { fromDbTime, toDbTime } from '../../db/column-types.js';
import type { QuickRepliesTable } from '../../db/tables/quick-replies.tables.js';

export type QuickReplyRecord = { id: string; tenantId: string; shortcut: string; text: string; createdAt: Date; updatedAt: Date };

/** All of a tenant's quick replies by shortcut (bounded by QUICK_REPLIES_PER_TENANT_MAX). */
export async function listQuickReplies(db: DbExecutor, tenantId: string): Promise<QuickReplyRecord[]> {
  const rows = await db.selectFrom('quick_replies').selectAll().where('tenant_id', '=', tenantId).orderBy('shortcut').execute();
  return rows.map(toRecord);
}

export async function countQuickReplies(db: DbExecutor, tenantId: string): Promise<number> {
  const row = await db.selectFrom('quick_replies').select((eb) => eb.fn.countAll<number | string>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findQuickReply(db: DbExecutor, tenantId: string, id: string): Promise<QuickReplyRecord | undefined> {
  const row = await db.selectFrom('quick_replies').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findByShortcut(db: DbExecutor, tenantId: string, shortcut: string): Promise<QuickReplyRecord | undefined> {
  const row = await db.selectFrom('quick_replies').selectAll().where('tenant_id', '=', tenantId).where('shortcut', '=', shortcut).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Returns undefined when the shortcut is taken (the unique constraint decides, so two racing creates cannot both win). */
export async function insertQuickReply(db: DbExecutor, record: Omit<QuickReplyRecord, 'createdAt' | 'updatedAt'>, now: Date): Promise<QuickReplyRecord | undefined> {
  const at = toDbTime(now);
  const row = await db
    .insertInto('quick_replies')
    .values({ id: record.id, tenant_id: record.tenantId, shortcut: record.shortcut, text: record.text, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['tenant_id', 'shortcut']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function updateQuickReply(
  db: DbExecutor,
  target: { tenantId: string; id: string },
  change: { shortcut?: string | undefined; text?: string | undefined },
  now: Date,
): Promise<QuickReplyRecord | undefined> {
  const row = await db
    .updateTable('quick_replies')
    .set({
      updated_at: toDbTime(now),
      ...(change.shortcut === undefined ? {} : { shortcut: change.shortcut }),
      ...(change.text === undefined ? {} : { text: change.text }),
    })
    .where('tenant_id', '=', target.tenantId)
    .where('id', '=', target.id)
    .returningAll()
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function deleteQuickReply(db: DbExecutor, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('quick_replies').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

function toRecord(row: Selectable<QuickRepliesTable>): QuickReplyRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    shortcut: row.shortcut,
    text: row.text,
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
  };
}
