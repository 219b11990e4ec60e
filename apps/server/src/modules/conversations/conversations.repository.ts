import { sql, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.js';
import { fromDbTime, fromDbTimeOrNull, toDbTime } from '../../db/column-types.js';
import type { ConversationsTable } from '../../db/tables/messaging.tables.js';
import { newId } from '../../core/ids.js';
import { PreparedQuery } from '../../db/prepared-query.js';
import { windowExpiresAt } from './service-window.js';

export type Conversation = {
  id: string;
  tenantId: string;
  channelId: string;
  contactId: string;
  status: 'open' | 'closed';
  unreadCount: number;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
  lastInboundAt: Date | null;
  windowExpiresAt: Date | null;
  /** null = unassigned. */
  assigneeUserId: string | null;
  /** null = no team. */
  teamId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type TouchConversationInput = {
  tenantId: string;
  channelId: string;
  contactId: string;
  now: Date;
  /** When the message was sent or received; the conversation's `last_message_at` only moves forward. */
  messageAt: Date;
  preview: string;
  /** Inbound: opens the 24-hour window from `messageAt`, counts as unread and reopens the thread. */
  inbound: boolean;
};

type TouchParams = {
  id: string;
  tenantId: string;
  channelId: string;
  contactId: string;
  unreadCount: number;
  messageAt: string;
  preview: string;
  inboundAt: string | null;
  windowExpiresAt: string | null;
  now: string;
};

/**
 * The upsert of {@link touchConversation}; inbound traffic reopens a closed thread, outbound keeps
 * its status (two statements, prepared once each: this runs for every message sent and received).
 */
function touchStatement(inbound: boolean) {
  return new PreparedQuery<TouchParams, Selectable<ConversationsTable>>((db, p) =>
    db
      .insertInto('conversations')
      .values((eb) => ({
        id: p('id'),
        tenant_id: p('tenantId'),
        channel_id: p('channelId'),
        contact_id: p('contactId'),
        status: 'open',
        unread_count: p('unreadCount'),
        last_message_at: p('messageAt'),
        last_message_preview: p('preview'),
        last_inbound_at: p('inboundAt'),
        window_expires_at: p('windowExpiresAt'),
        // A new thread joins the channel's default team (migration 0010); an existing one keeps its team.
        team_id: eb.selectFrom('auto_assignment').select('auto_assignment.default_team_id').where('auto_assignment.channel_id', '=', p('channelId')),
        created_at: p('now'),
        updated_at: p('now'),
      }))
      .onConflict((oc) =>
        oc.columns(['channel_id', 'contact_id']).doUpdateSet({
          status: inbound ? 'open' : sql`conversations.status`,
          unread_count: sql`conversations.unread_count + excluded.unread_count`,
          last_message_preview: sql`case when conversations.last_message_at is null or excluded.last_message_at >= conversations.last_message_at
            then excluded.last_message_preview else conversations.last_message_preview end`,
          last_message_at: sql`case when conversations.last_message_at is null or excluded.last_message_at >= conversations.last_message_at
            then excluded.last_message_at else conversations.last_message_at end`,
          window_expires_at: sql`case when excluded.last_inbound_at is not null and (conversations.last_inbound_at is null or excluded.last_inbound_at > conversations.last_inbound_at)
            then excluded.window_expires_at else conversations.window_expires_at end`,
          last_inbound_at: sql`case when excluded.last_inbound_at is not null and (conversations.last_inbound_at is null or excluded.last_inbound_at > conversations.last_inbound_at)
            then excluded.last_inbound_at else conversations.last_inbound_at end`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .returningAll());
}

const touchInbound = touchStatement(true);
const touchOutbound = touchStatement(false);

/** Creates the (channel, contact) thread on first traffic and records the latest message. */
export async function touchConversation(db: DbExecutor, input: TouchConversationInput): Promise<Conversation> {
  const messageAt = toDbTime(input.messageAt);
  const row = await (input.inbound ? touchInbound : touchOutbound).takeFirst(db, {
    id: newId(),
    tenantId: input.tenantId,
    channelId: input.channelId,
    contactId: input.contactId,
    unreadCount: input.inbound ? 1 : 0,
    messageAt,
    preview: input.preview,
    inboundAt: input.inbound ? messageAt : null,
    windowExpiresAt: input.inbound ? toDbTime(windowExpiresAt(input.messageAt)) : null,
    now: toDbTime(input.now),
  });
  if (row === undefined) throw new Error('conversation upsert returned no row');
  return toConversation(row);
}

export async function findConversation(db: DbExecutor, tenantId: string, id: string): Promise<Conversation | undefined> {
  const row = await db.selectFrom('conversations').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toConversation(row) : undefined;
}

export async function findConversationByContact(db: DbExecutor, channelId: string, contactId: string): Promise<Conversation | undefined> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return row ? toConversation(row) : undefined;
}

export function toConversation(row: Selectable<ConversationsTable>): Conversation {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    channelId: row.channel_id,
    contactId: row.contact_id,
    status: row.status === 'closed' ? 'closed' : 'open',
    unreadCount: row.unread_count,
    lastMessageAt: fromDbTimeOrNull(row.last_message_at),
    lastMessagePreview: row.last_message_preview,
    lastInboundAt: fromDbTimeOrNull(row.last_inbound_at),
    windowExpiresAt: fromDbTimeOrNull(row.window_expires_at),
    assigneeUserId: row.assignee_user_id,
    teamId: row.team_id,
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
  };
}
