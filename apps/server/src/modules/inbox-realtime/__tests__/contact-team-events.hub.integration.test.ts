import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import type { Call, InboxHarness } from '../../../../test/helpers/inbox-harness.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { startLiveStreamFixture, type Id, type LiveStreamFixture, type Tenant } from './live-stream-fixture.js';
import type { SseClient } from './sse-client.js';

/**
 * The whole Hub: changes to a contact (labels, side-panel profile) and to teams reach the other
 * inboxes of the tenant live, as ids only, once committed — never another tenant's stream, never
 * for a change that was refused or rolled back.
 */
describe(`contact.updated and team.updated on the live stream (${testDialect()})`, () => {
  let live: LiveStreamFixture;
  let h: InboxHarness;
  let viewer: Tenant;
  let other: Tenant;
  let agent: Call;
  let supervisor: Call;

  beforeAll(async () => {
    live = await startLiveStreamFixture('other-contact-team');
    ({ h, viewer, other, agent, supervisor } = live);
  });
  afterAll(() => live?.stop());

  const openStreams = () => live.openStreams();
  const expectOnlyOwnMarker = (theirs: SseClient) => live.expectOnlyOwnMarker(theirs);

  const contactOf = async (conversationId: string) => ((await h.admin('GET', `/api/v1/conversations/${conversationId}`)).body as { contact: Id }).contact.id;
  const contactEvents = (stream: SseClient, contactId: string) => stream.events('contact.updated').filter((e) => e.data['contactId'] === contactId);
  const teamEvents = (stream: SseClient, teamId: string) => stream.events('team.updated').filter((e) => e.data['teamId'] === teamId);

  it('pushes contact.updated (labels, profile) with ids only; the viewer refetches the contact through the API', async () => {
    const { mine, theirs } = await openStreams();
    const contactId = await contactOf(await h.inbound('4915100000301', 'Hallo'));
    const label = (await supervisor('POST', '/api/v1/labels', { name: 'Stammkunde', color: '#1f8a70' })).body as Id;

    expect((await agent('PUT', `/api/v1/contacts/${contactId}/labels/${label.id}`)).status).toBe(200);
    await eventually(() => expect(contactEvents(mine, contactId)).toHaveLength(1));
    expect(contactEvents(mine, contactId)[0]?.data).toEqual({ tenantId: h.hub.tenantId, contactId, change: 'labels' });
    const refetched = await viewer.call('GET', `/api/v1/contacts/${contactId}`);
    expect((refetched.body as { labels: Id[] }).labels.map((l) => l.id)).toEqual([label.id]);

    expect((await agent('DELETE', `/api/v1/contacts/${contactId}/labels/${label.id}`)).status).toBe(200);
    expect((await agent('PATCH', `/api/v1/contacts/${contactId}`, { erpCustomerId: 'K-301', consent: { status: 'opted_in', source: 'Telefon' } })).status).toBe(200);
    await eventually(() => expect(contactEvents(mine, contactId).map((e) => e.data['change'])).toEqual(['labels', 'labels', 'profile']));
    // Conversation labels keep their own event; a contact's never shows up as a conversation change.
    expect(mine.events('conversation.updated')).toEqual([]);
    await expectOnlyOwnMarker(theirs);
  });

  it('publishes contact.updated only after the commit, and nothing for a refused or rolled-back change', async () => {
    // Made before the streams open: creating it is a live `label.updated` of the other tenant.
    const foreignLabel = (await other.call('POST', '/api/v1/labels', { name: 'Fremd', color: '#000000' })).body as Id;
    const { mine, theirs } = await openStreams();
    const contactId = await contactOf(await h.inbound('4915100000302', 'Hallo'));
    const db = h.hub.container.database.db;
    // What another connection reads the moment the event is handled: the committed row, or the change was published too early.
    const readAtEvent: (string | null)[] = [];
    const off = h.hub.container.events.subscribe('contact.updated', async (e) => {
      if (e.contactId !== contactId) return;
      readAtEvent.push((await db.selectFrom('contacts').select('erp_customer_id').where('id', '=', contactId).executeTakeFirstOrThrow()).erp_customer_id);
    });
    const path = `/api/v1/contacts/${contactId}`;
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect((await agent('PATCH', path, { attributes: fifty, erpCustomerId: 'K-302' })).status).toBe(200);
    await eventually(() => expect(readAtEvent).toEqual(['K-302']));

    // Rolled back: the attribute limit is checked inside the transaction, after the row was locked.
    const refused = await agent('PATCH', path, { attributes: { one_more: 'v' }, erpCustomerId: 'K-ROLLED-BACK' });
    expect(refused.status).toBe(422);
    expect((await viewer.call('GET', path)).body).toMatchObject({ erpCustomerId: 'K-302' });
    // Refused before anything was written: wrong scope, another tenant's contact or label, an unknown label.
    expect((await viewer.call('PATCH', path, { erpCustomerId: 'K-X' })).status).toBe(403);
    expect((await other.call('PATCH', path, { erpCustomerId: 'K-X' })).status).toBe(404);
    expect((await agent('PUT', `/api/v1/contacts/${contactId}/labels/${foreignLabel.id}`)).status).toBe(404);
    expect((await agent('PUT', `/api/v1/contacts/${contactId}/labels/no-such-label`)).status).toBe(404);

    // A last good change: had any refused one published, its event would stand before this one.
    expect((await agent('PATCH', path, { erpCustomerId: 'K-302-B' })).status).toBe(200);
    await eventually(() => expect(contactEvents(mine, contactId)).toHaveLength(2));
    // The handler's read runs on after the stream got the event.
    await eventually(() => expect(readAtEvent).toEqual(['K-302', 'K-302-B']));
    off();
    // The refused calls left the other tenant's stream empty until its marker.
    await expectOnlyOwnMarker(theirs);
  });

  it('pushes team.updated for create, rename, members and delete once each took effect; refused changes and no-op repeats publish nothing', async () => {
    const { mine, theirs } = await openStreams();
    const users = h.hub.container.users.users;
    const member = await users.createUser({ tenantId: h.hub.tenantId, email: 'teamer@hub.example', name: 'Tina Team', password: 'team member password 1', role: 'agent' });
    const team = (await supervisor('POST', '/api/v1/teams', { name: 'Reklamationen' })).body as Id;
    await supervisor('POST', '/api/v1/teams', { name: 'Vertrieb' });
    const db = h.hub.container.database.db;
    const namesAtEvent: string[] = [];
    const off = h.hub.container.events.subscribe('team.updated', async (e) => {
      if (e.teamId !== team.id || e.change !== 'renamed') return;
      namesAtEvent.push((await db.selectFrom('teams').select('name').where('id', '=', team.id).executeTakeFirstOrThrow()).name);
    });

    expect((await supervisor('PATCH', `/api/v1/teams/${team.id}`, { name: 'Reklamation' })).status).toBe(200);
    expect((await supervisor('PATCH', `/api/v1/teams/${team.id}`, { name: 'vertrieb' })).status).toBe(409);
    expect((await agent('PATCH', `/api/v1/teams/${team.id}`, { name: 'Agent' })).status).toBe(403);
    expect((await other.call('PATCH', `/api/v1/teams/${team.id}`, { name: 'Fremd' })).status).toBe(404);
    for (let i = 0; i < 2; i += 1) expect((await supervisor('PUT', `/api/v1/teams/${team.id}/members/${member.id}`)).status).toBe(200);
    expect((await supervisor('PUT', `/api/v1/teams/${team.id}/members/no-such-user`)).status).toBe(400);
    for (let i = 0; i < 2; i += 1) expect((await supervisor('DELETE', `/api/v1/teams/${team.id}/members/${member.id}`)).status).toBe(200);
    expect((await other.call('DELETE', `/api/v1/teams/${team.id}`)).status).toBe(404);
    expect((await supervisor('DELETE', `/api/v1/teams/${team.id}`)).status).toBe(204);

    await eventually(() => expect(teamEvents(mine, team.id).map((e) => e.data['change'])).toEqual(['created', 'renamed', 'members', 'members', 'deleted']));
    expect(teamEvents(mine, team.id)[0]?.data).toEqual({ tenantId: h.hub.tenantId, teamId: team.id, change: 'created' });
    await eventually(() => expect(namesAtEvent).toEqual(['Reklamation']));
    off();
    await expectOnlyOwnMarker(theirs);
  });
});
