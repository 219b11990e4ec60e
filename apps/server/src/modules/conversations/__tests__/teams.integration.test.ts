import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, Team, TeamList } from '@valeo/contracts';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildWorkTestApp, type Headers, type WorkTestApp } from './work-test-app.js';

type Who = { id: string; headers: Headers };
type ErrorBody = { error: { code: string } };

/** The teams module's routes (mounted in the work test app, with real sign-ins) and the team of a conversation. */
describe(`teams (${testDialect()})`, () => {
  let t: WorkTestApp;
  let admin: Who;
  let supervisor: Who;
  let agent: Who;
  let viewer: Who;
  beforeAll(async () => {
    t = await buildWorkTestApp();
    admin = await t.signIn('admin');
    supervisor = await t.signIn('supervisor', { name: 'Sabine' });
    agent = await t.signIn('agent', { name: 'Anna' });
    viewer = await t.signIn('viewer');
  });
  afterAll(() => t?.close());

  const call = async (who: Who | Headers, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const headers = 'headers' in who ? (who.headers as Headers) : who;
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.body === '' ? undefined : (res.json() as unknown) };
  };
  const createTeam = async (name: string, memberIds: string[] = [], who: Who = supervisor) => {
    const res = await call(who, 'POST', '/teams', { name, memberIds });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Team;
  };

  it('admins and supervisors create, rename and delete teams and manage members; agents and viewers read only (403)', async () => {
    const team = await createTeam('  Kundendienst   Nord ', [agent.id]);
    expect(team).toMatchObject({ name: 'Kundendienst Nord', members: [{ id: agent.id, name: 'Anna' }] });
    for (const who of [agent, viewer]) {
      expect((await call(who, 'POST', '/teams', { name: 'Nope' })).status).toBe(403);
      expect((await call(who, 'PATCH', `/teams/${team.id}`, { name: 'Nope' })).status).toBe(403);
      expect((await call(who, 'PUT', `/teams/${team.id}/members/${who.id}`)).status).toBe(403);
      expect((await call(who, 'DELETE', `/teams/${team.id}`)).status).toBe(403);
      const list = await call(who, 'GET', '/teams');
      expect(list.status).toBe(200);
      expect((list.body as TeamList).data.map((x) => x.id)).toContain(team.id);
    }
    const renamed = await call(admin, 'PATCH', `/teams/${team.id}`, { name: 'Kundendienst' });
    expect(renamed.body).toMatchObject({ id: team.id, name: 'Kundendienst' });
    for (let i = 0; i < 2; i += 1) {
      const added = await call(supervisor, 'PUT', `/teams/${team.id}/members/${supervisor.id}`);
      expect((added.body as Team).members.map((m) => m.name)).toEqual(['Anna', 'Sabine']);
    }
    const removed = await call(supervisor, 'DELETE', `/teams/${team.id}/members/${agent.id}`);
    expect((removed.body as Team).members.map((m) => m.id)).toEqual([supervisor.id]);
    expect((await call(supervisor, 'DELETE', `/teams/${team.id}`)).status).toBe(204);
    expect((await call(supervisor, 'DELETE', `/teams/${team.id}`)).status).toBe(404);
    expect((await call(viewer, 'GET', `/teams/${team.id}`)).status).toBe(404);
  });

  it('names are unique per tenant whatever their case (409) and validated (400); members must be active users of the tenant', async () => {
    const sales = await createTeam('Vertrieb');
    const dup = await call(supervisor, 'POST', '/teams', { name: 'VERTRIEB' });
    expect(dup.status).toBe(409);
    expect((dup.body as ErrorBody).error.code).toBe('TEAM_NAME_TAKEN');
    const other = await createTeam('Technik');
    expect((await call(supervisor, 'PATCH', `/teams/${other.id}`, { name: 'vertrieb' })).status).toBe(409);
    for (const bad of [{ name: '' }, { name: 'x'.repeat(61) }, { name: '<img src=x onerror=alert(1)>' }, { name: 'Ok', tenantId: 'x' }]) {
      const res = await call(supervisor, 'POST', '/teams', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const foreign = await t.createTenant();
    const stranger = await t.signIn('agent', { tenantId: foreign.tenantId });
    for (const res of [
      await call(supervisor, 'PUT', `/teams/${sales.id}/members/${stranger.id}`),
      await call(supervisor, 'PUT', `/teams/${sales.id}/members/no-such-user`),
      await call(supervisor, 'POST', '/teams', { name: 'Mit Fremden', memberIds: [stranger.id] }),
    ]) {
      expect(res.status).toBe(400);
      expect((res.body as ErrorBody).error.code).toBe('TEAM_MEMBER_NOT_FOUND');
    }
    // The same name is free in another tenant; this tenant's team is a 404 there.
    expect((await call(foreign.adminKey, 'POST', '/teams', { name: 'Vertrieb' })).status).toBe(201);
    expect((await call(foreign.adminKey, 'GET', `/teams/${sales.id}`)).status).toBe(404);
    expect((await call(foreign.adminKey, 'PATCH', `/teams/${sales.id}`, { name: 'Gekapert' })).status).toBe(404);
    expect((await call(foreign.adminKey, 'DELETE', `/teams/${sales.id}`)).status).toBe(404);
    expect((await call(foreign.adminKey, 'PUT', `/teams/${sales.id}/members/${stranger.id}`)).status).toBe(404);
    expect((await call(foreign.adminKey, 'GET', '/teams')).body).toMatchObject({ data: [{ name: 'Vertrieb' }] });
  });

  it('a conversation moves between teams: supervisors anywhere, agents within their own teams, viewers never; the assignee stays', async () => {
    const mine = await createTeam('Agent Team', [agent.id]);
    const theirs = await createTeam('Other Team');
    const conversationId = await t.conversation();
    const changes: string[] = [];
    const off = t.bus.subscribe('conversation.updated', (e) => {
      if (e.conversationId === conversationId) changes.push(e.change);
    });
    const move = (who: Who, teamId: string | null) => call(who, 'POST', `/conversations/${conversationId}/team`, { teamId });

    // The assignee need not be in the team (as in Chatwoot).
    expect((await call(supervisor, 'POST', `/conversations/${conversationId}/assignment`, { userId: supervisor.id })).status).toBe(200);
    const moved = await move(agent, mine.id);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ team: { id: mine.id, name: 'Agent Team' }, assignee: { id: supervisor.id } });
    expect((await move(agent, mine.id)).status).toBe(200); // no change, no event
    expect((await move(agent, theirs.id)).status).toBe(403);
    expect((await move(viewer, null)).status).toBe(403);
    expect(((await move(agent, null)).body as Conversation).team).toBeNull();
    expect(((await move(supervisor, theirs.id)).body as Conversation).team).toEqual({ id: theirs.id, name: 'Other Team' });
    // Out of another team, or into his own from another team: not for an agent.
    const forbidden = await move(agent, null);
    expect(forbidden.status).toBe(403);
    expect((forbidden.body as ErrorBody).error.code).toBe('TEAM_CHANGE_FORBIDDEN');
    expect((await move(agent, mine.id)).status).toBe(403);
    off();
    expect(changes).toEqual(['assigned', 'team', 'team', 'team']);

    // Deleting the team leaves the conversation without one.
    expect((await call(supervisor, 'DELETE', `/teams/${theirs.id}`)).status).toBe(204);
    expect(((await call(viewer, 'GET', `/conversations/${conversationId}`)).body as Conversation).team).toBeNull();
  });

  it('another tenant’s team → 400 TEAM_NOT_FOUND; another tenant’s conversation → 404', async () => {
    const foreign = await t.createTenant();
    const foreignTeam = (await call(foreign.adminKey, 'POST', '/teams', { name: 'Fremd' })).body as Team;
    const conversationId = await t.conversation();
    const res = await call(supervisor, 'POST', `/conversations/${conversationId}/team`, { teamId: foreignTeam.id });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).error.code).toBe('TEAM_NOT_FOUND');
    const own = await createTeam('Eigenes');
    expect((await call(foreign.adminKey, 'POST', `/conversations/${conversationId}/team`, { teamId: foreignTeam.id })).status).toBe(404);
    const channelDefault = await call(supervisor, 'PUT', `/channels/${t.channelId}/auto-assignment`, { enabled: false, defaultTeamId: foreignTeam.id });
    expect(channelDefault.status).toBe(403); // channels:manage is the admin's
    const byAdmin = await call(admin, 'PUT', `/channels/${t.channelId}/auto-assignment`, { enabled: false, defaultTeamId: foreignTeam.id });
    expect(byAdmin.status).toBe(400);
    expect((byAdmin.body as ErrorBody).error.code).toBe('TEAM_NOT_FOUND');
    expect((await call(foreign.adminKey, 'PUT', `/channels/${t.channelId}/auto-assignment`, { enabled: false, defaultTeamId: own.id })).status).toBe(404);
  });

  it('filters the list by team, by "my teams" and by no team, page by page', async () => {
    const tenant = await t.createTenant();
    const me = await t.signIn('agent', { tenantId: tenant.tenantId, name: 'Me' });
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((name) => call(tenant.adminKey, 'POST', '/teams', { name, ...(name === 'C' ? {} : { memberIds: [me.id] }) })));
    const [teamA, teamB, teamC] = [a, b, c].map((r) => (r?.body as Team).id) as [string, string, string];
    // Nine conversations, newest last: teams A, B, C in turn; the ninth has no team.
    const created: { id: string; team: string | null }[] = [];
    const base = t.clock.now().getTime();
    for (let i = 0; i < 9; i += 1) {
      const id = await t.conversation({ tenantId: tenant.tenantId, channelId: tenant.channelId, at: new Date(base + i * 1000) });
      const team = i < 8 ? ([teamA, teamB, teamC][i % 3] as string) : null;
      if (team) expect((await call(tenant.adminKey, 'POST', `/conversations/${id}/team`, { teamId: team })).status).toBe(200);
      created.push({ id, team });
    }
    const newestFirst = (teams: (string | null)[]) => created.filter((c) => teams.includes(c.team)).map((c) => c.id).reverse();
    const pages = async (who: Who | Headers, query: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await call(who, 'GET', `/conversations?limit=2&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const page = res.body as { data: Conversation[]; nextCursor: string | null };
        ids.push(...page.data.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    expect(await pages(tenant.adminKey, `team=${teamA}`)).toEqual(newestFirst([teamA]));
    expect(await pages(tenant.adminKey, `team=${teamC}&status=open`)).toEqual(newestFirst([teamC]));
    expect(await pages(tenant.adminKey, 'team=none')).toEqual(newestFirst([null]));
    expect(await pages(me, 'team=mine')).toEqual(newestFirst([teamA, teamB]));
    expect(newestFirst([teamA, teamB])).toHaveLength(6);
    // In no team: nothing is "mine".
    const loner = await t.signIn('agent', { tenantId: tenant.tenantId });
    expect(await pages(loner, 'team=mine')).toEqual([]);
    // Another tenant's team id finds nothing here; an API key has no "my teams".
    expect(await pages(supervisor, `team=${teamA}`)).toEqual([]);
    const noUser = await call(tenant.adminKey, 'GET', '/conversations?team=mine');
    expect(noUser.status).toBe(400);
  });
});
