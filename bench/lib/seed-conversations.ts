import { newId } from '../../apps/server/src/core/ids.js';
import { encodeCursor } from '../../apps/server/src/core/pagination-cursor.js';
import { fromDbTime } from '../../apps/server/src/db/column-types.js';
import type { Db } from '../../apps/server/src/db/database.js';

/**
 * Seeds a busy tenant's inbox for the conversation-list benchmark: `count` contacts, each with one
 * conversation on the sandbox channel, written straight through Kysely in multi-row batches (the
 * API would take minutes for 100k). Activity is spread one minute apart going back from `now`, a
 * fifth of the threads is closed and every seventh has unread messages, like a real queue.
 */
const BATCH = 500;

export async function seedConversations(db: Db, opts: { tenantId: string; channelId: string; count: number; now: Date }): Promise<{ seeded: number; ms: number }> {
  const started = Date.now();
  const createdAt = opts.now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < opts.count; start += BATCH) {
      const size = Math.min(BATCH, opts.count - start);
      const contacts = Array.from({ length: size }, (_, i) => ({
        id: newId(),
        tenant_id: opts.tenantId,
        wa_id: `4917${String(start + i).padStart(9, '0')}`,
        profile_name: `Kunde ${start + i}`,
        last_inbound_at: null,
        created_at: createdAt,
        updated_at: createdAt,
      }));
      await trx.insertInto('contacts').values(contacts).execute();
      const conversations = contacts.map((contact, i) => {
        const index = start + i;
        const at = new Date(opts.now.getTime() - (index + 1) * 60_000).toISOString();
        return {
          id: newId(),
          tenant_id: opts.tenantId,
          channel_id: opts.channelId,
          contact_id: contact.id,
          status: index % 5 === 0 ? 'closed' : 'open',
          unread_count: index % 7 === 0 ? 2 : 0,
          last_message_at: at,
          last_message_preview: `Bestellung ${index}: Wann wird geliefert?`,
          last_inbound_at: at,
          window_expires_at: new Date(Date.parse(at) + 24 * 3_600_000).toISOString(),
          created_at: createdAt,
          updated_at: createdAt,
        };
      });
      await trx.insertInto('conversations').values(conversations).execute();
    }
  });
  return { seeded: opts.count, ms: Date.now() - started };
}

/** The list cursor that `GET /api/v1/conversations` returns after `offset` conversations (newest first). */
export async function conversationCursorAt(db: Db, opts: { tenantId: string; offset: number }): Promise<string> {
  const row = await db
    .selectFrom('conversations')
    .select(['last_message_at', 'id'])
    .where('tenant_id', '=', opts.tenantId)
    .where('last_message_at', 'is not', null)
    .orderBy('last_message_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .offset(opts.offset)
    .executeTakeFirstOrThrow();
  return encodeCursor({ lastMessageAt: fromDbTime(row.last_message_at as Date | string).toISOString(), id: row.id });
}
