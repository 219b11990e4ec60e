import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { startTestHub, type TestHub } from '../helpers/start-test-hub.js';
import { testDialect } from '../helpers/test-database.js';

type Json = Record<string, unknown>;
type Page = { data: Json[]; nextCursor: string | null };
const ERIKA_ECHO = '4915100000001';
const JOERG = '4915100000002';

/**
 * The Hub as `npm start` runs it: HTTP on loopback, workers, and the embedded emulator whose
 * simulated customers answer. Every hop is real: API → job → provider → emulator → signed
 * webhook → intake → job → database.
 */
describe(`send and receive through the sandbox (${testDialect()})`, () => {
  let hub: TestHub;
  let channelId: string;
  beforeAll(async () => {
    hub = await startTestHub();
    channelId = hub.sandbox!.channelId;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('lists the sandbox channel without secrets', async () => {
    const { status, body } = await hub.api('/api/v1/channels');
    expect(status).toBe(200);
    const list = body as { items?: Json[]; data?: Json[] };
    const channels = list.data ?? list.items ?? [];
    const sandbox = channels.find((c) => c['id'] === channelId);
    expect(sandbox).toMatchObject({ sandbox: true, phoneNumberId: '109000000000001' });
    expect(JSON.stringify(body)).not.toMatch(/sandbox-[0-9a-f]{32}/);
  });

  it('receives the first-start greeting of a simulated customer', async () => {
    const greeting = await eventually(async () => {
      const { body } = await hub.api(`/api/v1/messages?direction=inbound&contactWaId=${JOERG}`);
      const [first] = (body as Page).data;
      expect(first).toBeDefined();
      return first!;
    });
    expect(greeting).toMatchObject({ direction: 'inbound', status: 'received', type: 'text', contactWaId: JOERG });
    expect((greeting['content'] as Json)['body']).toContain('Bestellung 4711');
  });

  it('refuses free text outside the window, sends a template, gets the echo reply and sees the ticks go to read', async () => {
    const closed = await hub.api('/api/v1/messages', { method: 'POST', body: { channelId, to: `+${ERIKA_ECHO}`, type: 'text', text: { body: 'Hallo' } } });
    expect(closed.status).toBe(422);
    expect((closed.body as { error: Json }).error['code']).toBe('MESSAGE_WINDOW_CLOSED');

    const template = await hub.api('/api/v1/messages', {
      method: 'POST',
      body: { channelId, to: `+${ERIKA_ECHO}`, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    });
    expect(template.status).toBe(202);
    const templateId = (template.body as Json)['id'] as string;
    // Erika echoes "template:hello_world", which opens the window.
    await eventually(async () => {
      const { body } = await hub.api(`/api/v1/messages?direction=inbound&contactWaId=${ERIKA_ECHO}`);
      expect((body as Page).data.length).toBeGreaterThan(0);
    });

    const text = await hub.api('/api/v1/messages', {
      method: 'POST',
      headers: { 'idempotency-key': 'e2e-order-4711' },
      body: { channelId, to: `+${ERIKA_ECHO}`, type: 'text', text: { body: 'Ihre Bestellung 4711 ist unterwegs 🚚' } },
    });
    expect(text.status).toBe(202);
    const id = (text.body as Json)['id'] as string;
    const repeat = await hub.api('/api/v1/messages', {
      method: 'POST',
      headers: { 'idempotency-key': 'e2e-order-4711' },
      body: { channelId, to: `+${ERIKA_ECHO}`, type: 'text', text: { body: 'Ihre Bestellung 4711 ist unterwegs 🚚' } },
    });
    expect((repeat.body as Json)['id']).toBe(id);

    const read = await eventually(async () => {
      const { body } = await hub.api(`/api/v1/messages/${id}`);
      expect((body as Json)['status']).toBe('read');
      return body as Json;
    }, { timeoutMs: 10_000 });
    expect((read['statuses'] as Json[]).map((s) => s['status'])).toEqual(['queued', 'sent', 'delivered', 'read']);
    expect(read['wamid']).toMatch(/^wamid\./);

    // The emulator received exactly one text send, with our id as biz_opaque_callback_data.
    const sent = await hub.app!.inject({ method: 'GET', url: '/sandbox/_emulator/messages?phoneNumberId=109000000000001' });
    const texts = (sent.json() as { messages?: Json[] } | Json[]);
    const list = Array.isArray(texts) ? texts : (texts.messages ?? []);
    const ours = list.filter((m) => JSON.stringify(m).includes(id));
    expect(ours).toHaveLength(1);
    expect(JSON.stringify(ours[0])).toContain('"biz_opaque_callback_data":"' + id + '"');

    const echo = await eventually(async () => {
      const { body } = await hub.api(`/api/v1/messages?direction=inbound&contactWaId=${ERIKA_ECHO}&limit=1`);
      const [latest] = (body as Page).data;
      expect((latest?.['content'] as Json | undefined)?.['body']).toBe('Ihre Bestellung 4711 ist unterwegs 🚚');
      return latest!;
    });
    expect(echo['type']).toBe('text');
    expect(templateId).toBeTruthy();
  });

  it('shows conversations with the open window and contacts', async () => {
    const { status, body } = await hub.api('/api/v1/conversations');
    expect(status).toBe(200);
    const erika = (body as Page).data.find((c) => (c['contact'] as Json)['waId'] === ERIKA_ECHO);
    expect(erika).toMatchObject({ channelId, windowOpen: true, status: 'open' });
    const messages = await hub.api(`/api/v1/conversations/${String(erika!['id'])}/messages?limit=2`);
    expect((messages.body as Page).data).toHaveLength(2);
    const contacts = await hub.api('/api/v1/contacts?search=Erika');
    expect((contacts.body as Page).data.map((c) => c['waId'])).toContain(ERIKA_ECHO);
  });

  it('rejects an unsigned webhook and stores nothing', async () => {
    const before = await hub.container.database.db.selectFrom('inbound_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const response = await fetch(`${hub.publicBaseUrl}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '209000000000001', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: '109000000000001' } } }] }] }),
    });
    expect(response.status).toBe(401);
    const after = await hub.container.database.db.selectFrom('inbound_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers 401 without a key, 404 for an unknown message, 400 with field paths for a bad body', async () => {
    expect((await fetch(`${hub.publicBaseUrl}/api/v1/messages`)).status).toBe(401);
    expect((await hub.api('/api/v1/messages/01900000-0000-7000-8000-000000000000')).status).toBe(404);
    const bad = await hub.api('/api/v1/messages', { method: 'POST', body: { channelId, to: ERIKA_ECHO, type: 'text', text: { body: 'x'.repeat(5000) } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('text');
    const unknownType = await hub.api('/api/v1/messages', { method: 'POST', body: { channelId, to: ERIKA_ECHO, type: 'fax', fax: {} } });
    expect(unknownType.status).toBe(400);
    const dupButtons = await hub.api('/api/v1/messages', {
      method: 'POST',
      body: {
        channelId, to: ERIKA_ECHO, type: 'interactive',
        interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'Ja' } }, { type: 'reply', reply: { id: 'a', title: 'Nein' } }] } },
      },
    });
    expect(dupButtons.status).toBe(400);
    expect(JSON.stringify(dupButtons.body)).toContain('button ids must be unique');
    const badPhone = await hub.api('/api/v1/messages', { method: 'POST', body: { channelId, to: '12', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } } });
    expect(badPhone.status).toBe(400);
    expect((badPhone.body as { error: Json }).error['code']).toBe('INVALID_PHONE_NUMBER');
  });

  it('serves health, readiness, the OpenAPI document and docs', async () => {
    expect((await fetch(`${hub.publicBaseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${hub.publicBaseUrl}/readyz`)).status).toBe(200);
    const openapi = (await (await fetch(`${hub.publicBaseUrl}/openapi.json`)).json()) as { paths: Json };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/messages', '/api/v1/channels', '/api/v1/conversations']));
    expect((await fetch(`${hub.publicBaseUrl}/docs`)).status).toBeLessThan(400);
  });
});
