import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '@valeo/contracts';
import type { DomainEventMap } from '../../../core/events/domain-events.js';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildWorkTestApp, type Headers, type WorkTestApp } from './work-test-app.js';

type Signed = { id: string; headers: Headers };

describe(`conversation assignment, close/reopen and read (${testDialect()})`, () => {
  let t: WorkTestApp;
  let admin: Signed;
  let supervisor: Signed;
  let agent: Signed;
  let colleague: Signed;
  let viewer: Signed;
  let marketing: Signed;
  const events: DomainEventMap['conversation.updated'][] = [];

  beforeAll(async () => {
    t = await buildWorkTestApp();
    admin = await t.signIn('admin');
    supervisor = await t.signIn('supervisor');
    agent = await t.signIn('agent', { name: 'Anna Agent' });
    colleague = await t.signIn('agent');
    viewer = await t.signIn('viewer');
    marketing = await t.signIn('marketing');
    t.bus.subscribe('conversation.updated', (e) => void events.push(e));
  });
  afterAll(() => t?.close());

  const post = (url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const assign = (id: string, headers: Headers, userId: string | null) => post(`/conversations/${id}/assignment`, headers, { userId });

  it('admins and supervisors assign anyone eligible; the answer carries the assignee by name', async () => {
    const id = await t.conversation();
    const res = await assign(id, supervisor.headers, agent.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Conversation>().assignee).toEqual({ id: agent.id, name: 'Anna Agent' });
    expect((await assign(id, admin.headers, colleague.id)).json<Conversation>().assignee?.id).toBe(colleague.id);
    expect((await assign(id, admin.headers, null)).json<Conversation>().assignee).toBeNull();
    expect((await assign(id, t.adminKey, supervisor.id)).json<Conversation>().assignee?.id).toBe(supervisor.id);
  });

  it('an agent takes a conversation or gives up their own, nothing else', async () => {
    const id = await t.conversation();
    expect((await assign(id, agent.headers, colleague.id)).statusCode).toBe(403);
    expect((await assign(id, agent.headers, agent.id)).statusCode).toBe(200);
    const notTheirs = await assign(id, colleague.headers, null);
    expect(notTheirs.statusCode).toBe(403);
    expect(notTheirs.json()).toMatchObject({ error: { code: 'ASSIGNMENT_FORBIDDEN' } });
    const released = await assign(id, agent.headers, null);
    expect(released.statusCode).toBe(200);
    expect(released.json<Conversation>().assignee).toBeNull();
  });

  it('viewers and marketing may not assign, close or read (403)', async () => {
    const id = await t.conversation();
    for (const who of [viewer, marketing]) {
      expect((await assign(id, who.headers, who.id)).statusCode).toBe(403);
      expect((await post(`/conversations/${id}/close`, who.headers)).statusCode).toBe(403);
      expect((await post(`/conversations/${id}/read`, who.headers)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}`, headers: viewer.headers })).json<Conversation>().assignee).toBeNull();
  });

  it('an unknown user, another tenant’s user or a viewer cannot be the assignee (400)', async () => {
    const id = await t.conversation();
    const foreign = await t.createTenant();
    const stranger = await t.signIn('agent', { tenantId: foreign.tenantId });
    for (const userId of ['no-such-user', stranger.id]) {
      const res = await assign(id, admin.headers, userId);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'ASSIGNEE_NOT_FOUND' } });
    }
    const ineligible = await assign(id, admin.headers, viewer.id);
    expect(ineligible.statusCode).toBe(400);
    expect(ineligible.json()).toMatchObject({ error: { code: 'ASSIGNEE_NOT_ELIGIBLE' } });
    expect((await assign(id, admin.headers, { bad: true } as unknown as string)).statusCode).toBe(400);
  });

  it('a deactivated user can no longer be assigned nor listed, but keeps their name on past conversations', async () => {
    const leaving = await t.signIn('agent', { name: 'Leaving Lea' });
    const earlier = await t.conversation();
    expect((await assign(earlier, admin.headers, leaving.id)).statusCode).toBe(200);
    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${leaving.id}`, headers: t.adminKey, payload: { active: false } });
    expect(off.statusCode, off.body).toBe(200);
    const res = await assign(await t.conversation(), admin.headers, leaving.id);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'ASSIGNEE_NOT_ELIGIBLE' } });
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/assignees', headers: admin.headers });
    expect(listed.json<{ data: { id: string }[] }>().data.map((a) => a.id)).not.toContain(leaving.id);
    const past = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${earlier}`, headers: admin.headers });
    expect(past.json<Conversation>().assignee).toEqual({ id: leaving.id, name: 'Leaving Lea' });
  });

  it('another tenant’s conversation is 404 for every action and stays unchanged', async () => {
    const foreign = await t.createTenant();
    const id = await t.conversation({ tenantId: foreign.tenantId, channelId: foreign.channelId });
    for (const action of ['close', 'reopen', 'read']) {
      const res = await post(`/conversations/${id}/${action}`, admin.headers);
      expect(res.statusCode, action).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'CONVERSATION_NOT_FOUND' } });
    }
    expect((await assign(id, admin.headers, agent.id)).statusCode).toBe(404);
    const row = await t.database.db.selectFrom('conversations').select(['status', 'assignee_user_id', 'unread_count']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', assignee_user_id: null, unread_count: 1 });
  });

  it('close and reopen are idempotent, keep the assignee and publish one event per change', async () => {
    const id = await t.conversation();
    await assign(id, agent.headers, agent.id);
    const closed = await post(`/conversations/${id}/close`, agent.headers);
    expect(closed.json<Conversation>()).toMatchObject({ status: 'closed', assignee: { id: agent.id } });
    expect((await post(`/conversations/${id}/close`, agent.headers)).json<Conversation>().status).toBe('closed');
    expect((await post(`/conversations/${id}/reopen`, t.adminKey)).json<Conversation>().status).toBe('open');
    await eventually(() => expect(events.filter((e) => e.conversationId === id).map((e) => e.change)).toEqual(['assigned', 'closed', 'reopened']));
    expect(events.find((e) => e.conversationId === id)).toEqual({ tenantId: t.tenantId, conversationId: id, channelId: t.channelId, change: 'assigned' });
  });

  it('a new inbound message reopens a closed conversation', async () => {
    const id = await t.conversation();
    await post(`/conversations/${id}/close`, admin.headers);
    const contactId = (await t.database.db.selectFrom('conversations').select('contact_id').where('id', '=', id).executeTakeFirstOrThrow()).contact_id;
    const { createConversationsService } = await import('../index.js');
    const now = t.clock.now();
    await createConversationsService(t.database.db).touch({ tenantId: t.tenantId, channelId: t.channelId, contactId, now, messageAt: now, preview: 'again', inbound: true });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}`, headers: admin.headers });
    expect(res.json<Conversation>().status).toBe('open');
  });

  it('read resets the unread count; reading again changes nothing and publishes nothing', async () => {
    const id = await t.conversation();
    const contactId = (await t.database.db.selectFrom('conversations').select('contact_id').where('id', '=', id).executeTakeFirstOrThrow()).contact_id;
    const { createConversationsService } = await import('../index.js');
    const now = t.clock.now();
    await createConversationsService(t.database.db).touch({ tenantId: t.tenantId, channelId: t.channelId, contactId, now, messageAt: now, preview: 'second', inbound: true });
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}`, headers: agent.headers });
    expect(before.json<Conversation>().unreadCount).toBe(2);
    expect((await post(`/conversations/${id}/read`, agent.headers)).json<Conversation>().unreadCount).toBe(0);
    expect((await post(`/conversations/${id}/read`, supervisor.headers)).json<Conversation>().unreadCount).toBe(0);
    await eventually(() => expect(events.filter((e) => e.conversationId === id).map((e) => e.change)).toEqual(['read']));
  });

  it('lists who can be assigned (no viewers or marketing), with their presence', async () => {
    const disconnect = t.realtime.hub.connect(t.tenantId, () => undefined, agent.id);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/assignees', headers: viewer.headers });
    disconnect();
    expect(res.statusCode).toBe(200);
    const list = res.json<{ data: { id: string; role: string; online: boolean }[] }>().data;
    expect(list.map((a) => a.id).sort()).toEqual([admin.id, supervisor.id, agent.id, colleague.id].sort());
    expect(list.find((a) => a.id === agent.id)?.online).toBe(true);
    expect(list.find((a) => a.id === colleague.id)?.online).toBe(false);
  });

  it('the cookie session needs the CSRF token for these changes', async () => {
    const id = await t.conversation();
    const res = await post(`/conversations/${id}/close`, { cookie: agent.headers['cookie'] ?? '' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
  });
});
