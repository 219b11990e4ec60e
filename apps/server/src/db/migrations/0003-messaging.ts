import type { Kysely } from 'kysely';
import type { HubMigration } from './migration.js';
import { jsonType, timestampType } from '../column-types.js';

/**
 * Contacts, conversations, messages and their status history, raw inbound webhook events and media.
 * Uniqueness enforces idempotency: one contact per (tenant, wa_id), one message per (channel, wamid),
 * one status row per (message, status), one raw event per body hash, one message per idempotency key.
 */
type Types = { ts: 'timestamptz' | 'text'; json: 'jsonb' | 'text' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const messagingMigration: HubMigration = {
  async up(db, dialect) {
    const types: Types = { ts: timestampType(dialect), json: jsonType(dialect) };
    await createContacts(db, types);
    await createConversations(db, types);
    await createMessages(db, types);
    await createMessageStatuses(db, types);
    await createInboundEvents(db, types);
    await createMedia(db, types);
  },
};

async function createContacts(db: AnyDb, { ts }: Types): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('wa_id', 'text', (c) => c.notNull())
    .addColumn('profile_name', 'text')
    .addColumn('last_inbound_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('contacts_tenant_wa_id_unique', ['tenant_id', 'wa_id'])
    .execute();
}

async function createConversations(db: AnyDb, { ts }: Types): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unread_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_message_at', ts)
    .addColumn('last_message_preview', 'text')
    .addColumn('last_inbound_at', ts)
    .addColumn('window_expires_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('conversations_channel_contact_unique', ['channel_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('conversations_tenant_last_message_idx')
    .on('conversations')
    .columns(['tenant_id', 'last_message_at', 'id'])
    .execute();
}

async function createMessages(db: AnyDb, { ts, json }: Types): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('contact_wa_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('content', json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('wamid', 'text')
    .addColumn('reply_to_wamid', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('error', json)
    .addColumn('pricing', json)
    .addColumn('send_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('provider_timestamp', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('messages_channel_wamid_unique', ['channel_id', 'wamid'])
    .addUniqueConstraint('messages_tenant_idempotency_unique', ['tenant_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('messages_conversation_idx').on('messages').columns(['conversation_id', 'id']).execute();
  await db.schema.createIndex('messages_tenant_id_idx').on('messages').columns(['tenant_id', 'id']).execute();
  await db.schema.createIndex('messages_wamid_idx').on('messages').column('wamid').execute();
  await db.schema.createIndex('messages_tenant_contact_idx').on('messages').columns(['tenant_id', 'contact_wa_id', 'id']).execute();
}

async function createMessageStatuses(db: AnyDb, { ts, json }: Types): Promise<void> {
  await db.schema
    .createTable('message_statuses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('error', json)
    .addUniqueConstraint('message_statuses_message_status_unique', ['message_id', 'status'])
    .execute();
}

async function createInboundEvents(db: AnyDb, { ts }: Types): Promise<void> {
  await db.schema
    .createTable('inbound_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.references('tenants.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.references('channels.id').onDelete('set null'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('body_sha256', 'text', (c) => c.notNull().unique())
    .addColumn('raw_body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('processed_at', ts)
    .execute();
}

async function createMedia(db: AnyDb, { ts }: Types): Promise<void> {
  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('provider_media_id', 'text')
    .addColumn('mime_type', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('filename', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_message_idx').on('media').column('message_id').execute();
}
