import { sql, type Kysely } from 'kysely';
import { jsonType, timestampType } from '../column-types.js';
import type { DialectName } from '../dialect.js';
import type { HubMigration } from './migration.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Ts = 'timestamptz' | 'text';

/**
 * Labels (per tenant, attached to conversations and contacts), private notes on conversations,
 * the contact profile (ERP customer id, attributes, consent) and full-text search over message text.
 *
 * Search indexes the text body and the caption of a message (`content.body` / `content.caption` when
 * they are strings). SQLite: an FTS5 table whose rowid is the message's rowid, kept in sync by
 * triggers so every write path (inbound, outbound, seeds) is covered. PostgreSQL: a GIN index on the
 * same document expression, so no column or trigger is needed; the query must repeat the expression
 * exactly (`modules/conversations/conversation-search.ts`). Both use no stemming and no accent folding
 * ('simple' / unicode61 remove_diacritics 0), so German and English behave the same on both dialects.
 */
export const migration0007LabelsNotesSearch: HubMigration = {
  async up(db, dialect) {
    const ts = timestampType(dialect);
    await createLabels(db, ts);
    await createNotes(db, ts);
    await extendContacts(db, dialect, ts);
    await (dialect === 'postgres' ? createPostgresSearch(db) : createSqliteSearch(db));
  },
};

async function createLabels(db: AnyDb, ts: Ts): Promise<void> {
  await db.schema
    .createTable('labels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased name: "VIP" and "vip" are the same label.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('labels_tenant_name_unique', ['tenant_id', 'name_key'])
    .execute();
  for (const target of ['conversation', 'contact'] as const) {
    const table = `${target}_labels`;
    await db.schema
      .createTable(table)
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn(`${target}_id`, 'text', (c) => c.notNull().references(`${target}s.id`).onDelete('cascade'))
      .addColumn('label_id', 'text', (c) => c.notNull().references('labels.id').onDelete('cascade'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [`${target}_id`, 'label_id'])
      .execute();
    // The list filter: "conversations with label X" of one tenant.
    await db.schema.createIndex(`${table}_label_idx`).on(table).columns(['tenant_id', 'label_id', `${target}_id`]).execute();
  }
}

async function createNotes(db: AnyDb, ts: Ts): Promise<void> {
  await db.schema
    .createTable('conversation_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    // Null when written with an API key; the name is kept so a deleted user's notes stay attributed.
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conversation_notes_conversation_idx').on('conversation_notes').columns(['conversation_id', 'id']).execute();
}

async function extendContacts(db: AnyDb, dialect: DialectName, ts: Ts): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('erp_customer_id', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('attributes', jsonType(dialect), (c) => c.notNull().defaultTo('{}')).execute();
  // 'opted_in' | 'opted_out' | 'unknown'
  await db.schema.alterTable('contacts').addColumn('consent_status', 'text', (c) => c.notNull().defaultTo('unknown')).execute();
  await db.schema.alterTable('contacts').addColumn('consent_updated_at', ts).execute();
  await db.schema.alterTable('contacts').addColumn('consent_source', 'text').execute();
  await db.schema.createIndex('contacts_tenant_erp_idx').on('contacts').columns(['tenant_id', 'erp_customer_id']).execute();
}

async function createSqliteSearch(db: AnyDb): Promise<void> {
  // Contentless (the text stays in messages.content); contentless_delete lets the triggers remove rows.
  await sql`create virtual table messages_fts using fts5(document, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  const index = (row: string, from = '') => sql.raw(`insert into messages_fts(rowid, document)
    select ${row}.rowid, ${sqliteDocument(row)} ${from} where ${sqliteDocument(row)} <> ''`);
  await sql`create trigger messages_fts_insert after insert on messages begin ${index('new')}; end`.execute(db);
  await sql`create trigger messages_fts_update after update of content on messages begin
    delete from messages_fts where rowid = old.rowid;
    ${index('new')};
  end`.execute(db);
  await sql`create trigger messages_fts_delete after delete on messages begin delete from messages_fts where rowid = old.rowid; end`.execute(db);
  // Messages stored before this migration.
  await sql`${index('messages', 'from messages')}`.execute(db);
}

/** The searchable text of a message row: its text body and its caption, when they are strings. */
function sqliteDocument(row: string): string {
  const field = (path: string) => `coalesce(case when json_type(${row}.content, '$.${path}') = 'text' then json_extract(${row}.content, '$.${path}') end, '')`;
  return `trim(${field('body')} || ' ' || ${field('caption')})`;
}

async function createPostgresSearch(db: AnyDb): Promise<void> {
  const field = (path: string) => `coalesce(case when jsonb_typeof(content -> '${path}') = 'string' then content ->> '${path}' end, '')`;
  await sql`create index messages_search_idx on messages using gin (to_tsvector('simple'::regconfig, ${sql.raw(`${field('body')} || ' ' || ${field('caption')}`)}))`.execute(db);
}
