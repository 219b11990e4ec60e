import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '@valeo/contracts';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildWorkTestApp, type Headers, type WorkTestApp } from './work-test-app.js';

type Page = { data: Conversation[]; nextCursor: string | null };

describe(`GET /api/v1/conversations filters (${testDialect()})`, () => {
  let t: WorkTestApp;
  let agent: { id: string; headers: Headers };
  let other: { id: string; headers: Headers };
  let secondChannel: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildWorkTestApp();
    agent = await t.signIn('agent', { name: 'Anna Agent' });
    other = await t.signIn('agent', { name: 'Otto Other' });
    secondChannel = await t.createChannel(t.tenantId);
    const base = t.clock.now().getTime();
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    // Newest first: mineOpen (4) > unassignedOpen (3) > otherClosed (2) > secondChannel (1) > mineClosed (0).
    ids['mineClosed'] = await t.conversation({ at: at(0) });
    ids['second'] = await t.conversation({ at: at(1), channelId: secondChannel });
    ids['otherClosed'] = await t.conversation({ at: at(2) });
    ids['unassigned'] = await t.conversation({ at: at(3) });
    ids['mineOpen'] = await t.conversation({ at: at(4) });
    const admin = t.adminKey;
    for (const [key, userId] of [['mineClosed', agent.id], ['mineOpen', agent.id], ['otherClosed', other.id], ['second', other.id]] as const) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${ids[key]}/assignment`, headers: admin, payload: { userId } });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const key of ['mineClosed', 'otherClosed']) {
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${ids[key]}/close`, headers: admin })).statusCode).toBe(200);
    }
    // Another tenant's conversations never show up.
    const foreign = await t.createTenant();
    await t.conversation({ tenantId: foreign.tenantId, channelId: foreign.channelId, at: at(5) });
  });
  afterAll(() => t?.close());

  async function list(query: string, headers: Headers = agent.headers): Promise<Page> {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/conversations${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  }
  const names = (page: Page) => page.data.map((c) => Object.entries(ids).find(([, id]) => id === c.id)?.[0]);

  it('without filters: every conversation of the tenant, newest first, with its assignee', async () => {
    const page = await list('');
    expect(names(page)).toEqual(['mineOpen', 'unassigned', 'otherClosed', 'second', 'mineClosed']);
    expect(page.data[0]?.assignee).toEqual({ id: agent.id, name: 'Anna Agent' });
    expect(page.data[1]?.assignee).toBeNull();
  });

  it('assignee=me | unassigned | <user id>', async () => {
    expect(names(await list('?assignee=me'))).toEqual(['mineOpen', 'mineClosed']);
    expect(names(await list('?assignee=me', other.headers))).toEqual(['otherClosed', 'second']);
    expect(names(await list('?assignee=unassigned'))).toEqual(['unassigned']);
    expect(names(await list(`?assignee=${other.id}`))).toEqual(['otherClosed', 'second']);
  });

  it('status and channelId, combined with assignee', async () => {
    expect(names(await list('?status=closed'))).toEqual(['otherClosed', 'mineClosed']);
    expect(names(await list('?status=open'))).toEqual(['mineOpen', 'unassigned', 'second']);
    expect(names(await list('?assignee=me&status=open'))).toEqual(['mineOpen']);
    expect(names(await list(`?channelId=${secondChannel}`))).toEqual(['second']);
    expect(names(await list(`?channelId=${t.channelId}&status=open`))).toEqual(['mineOpen', 'unassigned']);
  });

  it('pages through a filter with the cursor, each row once', async () => {
    const first = await list('?status=open&limit=2');
    expect(names(first)).toEqual(['mineOpen', 'unassigned']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?status=open&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(names(second)).toEqual(['second']);
    expect(second.nextCursor).toBeNull();
  });

  it('assignee=me needs a signed-in user; bad values are 400, never 500', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/conversations?assignee=me', headers: t.adminKey });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'ASSIGNEE_FILTER_NEEDS_USER' } });
    for (const query of ['?status=pending', '?assignee=', `?assignee=${'x'.repeat(65)}`, '?unknown=x']) {
      const bad = await t.app.inject({ method: 'GET', url: `/api/v1/conversations${query}`, headers: agent.headers });
      expect(bad.statusCode, query).toBe(400);
    }
  });

  it('the list uses an index for each filter (no full scan of conversations)', async () => {
    if (testDialect() !== 'sqlite') return;
    const { sql } = await import('kysely');
    const plan = async (where: string) => {
      const rows = await sql.raw<{ detail: string }>(
        `explain query plan select * from conversations where tenant_id = 'x' and last_message_at is not null ${where} order by last_message_at desc, id desc limit 51`,
      ).execute(t.database.db);
      return rows.rows.map((r) => r.detail).join(' | ');
    };
    for (const where of ['', "and status = 'open'", "and assignee_user_id = 'u' and status = 'open'", "and assignee_user_id is null and status = 'open'", "and channel_id = 'c' and status = 'open'"]) {
      const detail = await plan(where);
      expect(detail, where).toMatch(/USING (COVERING )?INDEX/);
      expect(detail, where).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    }
  });
});
