import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { startTestHub, type TestHub } from '../../../../test/helpers/start-test-hub.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { SANDBOX_NUMBER } from '../../../composition/bootstrap.js';
import { openSse, type SseClient } from './sse-client.js';

const ADMIN = { email: 'admin@hub.example', password: 'bootstrap admin password' };
const ERIKA = '4915100000001';

/**
 * The whole Hub (composition, workers, embedded emulator): a signed-in agent's browser stream
 * receives the customer's message pushed through webhook → job → event bus → SSE.
 */
describe(`live inbox events through the running Hub (${testDialect()})`, () => {
  let hub: TestHub;
  let cookie: string;
  let csrfToken: string;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ env: { AUTH_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, AUTH_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password } });
    const login = await fetch(`${hub.publicBaseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    csrfToken = ((await login.json()) as { csrfToken: string }).csrfToken;
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await hub?.stop();
  });

  async function open(headers: Record<string, string>): Promise<SseClient> {
    const client = await openSse(`${hub.publicBaseUrl}/api/v1/events`, headers);
    clients.push(client);
    return client;
  }

  it("pushes message.received for the tenant's inbound message, and not to another tenant", async () => {
    const mine = await open({ cookie });
    const other = await hub.container.tenants.tenants.createTenant({ name: 'Other', slug: 'other-live' });
    const { key } = await hub.container.tenants.apiKeys.createApiKey({ tenantId: other.id, name: 'k', scopes: ['messages:read'] });
    const theirs = await open({ authorization: `Bearer ${key}` });
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    await eventually(() => expect(hub.container.inboxRealtime.hub.stats().connections).toBe(2));

    const { wamid } = await hub.emulator<{ wamid: string }>('POST', '/_emulator/inbound', {
      phoneNumberId: SANDBOX_NUMBER.phoneNumberId, from: ERIKA, name: 'Erika Echo', message: { type: 'text', text: { body: 'Live?' } },
    });
    const event = await eventually(() => {
      const found = mine.events('message.received').find((e) => e.data['contactWaId'] === ERIKA);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.data).toMatchObject({ tenantId: hub.tenantId, channelId: hub.sandbox!.channelId, type: 'text', contactWaId: ERIKA });
    const message = await hub.api(`/api/v1/messages/${String(event.data['messageId'])}`);
    expect(message.body).toMatchObject({ wamid, direction: 'inbound' });

    // Published after the inbound event: the other tenant's stream sees this marker and nothing before it.
    hub.container.events.publish('message.queued', { tenantId: other.id, channelId: 'x', conversationId: 'y', messageId: 'marker' });
    await eventually(() => expect(theirs.events()).toHaveLength(1));
    expect(theirs.events()[0]).toMatchObject({ event: 'message.queued', data: { tenantId: other.id, messageId: 'marker' } });
  });

  it('an answer sent with the session cookie shows up as message.queued, then status changes up to read', async () => {
    const stream = await open({ cookie });
    await eventually(() => expect(stream.messages.length).toBeGreaterThan(0));
    const sent = await fetch(`${hub.publicBaseUrl}/api/v1/messages`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ channelId: hub.sandbox!.channelId, to: `+${ERIKA}`, type: 'text', text: { body: 'Ja, live.' } }),
    });
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: string };
    await eventually(() => expect(stream.events('message.queued').map((e) => e.data['messageId'])).toContain(id));
    await eventually(() => {
      const statuses = stream.events('message.status-changed').filter((e) => e.data['messageId'] === id).map((e) => e.data['status']);
      expect(statuses).toContain('read');
    }, { timeoutMs: 10_000 });
  });
});
