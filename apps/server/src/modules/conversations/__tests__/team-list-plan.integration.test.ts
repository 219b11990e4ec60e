import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenantWithChannel } from '../../../../test/factories/tenant-channel.factory.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { conversationPageQuery, type ConversationListFilter } from '../conversation-list-query.js';

/**
 * `team=<id>` walks conversations_tenant_team_status_last_idx (0010), with the cursor as its bound.
 * (`team=mine` is an IN list of team ids; on an empty table the planners' choice for it says nothing,
 * it was measured at 100k instead — see TeamFilter.)
 */
describe(`conversation list by team: query plan (${testDialect()})`, () => {
  let database: TestDatabase;
  let tenantId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    tenantId = (await makeTenantWithChannel(database.db)).tenantId;
  });
  afterAll(() => database?.destroy());

  const plan = async (filter: Omit<ConversationListFilter, 'tenantId'>): Promise<string> => {
    const query = conversationPageQuery(database.db, { tenantId, ...filter }, { limit: 51, after: { lastMessageAt: '2026-01-05T09:02:00.000Z', id: 'z' } }).compile();
    if (testDialect() === 'sqlite') {
      const rows = await database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
      return rows.rows.map((r) => r.detail).join(' | ');
    }
    // An empty table would be read sequentially; forbid that to see which index the planner picks.
    const rows = await database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
    });
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  it('team=<id> with a status: the team index, bounded by the cursor', async () => {
    const text = await plan({ team: { kind: 'team', teamId: 't1' }, status: 'open' });
    expect(text).toContain('conversations_tenant_team_status_last_idx');
    if (testDialect() === 'sqlite') expect(text).toMatch(/\(last_message_at,id\)<\(\?,\?\)/);
    else expect(text).toMatch(/Index Cond: .*ROW\(last_message_at, id\) < ROW\(/);
  });
});
