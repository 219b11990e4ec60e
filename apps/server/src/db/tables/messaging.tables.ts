import type { ColumnType } from 'kysely';
import type { Json, NullableJson, NullableTimestamp, Timestamp } from '../column-types.js';

export type ContactsTable = {
  id: string;
  tenant_id: string;
  wa_id: string;
  profile_name: string | null;
  last_inbound_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Migration 0007: the contact profile shown in the inbox side panel. */
  erp_customer_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** string → string map (JSON). */
  attributes: ColumnType<unknown, string | undefined, string>;
  /** 'opted_in' | 'opted_out' | 'unknown' */
  consent_status: ColumnType<string, string | undefined, string>;
  consent_updated_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  consent_source: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0011: the profile name folded for search (`core/search-text.ts`); null without a name. */
  search_name: ColumnType<string | null, string | null | undefined, string | null>;
};

export type ConversationsTable = {
  id: string;
  tenant_id: string;
  channel_id: string;
  contact_id: string;
  /** 'open' | 'closed' */
  status: string;
  unread_count: number;
  last_message_at: NullableTimestamp;
  last_message_preview: string | null;
  /** When the customer last wrote; opens the 24-hour customer-service window. */
  last_inbound_at: NullableTimestamp;
  window_expires_at: NullableTimestamp;
  /** The user working on it; null = unassigned (migration 0006). */
  assignee_user_id: string | null;
  /** The team it is routed to; null = none (migration 0010). */
  team_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type MessagesTable = {
  id: string;
  tenant_id: string;
  channel_id: string;
  conversation_id: string;
  contact_id: string;
  /** Denormalised from contacts: filters and views need it on every message. */
  contact_wa_id: string;
  /** 'inbound' | 'outbound' */
  direction: string;
  type: string;
  content: Json;
  /** queued | sending | sent | delivered | read | played | failed | deleted | unknown | received */
  status: string;
  wamid: string | null;
  reply_to_wamid: string | null;
  idempotency_key: string | null;
  error: NullableJson;
  pricing: NullableJson;
  send_attempts: number;
  provider_timestamp: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /**
   * Migration 0011: body and caption folded for search (`core/search-text.ts`); null without text.
   * Whoever writes `content` writes this too: the search indexes read only this column.
   */
  search_text: ColumnType<string | null, string | null | undefined, string | null>;
};

export type MessageStatusesTable = {
  id: string;
  message_id: string;
  status: string;
  at: Timestamp;
  error: NullableJson;
};

export type InboundEventsTable = {
  id: string;
  tenant_id: string | null;
  channel_id: string | null;
  provider: string;
  body_sha256: string;
  raw_body: string;
  /** 'pending' | 'processed' | 'failed' | 'unrouted' */
  status: string;
  error: string | null;
  received_at: Timestamp;
  processed_at: NullableTimestamp;
};

export type MediaTable = {
  id: string;
  tenant_id: string;
  channel_id: string;
  message_id: string | null;
  /** 'inbound' | 'outbound' */
  direction: string;
  provider_media_id: string | null;
  mime_type: string | null;
  file_size: number | null;
  sha256: string | null;
  filename: string | null;
  /** Path of the stored bytes relative to MEDIA_STORAGE_PATH. */
  storage_key: string | null;
  /** 'pending' | 'stored' | 'failed' | 'rejected' | 'uploaded' */
  status: string;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export interface MessagingTables {
  contacts: ContactsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  message_statuses: MessageStatusesTable;
  inbound_events: InboundEventsTable;
  media: MediaTable;
}
