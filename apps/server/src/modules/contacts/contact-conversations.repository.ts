import { CONTACT_PAST_CONVERSATIONS_MAX, type ContactConversationSummary } from '@valeo/contracts';
import type { DbExecutor } from '../../db/database.js';
import { fromDbTimeOrNull } from '../../db/column-types.js';

/**
 * The contact's conversations (one per channel), most recent first, for the side panel. A read of
 * the conversations table from here keeps the contacts → conversations import direction one-way.
 */
export async function conversationsOfContact(db: DbExecutor, tenantId: string, contactId: string): Promise<ContactConversationSummary[]> {
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'channel_id', 'status', 'last_message_at', 'last_message_preview'])
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .orderBy('last_message_at', 'desc')
    .orderBy('id', 'desc')
    .limit(CONTACT_PAST_CONVERSATIONS_MAX)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channel_id,
    status: row.status === 'closed' ? 'closed' : 'open',
    lastMessageAt: fromDbTimeOrNull(row.last_message_at)?.toISOString() ?? null,
    lastMessagePreview: row.last_message_preview,
  }));
}
