import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.js';
import { fromDbTime, toDbTime } from '../../db/column-types.js';
import type { ConversationNotesTable } from '../../db/tables/labels-notes.tables.js';
import { newId } from '../../core/ids.js';

export type NoteRecord = {
  id: string;
  tenantId: string;
  conversationId: string;
  authorUserId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
};

export async function insertNote(db: DbExecutor, input: Omit<NoteRecord, 'id'>): Promise<NoteRecord> {
  const row = await db
    .insertInto('conversation_notes')
    .values({
      id: newId(),
      tenant_id: input.tenantId,
      conversation_id: input.conversationId,
      author_user_id: input.authorUserId,
      author_name: input.authorName,
      body: input.body,
      created_at: toDbTime(input.createdAt),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toNote(row);
}

/** Newest first, keyset-paginated by id (UUIDv7 ids sort by creation time). */
export async function listNotes(
  db: DbExecutor,
  opts: { tenantId: string; conversationId: string; limit: number; beforeId?: string | undefined },
): Promise<NoteRecord[]> {
  let query = db.selectFrom('conversation_notes').selectAll().where('tenant_id', '=', opts.tenantId).where('conversation_id', '=', opts.conversationId);
  if (opts.beforeId) query = query.where('id', '<', opts.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map(toNote);
}

function toNote(row: Selectable<ConversationNotesTable>): NoteRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    conversationId: row.conversation_id,
    authorUserId: row.author_user_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: fromDbTime(row.created_at),
  };
}
