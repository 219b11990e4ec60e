import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInboxHarness, type InboxHarness } from '../../../../test/helpers/inbox-harness.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { searchDocument } from '../../../core/search-text.js';
import { PG_MESSAGE_DOCUMENT } from '../conversation-search.js';

const OUR_NUMBERS = '49151000003';

type Page = { data: { id: string; contact: { waId: string }; labels: { id: string }[] }[]; nextCursor: string | null };

/** GET /conversations?q=… and ?label=… on the running Hub: SQLite FTS5 or PostgreSQL full-text, per DB_TYPE. */
describe(`conversation search and label filter (${testDialect()})`, () => {
  let h: InboxHarness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startInboxHarness();
    ids['greeting'] = await h.inbound('4915100000301', 'Schöne Grüße aus München, Ihre Bestellung ist da');
    ids['invoice'] = await h.inbound('4915100000302', '', { type: 'image', content: { id: 'media-1', caption: 'Rechnung für Mai (Straße 5)' } });
    ids['english'] = await h.inbound('4915100000303', 'Where is my parcel? Tracking number 4711', { profileName: 'Jürgen Weiß' });
    ids['other'] = await h.inbound('4915100000304', 'Nur eine Frage zur Lieferung');
    ids['umlautName'] = await h.inbound('4915100000306', 'Hallo', { profileName: 'Özlem Ünal' });
    ids['jorg'] = await h.inbound('4915100000307', 'Termin bestätigt', { profileName: 'Jörg Grüßer' });
    ids['ozdemir'] = await h.inbound('4915100000308', 'Merhaba', { profileName: 'ÖZDEMİR' });
    ids['aerzte'] = await h.inbound('4915100000309', 'Praxis', { profileName: 'ÄRZTE AM SEE' });
    ids['joerg'] = await h.inbound('4915100000310', 'Ohne Umlaute geschrieben: Gruesse von Joerg', { profileName: 'Joerg Schroeder' });
  });
  afterAll(() => h?.hub.stop());

  const search = async (query: string): Promise<Page> => {
    const res = await h.admin('GET', `/api/v1/conversations?${query}`);
    expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body as Page;
  };
  /** Ids of the matching conversations of this test's customers (the sandbox greets from its own persona). */
  const found = async (q: string) =>
    (await search(`q=${encodeURIComponent(q)}`)).data.filter((c) => c.contact.waId.startsWith(OUR_NUMBERS)).map((c) => c.id);

  /** As a set: the order is the list's (latest activity first), not the point here. */
  const foundSet = async (q: string) => new Set(await found(q));

  it('finds German words with umlauts and ß, whole or by prefix, in any case', async () => {
    expect(await found('grüße aus')).toEqual([ids['greeting']]);
    expect(await found('Grüße münchen')).toEqual([ids['greeting']]);
    expect(await found('münch')).toEqual([ids['greeting']]);
    expect(await found('schöne bestellung')).toEqual([ids['greeting']]);
    expect(await found('grüße berlin')).toEqual([]);
  });

  it('folds accents, case and ß, and knows the German spelling without umlauts (ADR 0012)', async () => {
    // "Grüße" in the greeting, "Grüßer" in Jörg's name, "Gruesse" typed without umlauts by Joerg.
    const all = new Set([ids['greeting'], ids['jorg'], ids['joerg']]);
    for (const q of ['GRÜSSE', 'Grüße', 'gruesse']) expect(await foundSet(q), q).toEqual(all);
    // Typed without umlaut and without e: "Gruesse" stays unfound ("oe"/"ue" are not umlauts in every word).
    for (const q of ['grusse', 'GRUSSE']) expect(await foundSet(q), q).toEqual(new Set([ids['greeting'], ids['jorg']]));
    for (const q of ['munchen', 'muenchen', 'MÜNCHEN', 'schone', 'schoene']) expect(await found(q), q).toEqual([ids['greeting']]);
    for (const q of ['strasse', 'STRASSE', 'Straße 5']) expect(await found(q), q).toEqual([ids['invoice']]);
    expect(await found('bestatigt')).toEqual([ids['jorg']]);
  });

  it('finds contacts by folded name: jorg/Jörg, ÖZDEMİR, ÄRZTE', async () => {
    expect(await foundSet('jorg')).toEqual(new Set([ids['jorg']]));
    expect(await foundSet('Jörg')).toEqual(new Set([ids['jorg'], ids['joerg']])); // and "Joerg", written without umlaut
    expect(await foundSet('joerg')).toEqual(new Set([ids['jorg'], ids['joerg']]));
    expect(await found('jörg grüßer')).toEqual([ids['jorg']]);
    for (const q of ['ozdemir', 'özdemir', 'OZDEMIR', 'Özdemİr']) expect(await found(q), q).toEqual([ids['ozdemir']]);
    for (const q of ['ärzte', 'arzte', 'aerzte', 'Ärzte am see']) expect(await found(q), q).toEqual([ids['aerzte']]);
    expect(await found('schröder')).toEqual([ids['joerg']]); // typed with umlaut, stored without
    expect(await found('schroder')).toEqual([]); // the one way round not folded: "oe" is not an umlaut in every word
  });

  it('searches captions and English text; every word must match', async () => {
    expect(await found('rechnung')).toEqual([ids['invoice']]);
    expect(await found('straße')).toEqual([ids['invoice']]);
    expect(await found('parcel tracking')).toEqual([ids['english']]);
    expect(await found('4711')).toEqual([ids['english']]);
  });

  it("matches the contact's name or number", async () => {
    expect(await found('jürgen')).toEqual([ids['english']]);
    expect(await found('özlem ünal')).toEqual([ids['umlautName']]);
    expect(await found('4915100000304')).toEqual([ids['other']]);
    expect(await found('00000302')).toEqual([ids['invoice']]);
  });

  it('treats query syntax as plain words: no crash, no injection', async () => {
    for (const hostile of ['"', '*', 'OR', 'NEAR(', 'NEAR(grüße, 2)', '"unbalanced', 'grüße OR', 'a AND', "'", '\\', ':*', '!', '&&', '|', 'a:*b', '-x', '^', '(', ')', '{}', '%', '_', '%_%', 'j%', 'grüße" OR "x', "o'brien", 'x'.repeat(200)]) {
      await search(`q=${encodeURIComponent(hostile)}`);
    }
    // Operators are words: "OR" does not widen the search.
    expect(await found('grüße OR rechnung')).toEqual([]);
    // `NEAR(grüße` is the words "near" and "grüße"; nothing contains "near…".
    expect(await found('NEAR(grüße')).toEqual([]);
    // A q of no words is no search (as an empty box); LIKE wildcards are not wildcards.
    expect(await found('%')).toEqual(await found(''));
    expect(await found('_')).toEqual(await found(''));
    expect((await h.admin('GET', `/api/v1/conversations?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it("never returns another tenant's conversations", async () => {
    const other = await h.otherTenant();
    const res = await other('GET', '/api/v1/conversations?q=gr%C3%BC%C3%9Fe');
    expect((res.body as Page).data).toEqual([]);
  });

  it('filters by label, combines with q, and paginates with the cursor', async () => {
    const label = (await h.admin('POST', '/api/v1/labels', { name: 'Search test', color: '#123456' })).body as { id: string };
    for (const key of ['greeting', 'invoice', 'english']) await h.admin('PUT', `/api/v1/conversations/${ids[key]}/labels/${label.id}`);

    const labelled = await search(`label=${label.id}`);
    expect(new Set(labelled.data.map((c) => c.id))).toEqual(new Set([ids['greeting'], ids['invoice'], ids['english']]));
    expect(labelled.data.every((c) => c.labels.some((l) => l.id === label.id))).toBe(true);
    expect((await search(`label=${label.id}&q=lieferung`)).data).toEqual([]);
    expect((await search(`label=${label.id}&q=rechnung`)).data.map((c) => c.id)).toEqual([ids['invoice']]);
    expect((await search('label=no-such-label')).data).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await search(`label=${label.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(1);
      seen.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(labelled.data.map((c) => c.id));
  });

  it('keeps the index in sync when a message text changes', async () => {
    const id = await h.inbound('4915100000305', 'Ursprünglicher Text');
    expect(await found('ursprünglicher')).toEqual([id]);
    // Whoever rewrites content rewrites its folded copy (ADR 0012); the index follows the copy.
    await h.hub.container.database.db.updateTable('messages')
      .set({ content: JSON.stringify({ body: 'Geänderter Text' }), search_text: searchDocument(['Geänderter Text']) })
      .where('conversation_id', '=', id).execute();
    expect(await found('ursprünglicher')).toEqual([]);
    expect(await found('geänderter')).toEqual([id]);
    expect(await found('geanderter')).toEqual([id]);
  });

  it.runIf(testDialect() === 'postgres')('PostgreSQL answers the text search from the GIN index', async () => {
    const db = h.hub.container.database.db;
    const plan = await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      // The query's expression must equal the index's (migration 0011) for PostgreSQL to use it.
      const res = await sql<{ 'QUERY PLAN': string }>`explain select id from messages where ${PG_MESSAGE_DOCUMENT} @@ to_tsquery('simple', 'grusse:*')`.execute(trx);
      return res.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('messages_search_text_idx');
  });
});
