import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutoAssignment, Conversation } from '@valeo/contracts';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { buildWorkTestApp, type Headers, type WorkTestApp } from './work-test-app.js';

describe(`channel default team and team round-robin (${testDialect()})`, () => {
  let t: WorkTestApp;
  let admin: { id: string; headers: Headers };
  let anna: string;
  let bert: string;
  let carl: string;
  let teamId: string;
  let channelId: string;
  const disconnects: (() => void)[] = [];

  beforeAll(async () => {
    t = await buildWorkTestApp();
    admin = await t.signIn('admin');
    anna = (await t.signIn('agent', { name: 'Anna' })).id;
    bert = (await t.signIn('agent', { name: 'Bert' })).id;
    carl = (await t.signIn('agent', { name: 'Carl' })).id;
    // Everyone is online; Carl is not in the team.
    for (const userId of [anna, bert, carl]) disconnects.push(t.realtime.hub.connect(t.tenantId, () => undefined, userId));
    teamId = (await t.teams.create(t.tenantId, { name: 'Kundendienst', memberIds: [anna, bert] })).id;
    channelId = await t.createChannel(t.tenantId);
  });
  afterAll(async () => {
    for (const off of disconnects) off();
    await t?.close();
  });

  const settings = (payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1/channels/${channelId}/auto-assignment`, headers: admin.headers, payload });
  const inbound = (conversationId: string) => ({ tenantId: t.tenantId, channelId, conversationId, messageId: 'm', contactWaId: '49', type: 'text' });
  const view = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/conversations/${id}`, headers: admin.headers })).json<Conversation>();

  it('new conversations of a channel join its default team (switch on or off); existing ones keep theirs', async () => {
    const before = await t.conversation({ channelId });
    const res = await settings({ enabled: false, defaultTeamId: teamId });
    expect(res.json<AutoAssignment>()).toEqual({ channelId, enabled: false, defaultTeamId: teamId });
    const after = await t.conversation({ channelId });
    expect((await view(after)).team).toEqual({ id: teamId, name: 'Kundendienst' });
    expect((await view(before)).team).toBeNull();
    expect((await t.conversation({ channelId: t.channelId }))).toBeTruthy();
    // Leaving defaultTeamId out keeps it.
    expect((await settings({ enabled: true })).json<AutoAssignment>()).toEqual({ channelId, enabled: true, defaultTeamId: teamId });
  });

  it('the round-robin picks only among the online agents of the conversation’s team', async () => {
    const picked: (string | undefined)[] = [];
    for (let i = 0; i < 4; i += 1) {
      const id = await t.conversation({ channelId });
      picked.push(await t.work.autoAssigner.onInbound(inbound(id)));
    }
    expect(new Set(picked)).toEqual(new Set([anna, bert]));
    expect(picked[0]).not.toBe(picked[1]);
    expect(picked[2]).toBe(picked[0]);
  });

  it('a team with nobody online leaves the conversation unassigned; without a team anyone online may get it', async () => {
    const empty = (await t.teams.create(t.tenantId, { name: 'Leer', memberIds: [] })).id;
    const id = await t.conversation({ channelId });
    await t.work.service.setTeam({ tenantId: t.tenantId }, id, empty);
    expect(await t.work.autoAssigner.onInbound(inbound(id))).toBeUndefined();

    await t.work.service.setTeam({ tenantId: t.tenantId }, id, null);
    const assigned = await t.work.autoAssigner.onInbound(inbound(id));
    expect([anna, bert, carl]).toContain(assigned);
  });

  it('deleting the default team leaves the channel without one; a team can be unset with null', async () => {
    const other = (await t.teams.create(t.tenantId, { name: 'Vorübergehend', memberIds: [carl] })).id;
    expect((await settings({ enabled: true, defaultTeamId: other })).statusCode).toBe(200);
    await t.teams.remove(t.tenantId, other);
    const get = await t.app.inject({ method: 'GET', url: `/api/v1/channels/${channelId}/auto-assignment`, headers: admin.headers });
    expect(get.json<AutoAssignment>().defaultTeamId).toBeNull();
    expect((await view(await t.conversation({ channelId }))).team).toBeNull();
    expect((await settings({ enabled: true, defaultTeamId: teamId })).json<AutoAssignment>().defaultTeamId).toBe(teamId);
    expect((await settings({ enabled: true, defaultTeamId: null })).json<AutoAssignment>().defaultTeamId).toBeNull();
  });
});
