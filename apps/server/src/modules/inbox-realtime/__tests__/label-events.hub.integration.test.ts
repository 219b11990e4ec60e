import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { startLiveStreamFixture, type Id, type LiveStreamFixture } from './live-stream-fixture.js';
import type { SseClient } from './sse-client.js';

type Label = Id & { name: string; color: string };

/**
 * The whole Hub: a label created, renamed/recoloured or deleted reaches the other inboxes of the
 * tenant live as `label.updated` (ids only) once written — never another tenant's stream, never for a
 * refused change or an edit that changed nothing.
 */
describe(`label.updated on the live stream (${testDialect()})`, () => {
  let live: LiveStreamFixture;
  beforeAll(async () => {
    live = await startLiveStreamFixture('other-label-events');
  });
  afterAll(() => live?.stop());

  const labelEvents = (stream: SseClient, labelId: string) => stream.events('label.updated').filter((e) => e.data['labelId'] === labelId);
  const changes = (stream: SseClient, labelId: string) => labelEvents(stream, labelId).map((e) => e.data['change']);

  it('pushes label.updated for create, rename, recolour and delete with ids only; the viewer refetches the labels', async () => {
    const { h, viewer, supervisor } = live;
    const { mine, theirs } = await live.openStreams();
    const label = (await supervisor('POST', '/api/v1/labels', { name: 'Rückruf', color: '#1f8a70' })).body as Label;
    await eventually(() => expect(labelEvents(mine, label.id)).toHaveLength(1));
    expect(labelEvents(mine, label.id)[0]?.data).toEqual({ tenantId: h.hub.tenantId, labelId: label.id, change: 'created' });

    expect((await supervisor('PATCH', `/api/v1/labels/${label.id}`, { name: 'Rückruf nötig' })).status).toBe(200);
    expect((await supervisor('PATCH', `/api/v1/labels/${label.id}`, { color: '#AA0000' })).status).toBe(200);
    // A change of case is a rename (the chip shows it), though the name key stays the same.
    expect((await supervisor('PATCH', `/api/v1/labels/${label.id}`, { name: 'RÜCKRUF NÖTIG' })).status).toBe(200);
    await eventually(() => expect(changes(mine, label.id)).toEqual(['created', 'updated', 'updated', 'updated']));
    const refetched = (await viewer.call('GET', '/api/v1/labels')).body as { data: Label[] };
    expect(refetched.data.find((l) => l.id === label.id)).toMatchObject({ name: 'RÜCKRUF NÖTIG', color: '#aa0000' });

    expect((await supervisor('DELETE', `/api/v1/labels/${label.id}`)).status).toBe(204);
    await eventually(() => expect(changes(mine, label.id)).toEqual(['created', 'updated', 'updated', 'updated', 'deleted']));
    await live.expectOnlyOwnMarker(theirs);
  });

  it('deleting a label that conversations and contacts carry is one label.updated, not an event per carrier', async () => {
    const { h, viewer, agent, supervisor } = live;
    const conversationId = await h.inbound('4915100000401', 'Hallo');
    const contactId = ((await h.admin('GET', `/api/v1/conversations/${conversationId}`)).body as { contact: Id }).contact.id;
    const label = (await supervisor('POST', '/api/v1/labels', { name: 'Großkunde', color: '#224466' })).body as Label;
    expect((await agent('PUT', `/api/v1/conversations/${conversationId}/labels/${label.id}`)).status).toBe(200);
    expect((await agent('PUT', `/api/v1/contacts/${contactId}/labels/${label.id}`)).status).toBe(200);
    const { mine, theirs } = await live.openStreams();

    expect((await supervisor('DELETE', `/api/v1/labels/${label.id}`)).status).toBe(204);
    await eventually(() => expect(changes(mine, label.id)).toEqual(['deleted']));
    expect(mine.events().map((e) => e.event)).toEqual(['label.updated']);
    // What the event tells the viewer to refetch: the conversation and the contact without the label.
    expect(((await viewer.call('GET', `/api/v1/conversations/${conversationId}`)).body as { labels: Id[] }).labels).toEqual([]);
    expect(((await viewer.call('GET', `/api/v1/contacts/${contactId}`)).body as { labels: Id[] }).labels).toEqual([]);
    await live.expectOnlyOwnMarker(theirs);
  });

  it('publishes only after the write, and nothing for a refused change or an edit that changed nothing', async () => {
    const { h, other, agent, supervisor } = live;
    await supervisor('POST', '/api/v1/labels', { name: 'Vergeben', color: '#000000' });
    const label = (await supervisor('POST', '/api/v1/labels', { name: 'Offen', color: '#112233' })).body as Label;
    const foreign = (await other.call('POST', '/api/v1/labels', { name: 'Fremd', color: '#000000' })).body as Label;
    const { mine, theirs } = await live.openStreams();
    const db = h.hub.container.database.db;
    // What another connection reads the moment the event is handled: the written row (or its absence), or it was published too early.
    const readAtEvent: (string | null)[] = [];
    const off = h.hub.container.events.subscribe('label.updated', async (e) => {
      if (e.labelId !== label.id) return;
      const row = await db.selectFrom('labels').select(['name', 'color']).where('id', '=', label.id).executeTakeFirst();
      readAtEvent.push(row ? `${row.name} ${row.color}` : null);
    });
    const path = `/api/v1/labels/${label.id}`;

    // Refused: name taken (whatever its case), wrong scope, another tenant's label, an unknown one, an invalid body.
    expect((await supervisor('PATCH', path, { name: 'vergeben' })).status).toBe(409);
    expect((await agent('PATCH', path, { name: 'Agent' })).status).toBe(403);
    expect((await agent('DELETE', path)).status).toBe(403);
    expect((await other.call('PATCH', path, { name: 'Fremd 2' })).status).toBe(404);
    expect((await other.call('DELETE', path)).status).toBe(404);
    expect((await supervisor('PATCH', `/api/v1/labels/${foreign.id}`, { color: '#ffffff' })).status).toBe(404);
    expect((await supervisor('DELETE', '/api/v1/labels/no-such-label')).status).toBe(404);
    expect((await supervisor('PATCH', path, { color: 'red' })).status).toBe(400);
    expect((await supervisor('POST', '/api/v1/labels', { name: 'OFFEN', color: '#000000' })).status).toBe(409);
    // Changed nothing: the same values, also as typed differently (spaces, upper-case hex).
    for (const same of [{ name: 'Offen' }, { name: '  Offen ' }, { color: '#112233' }, { name: 'Offen', color: '#112233' }, { color: '#112233'.toUpperCase() }]) {
      const res = await supervisor('PATCH', path, same);
      expect(res.status, JSON.stringify(same)).toBe(200);
      expect(res.body).toMatchObject({ id: label.id, name: 'Offen', color: '#112233' });
    }

    // A last good change, then the delete: had anything above published, its event would stand before them.
    expect((await supervisor('PATCH', path, { name: 'Geschlossen', color: '#445566' })).status).toBe(200);
    expect((await supervisor('DELETE', path)).status).toBe(204);
    await eventually(() => expect(changes(mine, label.id)).toEqual(['updated', 'deleted']));
    await eventually(() => expect(readAtEvent).toEqual(['Geschlossen #445566', null]));
    off();
    expect(mine.events('label.updated')).toHaveLength(2);
    await live.expectOnlyOwnMarker(theirs);
  });
});
