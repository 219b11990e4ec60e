import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { startInboxHarness, type Call, type InboxHarness } from '../../../../test/helpers/inbox-harness.js';

type Label = { id: string; name: string; color: string };
type ErrorBody = { error: { code: string } };

describe(`labels (${testDialect()})`, () => {
  let h: InboxHarness;
  let supervisor: Call;
  let agent: Call;
  let viewer: Call;
  beforeAll(async () => {
    h = await startInboxHarness();
    [supervisor, agent, viewer] = await Promise.all([h.as('supervisor'), h.as('agent'), h.as('viewer')]);
  });
  afterAll(() => h?.hub.stop());

  const create = async (call: Call, name: string, color = '#1f8a70') => call('POST', '/api/v1/labels', { name, color });

  it('supervisors create, rename, recolour and delete labels; agents and viewers may not (403)', async () => {
    const created = await create(supervisor, '  Rückruf   nötig ');
    expect(created.status).toBe(201);
    const label = created.body as Label;
    expect(label).toMatchObject({ name: 'Rückruf nötig', color: '#1f8a70' });
    expect((await create(agent, 'Agent label')).status).toBe(403);
    expect((await create(viewer, 'Viewer label')).status).toBe(403);
    expect((await agent('PATCH', `/api/v1/labels/${label.id}`, { name: 'x' })).status).toBe(403);

    const renamed = await supervisor('PATCH', `/api/v1/labels/${label.id}`, { name: 'Rückruf', color: '#AABBCC' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: label.id, name: 'Rückruf', color: '#aabbcc' });
    const list = await viewer('GET', '/api/v1/labels');
    expect(list.status).toBe(200);
    expect((list.body as { data: Label[] }).data.map((l) => l.name)).toContain('Rückruf');

    expect((await agent('DELETE', `/api/v1/labels/${label.id}`)).status).toBe(403);
    expect((await supervisor('DELETE', `/api/v1/labels/${label.id}`)).status).toBe(204);
    expect((await supervisor('DELETE', `/api/v1/labels/${label.id}`)).status).toBe(404);
  });

  it('names are unique per tenant whatever their case (409), and validated (400)', async () => {
    expect((await create(h.admin, 'VIP')).status).toBe(201);
    const dup = await create(h.admin, 'vip');
    expect(dup.status).toBe(409);
    expect((dup.body as ErrorBody).error.code).toBe('LABEL_NAME_TAKEN');
    const other = (await create(h.admin, 'Other')).body as Label;
    const rename = await h.admin('PATCH', `/api/v1/labels/${other.id}`, { name: 'Vip' });
    expect(rename.status).toBe(409);
    for (const bad of [
      { name: '', color: '#000000' },
      { name: 'x'.repeat(51), color: '#000000' },
      { name: '<img src=x onerror=alert(1)>', color: '#000000' },
      { name: 'Fine', color: 'red' },
      { name: 'Fine', color: '#000000', tenantId: 'x' },
    ]) {
      const res = await h.admin('POST', '/api/v1/labels', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((res.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    }
    // The same name is free in another tenant.
    expect((await create(await h.otherTenant(), 'VIP')).status).toBe(201);
  });

  it('agents attach and detach labels on conversations and contacts (idempotent); the list shows them', async () => {
    const conversationId = await h.inbound('4915100000101', 'Hallo');
    const changes: string[] = [];
    const unsubscribe = h.hub.container.events.subscribe('conversation.updated', (e) => {
      if (e.conversationId === conversationId) changes.push(e.change);
    });
    const contactId = ((await h.admin('GET', `/api/v1/conversations/${conversationId}`)).body as { contact: { id: string } }).contact.id;
    const label = (await create(h.admin, 'Reklamation', '#cc3300')).body as Label;

    for (let i = 0; i < 2; i += 1) {
      const attached = await agent('PUT', `/api/v1/conversations/${conversationId}/labels/${label.id}`);
      expect(attached.status).toBe(200);
      expect((attached.body as { data: Label[] }).data.map((l) => l.id)).toEqual([label.id]);
    }
    expect((await agent('PUT', `/api/v1/contacts/${contactId}/labels/${label.id}`)).status).toBe(200);
    expect((await viewer('PUT', `/api/v1/conversations/${conversationId}/labels/${label.id}`)).status).toBe(403);

    const contact = await agent('GET', `/api/v1/contacts/${contactId}`);
    expect((contact.body as { labels: Label[] }).labels.map((l) => l.name)).toEqual(['Reklamation']);

    const detached = await agent('DELETE', `/api/v1/conversations/${conversationId}/labels/${label.id}`);
    expect((detached.body as { data: Label[] }).data).toEqual([]);
    expect((await agent('DELETE', `/api/v1/conversations/${conversationId}/labels/${label.id}`)).status).toBe(200);
    const list = await agent('GET', '/api/v1/conversations?limit=100');
    expect((list.body as { data: { id: string; labels: Label[] }[] }).data.find((c) => c.id === conversationId)?.labels).toEqual([]);
    // Every change to the conversation's labels is a live event for the other inboxes.
    await expect.poll(() => changes.length).toBe(4);
    expect(new Set(changes)).toEqual(new Set(['labels']));
    unsubscribe();
  });

  it("another tenant's label, conversation or contact is a 404 — for reading, attaching and managing", async () => {
    const conversationId = await h.inbound('4915100000102', 'Guten Tag');
    const label = (await create(h.admin, 'Mine')).body as Label;
    const other = await h.otherTenant();
    const foreignLabel = (await create(other, 'Theirs')).body as Label;

    expect((await other('PUT', `/api/v1/conversations/${conversationId}/labels/${foreignLabel.id}`)).status).toBe(404);
    expect((await h.admin('PUT', `/api/v1/conversations/${conversationId}/labels/${foreignLabel.id}`)).status).toBe(404);
    expect((await other('PATCH', `/api/v1/labels/${label.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await other('DELETE', `/api/v1/labels/${label.id}`)).status).toBe(404);
    const theirList = (await other('GET', '/api/v1/labels')).body as { data: Label[] };
    expect(theirList.data.map((l) => l.name)).not.toContain('Mine');
  });

  it('deleting a label detaches it everywhere', async () => {
    const conversationId = await h.inbound('4915100000103', 'Moin');
    const label = (await create(h.admin, 'Temporary')).body as Label;
    await h.admin('PUT', `/api/v1/conversations/${conversationId}/labels/${label.id}`);
    expect((await h.admin('DELETE', `/api/v1/labels/${label.id}`)).status).toBe(204);
    const rows = await h.hub.container.database.db.selectFrom('conversation_labels').selectAll().where('label_id', '=', label.id).execute();
    expect(rows).toEqual([]);
  });
});
