import { sql, type Kysely } from 'kysely';
import { searchDocument } from '../../core/search-text.js';
import type { DialectName } from '../dialect.js';
import type { HubMigration } from './migration.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Rows folded and written per statement while backfilling. */
const BATCH = 1_000;

/**
 * Accent- and case-insensitive search (ADR 0012). The app folds text (`core/search-text.ts`) into
 * `messages.search_text` (body + caption) and `contacts.search_name`, and the engines index only
 * those columns: SQLite's FTS5 table is rebuilt over `search_text` (triggers copy the column, they
 * call no function), PostgreSQL's GIN index moves from the 0007 expression over `content` to
 * `to_tsvector('simple', search_text)`. Existing rows are folded here, in batches.
 *
 * PostgreSQL builds the GIN index inside the migration transaction (the runner runs every migration
 * in one, ADR 0004), so not CONCURRENTLY: writes to `messages` wait until the migration commits.
 */
export const migration0011AccentFoldedSearch: HubMigration = {
  async up(db, dialect) {
    await db.schema.alterTable('messages').addColumn('search_text', 'text').execute();
    await db.schema.alterTable('contacts').addColumn('search_name', 'text').execute();
    // Filled before the indexes exist: one index build instead of one index update per row.
    await backfillMessages(db, dialect);
    await backfillContacts(db, dialect);
    await (dialect === 'postgres' ? replacePostgresIndex(db) : replaceSqliteIndex(db));
    // The contact match scans a tenant's folded names (a substring LIKE cannot seek); covering, so
    // the scan reads this index instead of the contact rows.
    await db.schema.createIndex('contacts_tenant_search_name_idx').on('contacts').columns(['tenant_id', 'search_name', 'wa_id', 'id']).execute();
  },
};

type Folded = { id: string; folded: string };

async function backfillMessages(db: AnyDb, dialect: DialectName): Promise<void> {
  // The searchable text of 0007: body and caption when they are strings.
  const field = (path: string) => dialect === 'postgres'
    ? `case when jsonb_typeof(content -> '${path}') = 'string' then content ->> '${path}' end`
    : `case when json_type(content, '$.${path}') = 'text' then json_extract(content, '$.${path}') end`;
  await inBatches(db, dialect, {
    table: 'messages',
    column: 'search_text',
    select: sql.raw(`id, ${field('body')} as body, ${field('caption')} as caption`),
    where: sql.raw(`(${field('body')} is not null or ${field('caption')} is not null)`),
    fold: (row) => searchDocument([row['body'], row['caption']]),
  });
}

async function backfillContacts(db: AnyDb, dialect: DialectName): Promise<void> {
  await inBatches(db, dialect, {
    table: 'contacts',
    column: 'search_name',
    select: sql.raw('id, profile_name'),
    where: sql.raw('profile_name is not null'),
    fold: (row) => searchDocument([row['profile_name']]),
  });
}

type Backfill = {
  table: 'messages' | 'contacts';
  column: 'search_text' | 'search_name';
  select: ReturnType<typeof sql.raw>;
  where: ReturnType<typeof sql.raw>;
  fold: (row: Record<string, string | null>) => string | null;
};

/** Keyset over the primary key; each batch is one SELECT and one multi-row UPDATE. */
async function inBatches(db: AnyDb, dialect: DialectName, backfill: Backfill): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } = await sql<Record<string, string | null> & { id: string }>`select ${backfill.select} from ${sql.table(backfill.table)}
      where id > ${after} and ${backfill.where} order by id limit ${BATCH}`.execute(db);
    const folded = rows.flatMap((row): Folded[] => {
      const text = backfill.fold(row);
      return text === null ? [] : [{ id: row.id, folded: text }];
    });
    if (folded.length > 0) await writeBatch(db, dialect, backfill, folded);
    const last = rows.at(-1);
    if (last === undefined || rows.length < BATCH) return;
    after = last.id;
  }
}

/** One UPDATE … FROM a JSON array of (id, folded) pairs: both dialects unpack it without a statement per row. */
async function writeBatch(db: AnyDb, dialect: DialectName, backfill: Backfill, folded: Folded[]): Promise<void> {
  const json = JSON.stringify(folded);
  const pairs = dialect === 'postgres'
    ? sql`jsonb_to_recordset(${json}::jsonb) as v(id text, folded text)`
    : sql`(select json_extract(value, '$.id') as id, json_extract(value, '$.folded') as folded from json_each(${json})) as v`;
  await sql`update ${sql.table(backfill.table)} set ${sql.ref(backfill.column)} = v.folded from ${pairs}
    where ${sql.ref(`${backfill.table}.id`)} = v.id`.execute(db);
}

async function replaceSqliteIndex(db: AnyDb): Promise<void> {
  for (const trigger of ['messages_fts_insert', 'messages_fts_update', 'messages_fts_delete']) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table messages_fts`.execute(db);
  // The document is already folded and split into words by the app: the `ascii` tokenizer only
  // splits it at the spaces (non-ASCII letters are word characters to it), where unicode61's own
  // idea of letters (Unicode 6.1) could split a word the app kept whole.
  await sql`create virtual table messages_fts using fts5(document, content='', contentless_delete=1, tokenize='ascii')`.execute(db);
  await sql`insert into messages_fts(rowid, document) select rowid, search_text from messages where search_text is not null`.execute(db);
  await sql`create trigger messages_fts_insert after insert on messages when new.search_text is not null begin
    insert into messages_fts(rowid, document) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger messages_fts_update after update of search_text on messages begin
    delete from messages_fts where rowid = old.rowid;
    insert into messages_fts(rowid, document) select new.rowid, new.search_text where new.search_text is not null;
  end`.execute(db);
  await sql`create trigger messages_fts_delete after delete on messages begin delete from messages_fts where rowid = old.rowid; end`.execute(db);
}

async function replacePostgresIndex(db: AnyDb): Promise<void> {
  await sql`drop index messages_search_idx`.execute(db);
  // The query repeats this expression exactly (`PG_MESSAGE_DOCUMENT`), or PostgreSQL ignores the index.
  await sql`create index messages_search_text_idx on messages using gin (to_tsvector('simple'::regconfig, search_text))`.execute(db);
}
