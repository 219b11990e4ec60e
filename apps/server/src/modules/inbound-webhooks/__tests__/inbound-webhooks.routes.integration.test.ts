import { Readable } from 'node:stream';
import { signWebhookBody } from '@valeo/cloud-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { fromDbJson } from '../../../db/column-types.js';
import { buildFakeWebhookBody, signFakeWebhook, type FakeWebhookItems } from '../../../providers/fake/fake-webhooks.js';
import type { RawWebhookRequest } from '../../../providers/messaging-provider.js';
import type { Channel } from '../../channels/index.js';
import { buildHubTestApp, type HubTestApp } from './hub-test-app.js';

const SECRET = 'app-secret-of-channel-a';
const MAX_BODY = 16_384;

describe(`POST/GET /webhooks/whatsapp (${testDialect()})`, () => {
  let hub: HubTestApp;
  let channel: Channel;

  beforeAll(async () => {
    hub = await buildHubTestApp({ env: { WEBHOOK_MAX_BODY_BYTES: String(MAX_BODY), WA_WEBHOOK_VERIFY_TOKEN: 'bootstrap-token' } });
    channel = await hub.createChannel({ phoneNumberId: '1110001', appSecret: SECRET, registerInEmulator: { webhookUrl: null } });
    await hub.queue.start();
  });
  afterAll(async () => hub.close());
  beforeEach(async () => {
    await hub.database.db.deleteFrom('inbound_events').execute();
  });

  const webhookFor = (items: FakeWebhookItems, secret = SECRET): RawWebhookRequest =>
    signFakeWebhook(buildFakeWebhookBody(channel, items), secret);
  const post = (request: RawWebhookRequest, url = '/webhooks/whatsapp') =>
    hub.app.inject({ method: 'POST', url, headers: request.headers as Record<string, string>, payload: request.rawBody });
  const text = (wamid: string, body = 'Hallo'): FakeWebhookItems => ({ messages: [{ from: '4915112345678', wamid, text: body }] });
  const count = async (table: 'inbound_events' | 'messages', wamidLike?: string) => {
    let query = hub.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (table === 'messages' && wamidLike) query = query.where('wamid', 'like', wamidLike);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const messageByWamid = (wamid: string) =>
    hub.database.db.selectFrom('messages').selectAll().where('wamid', '=', wamid).executeTakeFirst();

  it('stores a validly signed webhook, answers exactly 200, and turns it into a message', async () => {
    const response = await post(webhookFor(text('wamid.routes-1', 'Guten Tag')));
    expect(response.statusCode).toBe(200);
    expect(await count('inbound_events')).toBe(1);
    const message = await eventually(async () => {
      const row = await messageByWamid('wamid.routes-1');
      expect(row).toBeDefined();
      return row!;
    });
    expect(message).toMatchObject({ tenant_id: hub.tenantId, channel_id: channel.id, direction: 'inbound', type: 'text' });
  });

  it.each([
    ['no signature', (r: RawWebhookRequest) => ({ ...r, headers: { 'content-type': 'application/json' } })],
    ['a signature made with another secret', (r: RawWebhookRequest) => ({ ...r, headers: { 'x-hub-signature-256': signWebhookBody(r.rawBody, 'other') } })],
    ['a malformed signature header', (r: RawWebhookRequest) => ({ ...r, headers: { 'x-hub-signature-256': 'sha256=zz' } })],
  ])('answers 401 for %s and stores nothing', async (_name, tamper) => {
    const response = await post(tamper(webhookFor(text('wamid.routes-401'))));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(await count('inbound_events')).toBe(0);
    expect(await count('messages', 'wamid.routes-401')).toBe(0);
  });

  it('answers 413 for a body over WEBHOOK_MAX_BODY_BYTES, declared or streamed, and stores nothing', async () => {
    const big = webhookFor(text('wamid.routes-413', 'x'.repeat(MAX_BODY)));
    expect(big.rawBody.length).toBeGreaterThan(MAX_BODY);
    const declared = await post(big);
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const streamed = await hub.app.inject({
      method: 'POST', url: '/webhooks/whatsapp', headers: { ...big.headers as Record<string, string>, 'transfer-encoding': 'chunked' },
      payload: Readable.from([big.rawBody.subarray(0, 8_000), big.rawBody.subarray(8_000)]),
    });
    expect(streamed.statusCode).toBe(413);
    expect(await count('inbound_events')).toBe(0);
  });

  it('answers 400 for malformed JSON and for a body that is not a WhatsApp envelope', async () => {
    const sign = (raw: string) => ({ rawBody: Buffer.from(raw), headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(raw, SECRET) } });
    const broken = await post(sign('{"object":"whatsapp_business_account","entry":[{'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'WEBHOOK_MALFORMED' } });
    expect((await post(sign(JSON.stringify({ object: 'page', entry: [] })))).statusCode).toBe(400);
    expect((await post(sign('[]'))).statusCode).toBe(400);
    expect(await count('inbound_events')).toBe(0);
  });

  it('acknowledges the same body five times but stores and processes it once', async () => {
    const request = webhookFor(text('wamid.routes-dup'));
    for (let i = 0; i < 5; i += 1) expect((await post(request)).statusCode).toBe(200);
    expect(await count('inbound_events')).toBe(1);
    await eventually(async () => expect(await count('messages', 'wamid.routes-dup')).toBe(1));
    const [event] = await hub.database.db.selectFrom('inbound_events').select('id').execute();
    const jobs = await hub.database.db.selectFrom('jobs').select('payload').where('name', '=', 'inbound.process').execute();
    const forEvent = jobs.filter((job) => fromDbJson<{ inboundEventIds: string[] }>(job.payload).inboundEventIds.includes(event!.id));
    expect(forEvent).toHaveLength(1);
  });

  it('serves the per-channel callback URL when the channels module can look a channel up by id', async () => {
    const response = await post(webhookFor(text('wamid.routes-path')), `/webhooks/whatsapp/${channel.id}`);
    // Without an unscoped lookup by id in the channels module, the optional per-channel URL is off (404).
    const supported = 'findById' in hub.modules.channels.service;
    expect(response.statusCode).toBe(supported ? 200 : 404);
  });

  describe('handshake', () => {
    const handshake = (query: Record<string, string>) =>
      hub.app.inject({ method: 'GET', url: '/webhooks/whatsapp', query });

    it("echoes hub.challenge as text for the channel's verify token and for WA_WEBHOOK_VERIFY_TOKEN", async () => {
      for (const token of ['verify-1110001', 'bootstrap-token']) {
        const response = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '1158201444' });
        expect(response.statusCode).toBe(200);
        expect(response.body).toBe('1158201444');
        expect(response.headers['content-type']).toMatch(/^text\/plain/);
      }
    });

    it('answers 403 for a wrong token, a wrong mode or a challenge that is not a plain token', async () => {
      const cases = [
        { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' },
        { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'verify-1110001', 'hub.challenge': '1' },
        { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-1110001', 'hub.challenge': '<script>alert(1)</script>' },
        { 'hub.mode': 'subscribe', 'hub.challenge': '1' },
      ];
      for (const query of cases) {
        const response = await handshake(query);
        expect(response.statusCode, JSON.stringify(query)).toBe(403);
        expect(response.body).not.toContain('<script>');
      }
    });
  });
});
