import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutoAssignment } from '@valeo/contracts';
import { silentLogger } from '../../../core/logger.js';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { createUsersDirectory } from '../../users/index.js';
import { createAutoAssigner } from '../auto-assignment.js';
import { buildWorkTestApp, type Headers, type WorkTestApp } from './work-test-app.js';

describe(`auto-assignment round-robin (${testDialect()})`, () => {
  let t: WorkTestApp;
  let anna: string;
  let bert: string;
  let offline: string;
  let admin: { id: string; headers: Headers };
  const disconnects: (() => void)[] = [];

  beforeAll(async () => {
    t = await buildWorkTestApp();
    admin = await t.signIn('admin');
    anna = (await t.signIn('agent', { name: 'Anna' })).id;
    bert = (await t.signIn('agent', { name: 'Bert' })).id;
    offline = (await t.signIn('agent', { name: 'Offline' })).id;
    const supervisor = (await t.signIn('supervisor')).id;
    // Online = an open live stream; a supervisor online is not in the rotation, nor is an agent without a stream.
    for (const userId of [anna, bert, bert, supervisor, admin.id]) disconnects.push(t.realtime.hub.connect(t.tenantId, () => undefined, userId));
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/channels/${t.channelId}/auto-assignment`, headers: admin.headers, payload: { enabled: true } });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    for (const off of disconnects) off();
    await t?.close();
  });

  const inbound = (conversationId: string, channelId = t.channelId) => ({ tenantId: t.tenantId, channelId, conversationId, messageId: 'm', contactWaId: '49', type: 'text' });
  const assigneeOf = async (id: string) =>
    (await t.database.db.selectFrom('conversations').select('assignee_user_id').where('id', '=', id).executeTakeFirstOrThrow()).assignee_user_id;

  it('is off by default, switched per channel by channels:manage; another tenant’s channel is 404', async () => {
    const other = await t.createChannel(t.tenantId);
    const get = await t.app.inject({ method: 'GET', url: `/api/v1/channels/${other}/auto-assignment`, headers: admin.headers });
    expect(get.json<AutoAssignment>()).toEqual({ channelId: other, enabled: false, defaultTeamId: null });
    const agent = await t.signIn('agent');
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/channels/${other}/auto-assignment`, headers: agent.headers, payload: { enabled: true } })).statusCode).toBe(403);
    const foreign = await t.createTenant();
    for (const method of ['GET', 'PUT'] as const) {
      const res = await t.app.inject({ method, url: `/api/v1/channels/${foreign.channelId}/auto-assignment`, headers: admin.headers, ...(method === 'PUT' ? { payload: { enabled: true } } : {}) });
      expect(res.statusCode, method).toBe(404);
    }
    const id = await t.conversation({ channelId: other });
    expect(await t.work.autoAssigner.onInbound(inbound(id, other))).toBeUndefined();
    expect(await assigneeOf(id)).toBeNull();
  });

  it('hands new conversations to the online agents in turn (two online agents alternate)', async () => {
    const got: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1) {
      const id = await t.conversation();
      await t.work.autoAssigner.onInbound(inbound(id));
      got.push(await assigneeOf(id));
    }
    expect(new Set(got)).toEqual(new Set([anna, bert]));
    expect(got[0]).not.toBe(got[1]);
    expect(got[2]).toBe(got[0]);
    expect(got[3]).toBe(got[1]);
    expect(got).not.toContain(offline);
  });

  it('leaves assigned and closed conversations alone', async () => {
    const assigned = await t.conversation();
    await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${assigned}/assignment`, headers: admin.headers, payload: { userId: offline } });
    expect(await t.work.autoAssigner.onInbound(inbound(assigned))).toBeUndefined();
    expect(await assigneeOf(assigned)).toBe(offline);
    const closed = await t.conversation();
    await t.app.inject({ method: 'POST', url: `/api/v1/conversations/${closed}/close`, headers: admin.headers });
    expect(await t.work.autoAssigner.onInbound(inbound(closed))).toBeUndefined();
    expect(await assigneeOf(closed)).toBeNull();
  });

  it('keeps the rotation across a restart (the cursor is in the database)', async () => {
    const first = await t.conversation();
    const before = await t.work.autoAssigner.onInbound(inbound(first));
    // A new process: fresh assigner, same database.
    const restarted = createAutoAssigner({
      db: t.database.db, events: t.bus, clock: t.clock, logger: silentLogger,
      team: createUsersDirectory(t.database.db), presence: t.realtime.presence,
    });
    const second = await t.conversation();
    const after = await restarted.onInbound(inbound(second));
    expect([before, after].sort()).toEqual([anna, bert].sort());
  });

  it('stays fair under concurrency: 10 simultaneous inbound messages, each assigned once, 5 each', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, () => t.conversation()));
    await Promise.all(ids.map((id) => t.work.autoAssigner.onInbound(inbound(id))));
    const assignees = await Promise.all(ids.map(assigneeOf));
    expect(assignees.filter((a) => a === anna)).toHaveLength(5);
    expect(assignees.filter((a) => a === bert)).toHaveLength(5);
  });

  it('runs on message.received and publishes conversation.updated; nobody online → stays unassigned', async () => {
    const updates: string[] = [];
    const off = t.bus.subscribe('conversation.updated', (e) => void updates.push(e.conversationId));
    const stop = t.work.autoAssigner.listen();
    const id = await t.conversation();
    t.bus.publish('message.received', inbound(id));
    await eventually(async () => expect([anna, bert]).toContain(await assigneeOf(id)));
    await eventually(() => expect(updates).toContain(id));
    for (const disconnect of disconnects.splice(0)) disconnect();
    const lonely = await t.conversation();
    expect(await t.work.autoAssigner.onInbound(inbound(lonely))).toBeUndefined();
    expect(await assigneeOf(lonely)).toBeNull();
    stop();
    off();
  });
});
