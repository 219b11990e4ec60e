import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../core/ids.js';
import { toDbTime } from '../../../db/column-types.js';
import { makeTenantWithChannel } from '../../../../test/factories/tenant-channel.factory.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { conversationPageQuery, listConversations, type ConversationCursor } from '../conversation-list-query.js';

/**
 * The list's keyset cursor: every conversation exactly once, in (last_message_at desc, id desc)
 * order, also when many share a timestamp; and the cursor is an index bound (a deep page seeks,
 * it does not walk the newer rows).
 */
describe(`conversation list keyset pagination (${testDialect()})`, () => {
  let database: TestDatabase;
  let tenantId: string;
  /** [at offset in minutes] per conversation; duplicates share a timestamp. */
  const minutes = [3, 2, 2, 2, 1, 1, 0, 2];
  let expected: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const { tenantId: tenant, channel } = await makeTenantWithChannel(database.db);
    tenantId = tenant;
    const base = Date.parse('2026-01-05T09:00:00.000Z');
    const now = toDbTime(new Date(base));
    const rows = minutes.map((m, i) => ({ id: newId(), contactId: newId(), at: toDbTime(new Date(base + m * 60_000)), i }));
    await database.db.insertInto('contacts').values(rows.map((r) => ({ id: r.contactId, tenant_id: tenantId, wa_id: `4915100000${r.i}`, profile_name: null, last_inbound_at: null, created_at: now, updated_at: now }))).execute();
    await database.db.insertInto('conversations').values(rows.map((r) => ({
      id: r.id, tenant_id: tenantId, channel_id: channel.channelId, contact_id: r.contactId, status: 'open', unread_count: 0,
      last_message_at: r.at, last_message_preview: 'x', last_inbound_at: null, window_expires_at: null, created_at: now, updated_at: now,
    }))).execute();
    expected = [...rows].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).map((r) => r.id);
  });
  afterAll(() => database?.destroy());

  it.each([1, 2, 3])('pages of %i: each conversation once, newest first, ties by id', async (limit) => {
    const seen: string[] = [];
    let after: ConversationCursor | undefined;
    for (let guard = 0; guard < 20; guard += 1) {
      const page = await listConversations(database.db, { tenantId }, { limit, after });
      seen.push(...page.map((c) => c.id));
      const last = page.at(-1);
      if (page.length < limit || !last?.lastMessageAt) break;
      after = { lastMessageAt: last.lastMessageAt.toISOString(), id: last.id };
    }
    expect(seen).toEqual(expected);
  });

  it('starts after the cursor row even when it shares its timestamp with the rows before and after it', async () => {
    const [, , cursorId] = expected;
    const cursorRow = await database.db.selectFrom('conversations').select('last_message_at').where('id', '=', cursorId as string).executeTakeFirstOrThrow();
    const at = new Date(cursorRow.last_message_at as string).toISOString();
    const page = await listConversations(database.db, { tenantId }, { limit: 50, after: { lastMessageAt: at, id: cursorId as string } });
    expect(page.map((c) => c.id)).toEqual(expected.slice(3));
  });

  it('the cursor is part of the index condition', async () => {
    const query = conversationPageQuery(database.db, { tenantId }, { limit: 51, after: { lastMessageAt: '2026-01-05T09:02:00.000Z', id: 'z' } }).compile();
    if (testDialect() === 'sqlite') {
      const plan = await database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
      expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(/USING (COVERING )?INDEX \S+ \(tenant_id=\? AND .*\(last_message_at,id\)<\(\?,\?\)\)/);
      return;
    }
    // A table this small would be read sequentially; forbid that to see which index bound the planner uses.
    const plan = await database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
    });
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Cond: .*ROW\(last_message_at, id\) < ROW\(/);
  });
});
