import { createHmac, randomBytes } from 'node:crypto';
import { buildWebhookError, signWebhookBody } from '@valeo/cloud-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { bodySha256, sandboxWebhooks, uniqueWaId, uniqueWamid, type SandboxWebhooks } from '../helpers/sandbox-webhooks.js';
import { seedSentMessages } from '../helpers/seed-messages.js';
import { highest, randomStatusSequence, seededRandom, statusItem } from '../helpers/status-permutations.js';
import { startTestHub, type TestHub } from '../helpers/start-test-hub.js';
import { testDialect } from '../helpers/test-database.js';

type Delivery = { kind: string; state: string; rawBody: string; signature: string; duplicate: boolean };

/** WA_APP_SECRET: verifies bodies for numbers no channel owns (IN-12). */
const ENV_APP_SECRET = 'env-app-secret-for-unrouted-webhooks';
const ENV_VERIFY_TOKEN = 'env-verify-token-4711';
const UNKNOWN_NUMBER = '109999999999999';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * RELIABILITY.md §7.1 rows that apply to this gateway, end to end: the whole Hub on loopback with
 * its embedded emulator as Meta, and webhooks as real signed HTTP requests. The §7.2 (outbound)
 * rows are in reliability-outbound.e2e.test.ts.
 */
describe(`reliability matrix §7.1, inbound webhooks (${testDialect()})`, () => {
  let hub: TestHub;
  let webhooks: SandboxWebhooks;
  beforeAll(async () => {
    hub = await startTestHub({ env: { WA_APP_SECRET: ENV_APP_SECRET, WA_WEBHOOK_VERIFY_TOKEN: ENV_VERIFY_TOKEN } });
    webhooks = await sandboxWebhooks(hub);
  });
  afterAll(async () => hub?.stop());
  afterEach(async () => void (await hub.emulator('DELETE', '/_emulator/faults')));

  const db = () => hub.container.database.db;
  const eventsOf = (rawBody: string | Buffer) =>
    db().selectFrom('inbound_events').select(['status', 'tenant_id', 'channel_id', 'raw_body']).where('body_sha256', '=', bodySha256(rawBody)).execute();
  const messagesWith = (wamid: string) => db().selectFrom('messages').select(['id', 'type', 'status', 'content', 'tenant_id']).where('wamid', '=', wamid).execute();
  const text = (body: string) => ({ type: 'text', text: { body } });

  it('IN-01/IN-19: answers 200 to one signed webhook replayed 5×, and again once processed; one row, one message, one event', async () => {
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const received: string[] = [];
    const unsubscribe = hub.container.events.subscribe('message.received', (e) => void (e.contactWaId === from && received.push(e.messageId)));
    const body = webhooks.inbound({ from, wamid, content: text('Wo bleibt meine Lieferung?') });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await webhooks.post(body)).status);
    expect(answers).toEqual([200, 200, 200, 200, 200]);
    await eventually(async () => expect((await eventsOf(body)).map((e) => e.status)).toEqual(['processed']));
    // IN-19: a captured body replayed later. Meta's bodies carry no delivery timestamp, so the hash decides.
    expect((await webhooks.post(body)).status).toBe(200);
    expect(await eventsOf(body)).toHaveLength(1);
    expect(await messagesWith(wamid)).toHaveLength(1);
    unsubscribe();
    expect(received).toHaveLength(1);
  });

  it('IN-02: stores one row and one message when the same webhook arrives 3× in parallel (20 rounds at once)', async () => {
    const rounds = Array.from({ length: 20 }, () => {
      const wamid = uniqueWamid();
      return { wamid, body: webhooks.inbound({ from: uniqueWaId(), wamid, content: text('parallel') }) };
    });
    const answers = await Promise.all(rounds.flatMap((r) => [1, 2, 3].map(() => webhooks.post(r.body))));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const round of rounds) expect(await eventsOf(round.body)).toHaveLength(1);
    await eventually(async () => {
      for (const round of rounds) expect(await messagesWith(round.wamid)).toHaveLength(1);
    }, { timeoutMs: 10_000 });
  });

  it('IN-02: records one message when copies of one message arrive in parallel with different bytes', async () => {
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const compact = webhooks.inbound({ from, wamid, content: text('Grüße aus Köln') });
    const pretty = JSON.stringify(JSON.parse(compact), null, 2);
    const unescaped = JSON.stringify(JSON.parse(compact));
    const answers = await Promise.all([compact, pretty, unescaped].map((body) => webhooks.post(body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await eventually(async () => {
      for (const body of [compact, pretty, unescaped]) expect((await eventsOf(body)).map((e) => e.status)).toEqual(['processed']);
    });
    expect(await messagesWith(wamid)).toHaveLength(1);
  });

  it('IN-03: stores a POST of 1,000 statuses before its single 200 and applies every one', async () => {
    const waId = uniqueWaId();
    const seeded = await seedSentMessages(hub, { count: 1_000, waId });
    const body = webhooks.statuses(seeded.map((m) => ({ messageId: m.wamid, status: 'delivered', timestamp: new Date(), recipientId: waId })));
    const answer = await webhooks.post(body);
    expect(answer.status).toBe(200);
    // Acknowledged only after the commit: the row is there the moment the 200 is.
    expect(await eventsOf(body)).toHaveLength(1);
    await eventually(async () => {
      const rows = await db().selectFrom('messages').select(['status']).where('contact_wa_id', '=', waId).execute();
      expect(rows.filter((r) => r.status === 'delivered')).toHaveLength(1_000);
    }, { timeoutMs: 50_000, intervalMs: 200 });
    const history = await db().selectFrom('message_statuses').innerJoin('messages', 'messages.id', 'message_statuses.message_id')
      .select(['message_statuses.status']).where('messages.contact_wa_id', '=', waId).execute();
    expect(history).toHaveLength(1_000);
    await eventually(async () => expect((await eventsOf(body)).map((e) => e.status)).toEqual(['processed']));
  }, 60_000);

  it('IN-04: ends each message at the highest-ranked status it was sent, in any order and with repeats (60 random cases)', async () => {
    const random = seededRandom(0x4711);
    const waId = uniqueWaId();
    const seeded = await seedSentMessages(hub, { count: 60, waId });
    const cases = seeded.map((message) => ({ message, ...randomStatusSequence(random) }));
    // One webhook per status, each case in its own random order; the cases run side by side.
    const bodies: string[] = [];
    await Promise.all(cases.map(async ({ message, sequence }) => {
      for (const [i, status] of sequence.entries()) {
        const body = webhooks.statuses([statusItem(message.wamid, status, waId, i)]);
        bodies.push(body);
        expect((await webhooks.post(body)).status).toBe(200);
      }
    }));
    await eventually(async () => {
      const events = await db().selectFrom('inbound_events').select('status').where('body_sha256', 'in', bodies.map(bodySha256)).execute();
      expect(events.filter((e) => e.status === 'processed')).toHaveLength(bodies.length);
    }, { timeoutMs: 30_000, intervalMs: 100 });
    await eventually(async () => {
      const rows = await db().selectFrom('messages').select(['id', 'status']).where('contact_wa_id', '=', waId).execute();
      const actual = new Map(rows.map((r) => [r.id, r.status]));
      for (const c of cases) expect(actual.get(c.message.id), `case ${c.sequence.join(' → ')}`).toBe(highest(['sent', ...c.distinct]));
    }, { timeoutMs: 15_000 });
    const history = await db().selectFrom('message_statuses').select(['message_id', 'status']).where('message_id', 'in', seeded.map((m) => m.id)).execute();
    for (const c of cases) {
      expect(history.filter((h) => h.message_id === c.message.id).map((h) => h.status).sort(), `history of ${c.sequence.join(' → ')}`).toEqual([...c.distinct].sort());
    }
  }, 45_000);

  it('IN-05/IN-06: answers 401 to every bad signature and to re-serialised bytes, stores nothing, never 5xx', async () => {
    const wamid = uniqueWamid();
    const body = webhooks.inbound({ from: uniqueWaId(), wamid, content: text('Grüße — signiert?') });
    const good = signWebhookBody(body, webhooks.appSecret);
    const variants: { name: string; body: string; signature: string | null }[] = [
      { name: 'wrong secret', body, signature: signWebhookBody(body, 'not-the-app-secret') },
      { name: 'truncated hex', body, signature: good.slice(0, -1) },
      { name: 'hex cut in half', body, signature: good.slice(0, 39) },
      { name: 'sha1= prefix with a valid SHA-1 HMAC', body, signature: `sha1=${createHmac('sha1', webhooks.appSecret).update(body).digest('hex')}` },
      { name: 'sha1= prefix with the SHA-256 digest', body, signature: `sha1=${good.slice(7)}` },
      { name: 'digest without prefix', body, signature: good.slice(7) },
      { name: 'longer than a digest', body, signature: `${good}00` },
      { name: 'much longer', body, signature: `${good}${'a'.repeat(4_000)}` },
      { name: 'not hex', body, signature: `sha256=${'z'.repeat(64)}` },
      { name: 'empty header', body, signature: '' },
      { name: 'missing header', body, signature: null },
      { name: 're-serialised body (indentation)', body: JSON.stringify(JSON.parse(body), null, 2), signature: good },
      { name: 're-serialised body (UTF-8 instead of \\u escapes)', body: JSON.stringify(JSON.parse(body)), signature: good },
      { name: 'key order changed', body: JSON.stringify(reorderKeys(JSON.parse(body))), signature: good },
    ];
    for (const variant of variants) {
      const answer = await webhooks.post(variant.body, { signature: variant.signature });
      expect(answer.status, variant.name).toBe(401);
      expect(await eventsOf(variant.body), variant.name).toHaveLength(0);
    }
    // An empty body names no channel whose secret could apply: refused as malformed, never 5xx.
    expect((await webhooks.post('', { signature: signWebhookBody('', webhooks.appSecret) })).status).toBe(400);
    // The per-channel URL knows its channel, so it checks the signature before even parsing the bytes.
    const perChannel = { path: `/webhooks/whatsapp/${hub.sandbox!.channelId}` };
    expect((await webhooks.post('', { ...perChannel, signature: signWebhookBody('', 'not-the-app-secret') })).status).toBe(401);
    expect((await webhooks.post(body, { ...perChannel, secret: 'not-the-app-secret' })).status).toBe(401);
    expect(await eventsOf(body)).toHaveLength(0);
    // The bytes themselves were fine: signed correctly they are accepted, and only then processed.
    expect(await messagesWith(wamid)).toHaveLength(0);
    expect((await webhooks.post(body)).status).toBe(200);
    await eventually(async () => expect(await messagesWith(wamid)).toHaveLength(1));
  });

  it('IN-09: answers 400 to malformed JSON with a valid signature and processes nothing; verifiable bytes are kept as failed', async () => {
    const broken = webhooks.inbound({ from: uniqueWaId(), wamid: uniqueWamid(), content: text('abgeschnitten') }).slice(0, -7);
    // Signed with WA_APP_SECRET, the one secret that applies without routing: kept for inspection, not processed.
    const quarantined = await webhooks.post(broken, { secret: ENV_APP_SECRET });
    expect(quarantined.status).toBe(400);
    expect(await eventsOf(broken)).toEqual([expect.objectContaining({ status: 'failed', raw_body: broken, tenant_id: null })]);
    // The per-channel URL names the channel, so its secret verifies the bytes: kept under that channel.
    const perChannel = `${broken} `;
    expect((await webhooks.post(perChannel, { path: `/webhooks/whatsapp/${hub.sandbox!.channelId}` })).status).toBe(400);
    expect(await eventsOf(perChannel)).toEqual([expect.objectContaining({ status: 'failed', channel_id: hub.sandbox!.channelId })]);
    // Signed with the channel's secret at the app-level URL: unparseable bytes name no channel, nothing vouches for them.
    const unverifiable = `${broken}  `;
    expect((await webhooks.post(unverifiable)).status).toBe(400);
    expect(await eventsOf(unverifiable)).toHaveLength(0);
    for (const notAnEnvelope of ['[]', '{"object":"page","entry":[]}', '{"object":"whatsapp_business_account","entry":[{"changes":"x"}]}']) {
      const answer = await webhooks.post(notAnEnvelope, { secret: ENV_APP_SECRET });
      expect(answer.status, notAnEnvelope).toBe(400);
      expect((await eventsOf(notAnEnvelope)).map((e) => e.status), notAnEnvelope).toEqual(['failed']);
    }
  });

  it('IN-10: stores a message of an unknown type and unknown fields without crashing', async () => {
    const wamid = uniqueWamid();
    const unsupported = uniqueWamid();
    const from = uniqueWaId();
    const body = webhooks.envelope({
      contacts: [{ profile: { name: 'Neu' }, wa_id: from }],
      messages: [
        { from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'hologram', hologram: { frames: 3, codec: 'x-holo' }, brand_new_field: true },
        { from, id: unsupported, timestamp: String(Math.floor(Date.now() / 1000)), type: 'unsupported', errors: [buildWebhookError({ code: 131051 })] },
      ],
      some_future_field: { nested: [1, 2, 3] },
    });
    expect((await webhooks.post(body)).status).toBe(200);
    await eventually(async () => expect((await eventsOf(body)).map((e) => e.status)).toEqual(['processed']));
    const [hologram] = await messagesWith(wamid);
    expect(hologram).toMatchObject({ type: 'hologram', status: 'received' });
    expect(JSON.stringify(hologram!.content)).toContain('x-holo');
    expect(await messagesWith(unsupported)).toEqual([expect.objectContaining({ type: 'unsupported', status: 'received' })]);
    expect((await fetch(`${hub.publicBaseUrl}/readyz`)).status).toBe(200);
  });

  it('IN-12: quarantines a webhook for an unknown phone_number_id without routing it to any tenant', async () => {
    const wamid = uniqueWamid();
    const body = webhooks.inbound({ from: uniqueWaId(), wamid, content: text('an wen?'), phoneNumberId: UNKNOWN_NUMBER });
    // No channel's secret applies to a number nobody owns: only WA_APP_SECRET can vouch for it.
    expect((await webhooks.post(body)).status).toBe(401);
    expect(await eventsOf(body)).toHaveLength(0);
    expect((await webhooks.post(body, { secret: ENV_APP_SECRET })).status).toBe(200);
    expect(await eventsOf(body)).toEqual([expect.objectContaining({ status: 'unrouted', tenant_id: null, channel_id: null })]);

    // Mixed body: the sandbox number's message is stored, the unknown number's goes nowhere.
    const ours = uniqueWamid();
    const theirs = uniqueWamid();
    const mixed = JSON.parse(webhooks.inbound({ from: uniqueWaId(), wamid: ours, content: text('für uns') })) as { entry: { changes: unknown[] }[] };
    const foreign = JSON.parse(webhooks.inbound({ from: uniqueWaId(), wamid: theirs, content: text('nicht für uns'), phoneNumberId: UNKNOWN_NUMBER })) as typeof mixed;
    mixed.entry[0]!.changes.push(...foreign.entry[0]!.changes);
    const mixedBody = JSON.stringify(mixed);
    expect((await webhooks.post(mixedBody)).status).toBe(200);
    await eventually(async () => expect((await eventsOf(mixedBody)).map((e) => e.status)).toEqual(['processed']));
    expect(await messagesWith(ours)).toEqual([expect.objectContaining({ tenant_id: hub.tenantId })]);
    expect(await messagesWith(theirs)).toHaveLength(0);
    expect(await messagesWith(wamid)).toHaveLength(0);
  });

  it('IN-17: refuses a wrong verify token (403) and never reflects a challenge as markup', async () => {
    const handshake = (token: string, challenge: string) => fetch(`${hub.publicBaseUrl}/webhooks/whatsapp?${new URLSearchParams({
      'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': challenge,
    }).toString()}`);
    const wrong = await handshake('guessed-token', '1158201444');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');

    const script = '<script>alert(document.cookie)</script>';
    const markup = await handshake(ENV_VERIFY_TOKEN, script);
    expect(markup.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(await markup.text()).not.toContain('<script');
    expect(markup.status).not.toBe(200);

    const ok = await handshake(ENV_VERIFY_TOKEN, '1158201444');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.text()).toBe('1158201444');
  });

  it('IN-20: turns 10 images from one contact, posted in parallel, into one conversation, 10 messages and 10 media', async () => {
    const from = uniqueWaId();
    // The emulator builds and signs the 10 webhooks; dropping them lets this test POST them all at once.
    await hub.emulator('POST', '/_emulator/faults', { dropWebhooks: 10 });
    for (let i = 0; i < 10; i += 1) {
      const bytes = Buffer.concat([PNG, randomBytes(200 + i)]).toString('base64');
      await hub.emulator('POST', '/_emulator/inbound', {
        phoneNumberId: webhooks.phoneNumberId, from, name: 'Album', message: { type: 'image', image: { data: bytes, mime_type: 'image/png', caption: `Bild ${i + 1}` } },
      });
    }
    const { deliveries } = await hub.emulator<{ deliveries: Delivery[] }>('GET', `/_emulator/deliveries?phoneNumberId=${webhooks.phoneNumberId}&state=dropped`);
    const album = deliveries.filter((d) => d.rawBody.includes(from));
    expect(album).toHaveLength(10);
    const answers = await Promise.all(album.map((d) => webhooks.post(d.rawBody, { signature: d.signature })));
    expect(answers.map((a) => a.status)).toEqual(album.map(() => 200));

    const contact = await eventually(async () => {
      const row = await db().selectFrom('contacts').select(['id']).where('wa_id', '=', from).executeTakeFirst();
      expect(row).toBeDefined();
      return row!;
    });
    await eventually(async () => {
      const media = await db().selectFrom('media').innerJoin('messages', 'messages.id', 'media.message_id')
        .select(['media.status']).where('messages.contact_id', '=', contact.id).execute();
      expect(media.map((m) => m.status)).toEqual(album.map(() => 'stored'));
    }, { timeoutMs: 15_000 });
    expect(await db().selectFrom('conversations').select('id').where('contact_id', '=', contact.id).execute()).toHaveLength(1);
    const messages = await db().selectFrom('messages').select(['type', 'conversation_id']).where('contact_id', '=', contact.id).execute();
    expect(messages).toHaveLength(10);
    expect(new Set(messages.map((m) => m.conversation_id)).size).toBe(1);
  });
});

function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorderKeys(v)]));
}
