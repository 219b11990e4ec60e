import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { newId } from '../../../core/ids.js';
import { toDbJson } from '../../../db/column-types.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { MIGRATIONS } from '../../../db/migrations/index.js';
import { conversationPageQuery, listConversations } from '../conversation-list-query.js';
import { searchTerms } from '../search-terms.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** More messages than one backfill batch (1,000), so the keyset walk has to go round more than once. */
const FILLER = 2_100;

/**
 * Migration 0011 on a database that already holds messages and contacts: rows written before it
 * (no folded columns yet) are folded by its backfill and found like new ones.
 */
describe(`migration 0011 folds rows stored before it (${testDialect()})`, () => {
  let database: TestDatabase;
  const tenantId = newId();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0011'));
    await migrateToLatest(database, before);
    await seedBeforeMigration(database.db as unknown as AnyDb, tenantId, ids);
    expect(await migrateToLatest(database)).toContain('0011-accent-folded-search');
  }, 60_000);
  afterAll(() => database?.destroy());

  const found = async (q: string) => {
    const terms = searchTerms(q);
    const rows = await listConversations(database.db, { tenantId, search: { terms, dialect: database.dialect } }, { limit: 10 });
    return rows.map((c) => c.id);
  };

  it('finds old message text in any spelling, also in the last backfill batch', async () => {
    // "Jörg Grüßer" is found by his name too.
    for (const q of ['grusse', 'GRÜSSE', 'gruesse', 'grüße']) expect(new Set(await found(q)), q).toEqual(new Set([ids['greeting'], ids['jorg']]));
    for (const q of ['Grüße münchen', 'muench', 'schone']) expect(await found(q), q).toEqual([ids['greeting']]);
    for (const q of ['strasse', 'Straße', 'STRASSE 5']) expect(await found(q), q).toEqual([ids['invoice']]);
    expect(await found('fuellnachricht 2099')).toEqual([ids['filler']]);
    expect(await found('hallo')).toEqual([]);
  });

  it('finds old contacts by folded name and by number', async () => {
    for (const q of ['jorg', 'Jörg', 'JOERG', 'grusser jorg']) expect(await found(q), q).toEqual([ids['jorg']]);
    for (const q of ['ozdemir', 'özdemir', 'Özdemİr', 'oezdemir']) expect(await found(q), q).toEqual([ids['ozdemir']]);
    expect(await found('000099')).toEqual([ids['ozdemir']]);
  });

  it('leaves the search structures over the folded column only', async () => {
    const db = database.db as unknown as AnyDb;
    if (database.dialect === 'postgres') {
      const indexes = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes where tablename = 'messages' and indexdef like '%to_tsvector%'`.execute(db);
      expect(indexes.rows.map((r) => r.indexname)).toEqual(['messages_search_text_idx']);
      return;
    }
    const indexed = await sql<{ n: number }>`select count(*) as n from messages_fts`.execute(db);
    const withText = await sql<{ n: number }>`select count(*) as n from messages where search_text is not null`.execute(db);
    expect(Number(indexed.rows[0]?.n)).toBe(FILLER + 2);
    expect(Number(withText.rows[0]?.n)).toBe(FILLER + 2);
  });

  it.runIf(testDialect() === 'sqlite')('SQLite matches contacts from the covering index of folded names', async () => {
    const query = conversationPageQuery(database.db, { tenantId, search: { terms: searchTerms('jorg'), dialect: 'sqlite' } }, { limit: 10 }).compile();
    const plan = await database.db.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
    expect(plan.rows.map((r) => r.detail).join('\n')).toContain('COVERING INDEX contacts_tenant_search_name_idx');
  });
});

/** Rows as the code before 0011 wrote them (no search_text, no search_name). */
async function seedBeforeMigration(db: AnyDb, tenantId: string, ids: Record<string, string>): Promise<void> {
  const at = new Date().toISOString();
  const stamps = { created_at: at, updated_at: at };
  const channelId = newId();
  await db.insertInto('tenants').values({ id: tenantId, name: 'Backfill', slug: `backfill-${tenantId}`, ...stamps }).execute();
  await db.insertInto('channels').values({
    id: channelId, tenant_id: tenantId, name: 'c', provider: 'cloud_api', phone_number_id: `pn-${channelId}`, waba_id: 'w',
    display_phone_number: '+49', credentials_sealed: 'x', ...stamps,
  }).execute();
  const thread = async (key: string, waId: string, profileName: string) => {
    const contactId = newId();
    ids[key] = newId();
    await db.insertInto('contacts').values({ id: contactId, tenant_id: tenantId, wa_id: waId, profile_name: profileName, ...stamps }).execute();
    await db.insertInto('conversations').values({ id: ids[key], tenant_id: tenantId, channel_id: channelId, contact_id: contactId, status: 'open', last_message_at: at, ...stamps }).execute();
    return { conversation_id: ids[key], contact_id: contactId, contact_wa_id: waId };
  };
  const message = (to: { conversation_id: string; contact_id: string; contact_wa_id: string }, type: string, content: unknown) => ({
    id: newId(), tenant_id: tenantId, channel_id: channelId, ...to, direction: 'inbound', type, content: toDbJson(content), status: 'received', ...stamps,
  });
  const greeting = await thread('greeting', '491510000001', 'Erika Mustermann');
  const invoice = await thread('invoice', '491510000002', 'Max Muster');
  await thread('jorg', '491510000003', 'Jörg Grüßer');
  const ozdemir = await thread('ozdemir', '491510000099', 'ÖZDEMİR');
  const filler = await thread('filler', '491510000005', 'Fill');
  await db.insertInto('messages').values([
    message(greeting, 'text', { body: 'Schöne Grüße aus München' }),
    message(invoice, 'image', { id: 'media-1', caption: 'Rechnung (Straße 5)' }),
    message(ozdemir, 'template', { name: 'hello_world', language: { code: 'de' } }),
  ]).execute();
  for (let start = 0; start < FILLER; start += 500) {
    const rows = Array.from({ length: Math.min(500, FILLER - start) }, (_, i) => message(filler, 'text', { body: `Füllnachricht ${start + i}` }));
    await db.insertInto('messages').values(rows).execute();
  }
}
