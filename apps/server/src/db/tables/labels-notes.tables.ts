import type { Timestamp } from '../column-types.js';

/** Tables of migration 0007: labels, their attachments to conversations and contacts, private notes. */
export interface LabelsTable {
  id: string;
  tenant_id: string;
  name: string;
  /** `name` trimmed and lower-cased; unique per tenant. */
  name_key: string;
  /** `#rrggbb` */
  color: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConversationLabelsTable {
  tenant_id: string;
  conversation_id: string;
  label_id: string;
  created_at: Timestamp;
}

export interface ContactLabelsTable {
  tenant_id: string;
  contact_id: string;
  label_id: string;
  created_at: Timestamp;
}

/** Agents' private notes: never sent to WhatsApp. */
export interface ConversationNotesTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  author_user_id: string | null;
  author_name: string;
  body: string;
  created_at: Timestamp;
}

export interface LabelsNotesTables {
  labels: LabelsTable;
  conversation_labels: ConversationLabelsTable;
  contact_labels: ContactLabelsTable;
  conversation_notes: ConversationNotesTable;
}
