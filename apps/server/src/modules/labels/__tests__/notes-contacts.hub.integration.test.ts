import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_MAX_LENGTH } from '@valeo/contracts';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { startInboxHarness, type InboxHarness } from '../../../../test/helpers/inbox-harness.js';

type Note = { id: string; text: string; author: { userId: string | null; name: string }; createdAt: string };
type ContactDetail = {
  id: string; erpCustomerId: string | null; attributes: Record<string, string>;
  consent: { status: string; updatedAt: string | null; source: string | null };
  conversations: { id: string }[];
};
type ErrorBody = { error: { code: string } };

describe(`private notes and the contact profile (${testDialect()})`, () => {
  let h: InboxHarness;
  beforeAll(async () => {
    h = await startInboxHarness();
  });
  afterAll(() => h?.hub.stop());

  const contactOf = async (conversationId: string) =>
    ((await h.admin('GET', `/api/v1/conversations/${conversationId}`)).body as { contact: { id: string } }).contact.id;

  it('notes are stored and listed newest first, and never reach the provider or the message history', async () => {
    const conversationId = await h.inbound('4915100000201', 'Wo bleibt meine Lieferung?');
    const messagesOf = () => h.hub.container.database.db.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).execute();
    const agent = await h.as('agent');
    const changes: string[] = [];
    const unsubscribe = h.hub.container.events.subscribe('conversation.updated', (e) => {
      if (e.conversationId === conversationId) changes.push(e.change);
    });
    for (const text of ['Kunde ist <b>verärgert</b>', 'ERP: Lieferung 4711 verspätet']) {
      const res = await agent('POST', `/api/v1/conversations/${conversationId}/notes`, { text });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ text, author: { userId: null, name: 'API' } });
    }
    const list = await agent('GET', `/api/v1/conversations/${conversationId}/notes`);
    expect((list.body as { data: Note[] }).data.map((n) => n.text)).toEqual(['ERP: Lieferung 4711 verspätet', 'Kunde ist <b>verärgert</b>']);

    expect(h.provider.sent).toEqual([]);
    // Nothing was queued for sending: the conversation still holds only the customer's message.
    expect(await messagesOf()).toHaveLength(1);
    const history = await agent('GET', `/api/v1/conversations/${conversationId}/messages`);
    expect(JSON.stringify(history.body)).not.toContain('verärgert');
    await expect.poll(() => changes).toEqual(['note', 'note']);
    unsubscribe();
  });

  it('validates notes (1–4096 characters, not blank) and keeps them per tenant (404) and per scope (403)', async () => {
    const conversationId = await h.inbound('4915100000202', 'Hallo');
    const path = `/api/v1/conversations/${conversationId}/notes`;
    expect((await h.admin('POST', path, { text: 'x'.repeat(NOTE_MAX_LENGTH) })).status).toBe(201);
    for (const bad of [{ text: 'x'.repeat(NOTE_MAX_LENGTH + 1) }, { text: '' }, { text: '   ' }, {}, { text: 'ok', authorName: 'spoof' }]) {
      expect((await h.admin('POST', path, bad)).status, JSON.stringify(bad).slice(0, 40)).toBe(400);
    }
    const other = await h.otherTenant();
    expect((await other('GET', path)).status).toBe(404);
    expect((await other('POST', path, { text: 'hi' })).status).toBe(404);
    expect((await (await h.as('viewer'))('POST', path, { text: 'hi' })).status).toBe(403);
    expect((await h.admin('POST', '/api/v1/conversations/no-such-id/notes', { text: 'hi' })).status).toBe(404);
  });

  it('paginates notes with a cursor', async () => {
    const conversationId = await h.inbound('4915100000203', 'Hallo');
    const path = `/api/v1/conversations/${conversationId}/notes`;
    for (let i = 1; i <= 5; i += 1) await h.admin('POST', path, { text: `note ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.admin('GET', `${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.body as { data: Note[]; nextCursor: string | null };
      seen.push(...page.data.map((n) => n.text));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['note 5', 'note 4', 'note 3', 'note 2', 'note 1']);
  });

  it('GET /contacts/:id shows the profile; PATCH sets the ERP id, merges attributes and records consent with a timestamp', async () => {
    const conversationId = await h.inbound('4915100000204', 'Hallo');
    const contactId = await contactOf(conversationId);
    const initial = (await h.admin('GET', `/api/v1/contacts/${contactId}`)).body as ContactDetail;
    expect(initial).toMatchObject({ erpCustomerId: null, attributes: {}, consent: { status: 'unknown', updatedAt: null, source: null }, conversations: [{ id: conversationId }] });

    const agent = await h.as('agent');
    const patched = await agent('PATCH', `/api/v1/contacts/${contactId}`, {
      erpCustomerId: 'K-10042', attributes: { tier: 'gold', city: 'München' }, consent: { status: 'opted_in', source: 'Webformular' },
    });
    expect(patched.status).toBe(200);
    const detail = patched.body as ContactDetail;
    expect(detail).toMatchObject({ erpCustomerId: 'K-10042', attributes: { city: 'München', tier: 'gold' }, consent: { status: 'opted_in', source: 'Webformular' } });
    expect(Date.parse(detail.consent.updatedAt ?? '')).not.toBeNaN();

    const merged = await agent('PATCH', `/api/v1/contacts/${contactId}`, { attributes: { tier: null, segment: 'B2B' }, erpCustomerId: null });
    expect((merged.body as ContactDetail).attributes).toEqual({ city: 'München', segment: 'B2B' });
    expect((merged.body as ContactDetail).erpCustomerId).toBeNull();
    expect((merged.body as ContactDetail).consent.status).toBe('opted_in');
  });

  it('PATCH validation: 400 for bad shapes, 422 beyond 50 attributes, 403 for viewers, 404 across tenants', async () => {
    const contactId = await contactOf(await h.inbound('4915100000205', 'Hallo'));
    const path = `/api/v1/contacts/${contactId}`;
    for (const bad of [
      {},
      { attributes: { 'bad key': 'x' } },
      { attributes: { __proto__x: 'x' } },
      { attributes: { ok: 'x'.repeat(501) } },
      { attributes: { ok: 42 } },
      { erpCustomerId: '' },
      { erpCustomerId: 'has space' },
      { consent: { status: 'maybe', source: 'x' } },
      { consent: { status: 'opted_out' } },
      { waId: '4915100000999' },
    ]) {
      const res = await h.admin('PATCH', path, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((res.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    }
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect((await h.admin('PATCH', path, { attributes: fifty })).status).toBe(200);
    const tooMany = await h.admin('PATCH', path, { attributes: { one_more: 'v' } });
    expect(tooMany.status).toBe(422);
    expect((tooMany.body as ErrorBody).error.code).toBe('CONTACT_ATTRIBUTES_LIMIT');
    expect((await (await h.as('viewer'))('PATCH', path, { erpCustomerId: 'K-1' })).status).toBe(403);
    const other = await h.otherTenant();
    expect((await other('PATCH', path, { erpCustomerId: 'K-1' })).status).toBe(404);
    expect((await other('GET', path)).status).toBe(404);
  });
});
