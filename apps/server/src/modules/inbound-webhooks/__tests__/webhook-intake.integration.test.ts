import { buildBusinessWebhookEnvelope, signWebhookBody } from '@valeo/cloud-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { isAppError } from '../../../core/errors/app-error.js';
import type { RawWebhookRequest } from '../../../providers/messaging-provider.js';
import { buildFakeWebhookBody, signFakeWebhook, type FakeWebhookItems } from '../../../providers/fake/fake-webhooks.js';
import { silentLogger } from '../../../core/logger.js';
import type { JobQueue } from '../../../queue/job-queue.js';
import { InboundEventWriter } from '../inbound-event-writer.js';
import { findInboundEvent } from '../inbound-events.repository.js';
import { InboundEventProcessor } from '../process-inbound-event.job.js';
import { createInboundKit, createMessagingTestDatabase, type InboundKit, type KitChannel } from './inbound-test-kit.js';

const SECRET_A = 'app-secret-a';
const SECRET_B = 'app-secret-b';
const FALLBACK = 'fallback-app-secret';

async function rejection(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { status: error.httpStatus, code: error.code };
}

/** Several channels' changes in one POST, as Meta batches them (entries × changes). */
function batchBody(parts: Array<{ channel: KitChannel; items: FakeWebhookItems }>): Record<string, unknown> {
  const entries = parts.flatMap(({ channel, items }) => (buildFakeWebhookBody(channel.context, items)['entry'] as unknown[]));
  return { object: 'whatsapp_business_account', entry: entries };
}

describe(`webhook intake + inbound.process (${testDialect()})`, () => {
  let database: TestDatabase;
  let kit: InboundKit;
  let a: KitChannel;
  let b: KitChannel;

  beforeAll(async () => { database = await createMessagingTestDatabase(); });
  afterAll(async () => database.destroy());
  beforeEach(async () => {
    kit = await createInboundKit({ database, fallbackAppSecret: FALLBACK, fallbackVerifyToken: 'env-token' });
    a = await kit.addChannel({ id: 'chan-a', appSecret: SECRET_A });
    b = await kit.addChannel({ id: 'chan-b', appSecret: SECRET_B });
  });
  afterEach(async () => kit.dispose());

  const textFrom = (wamid: string): FakeWebhookItems => ({ messages: [{ from: '4915112345678', wamid, text: `hello ${wamid}` }] });

  it('stores a validly signed webhook, then processes it into the sink', async () => {
    const result = await kit.intake.receive(kit.provider.webhook(a.context, textFrom('wamid.1')));
    expect(result.outcome).toBe('stored');
    const row = await findInboundEvent(kit.database.db, result.eventId!);
    expect(row).toMatchObject({ tenantId: a.tenantId, channelId: a.channelId, status: 'pending', provider: 'fake' });
    await kit.queue.start();
    await eventually(async () => expect((await findInboundEvent(kit.database.db, result.eventId!))?.status).toBe('processed'));
    expect(kit.sink.recordCalls.map((c) => [c.tenantId, c.channelId, c.event.wamid])).toEqual([[a.tenantId, a.channelId, 'wamid.1']]);
  });

  it.each([
    ['missing', (req: RawWebhookRequest) => ({ ...req, headers: { 'content-type': 'application/json' } })],
    ['signed with another secret', (req: RawWebhookRequest) => ({ ...req, headers: { 'x-hub-signature-256': signWebhookBody(req.rawBody, 'wrong') } })],
    ['sha1 prefix', (req: RawWebhookRequest) => ({ ...req, headers: { 'x-hub-signature-256': `sha1=${'0'.repeat(40)}` } })],
    ['truncated', (req: RawWebhookRequest) => ({ ...req, headers: { 'x-hub-signature-256': String(req.headers['x-hub-signature-256']).slice(0, 40) } })],
    ['for other bytes (re-serialised JSON)', (req: RawWebhookRequest) => ({
      ...req, rawBody: Buffer.from(JSON.stringify(JSON.parse(req.rawBody.toString()), null, 2)),
    })],
  ])('refuses a signature that is %s with 401 and stores nothing', async (_name, tamper) => {
    const request = tamper(kit.provider.webhook(a.context, textFrom('wamid.x')));
    expect(await rejection(kit.intake.receive(request))).toEqual({ status: 401, code: 'WEBHOOK_SIGNATURE_INVALID' });
    expect(await kit.countRows('inbound_events')).toBe(0);
    expect(await kit.countRows('jobs')).toBe(0);
  });

  it("refuses a body naming tenant A's number but signed with tenant B's secret", async () => {
    const body = buildFakeWebhookBody(a.context, textFrom('wamid.spoof'));
    expect(await rejection(kit.intake.receive(signFakeWebhook(body, SECRET_B)))).toMatchObject({ status: 401 });
    // Smuggling A's items into a batch that is legitimately signed for B does not work either.
    const batch = batchBody([{ channel: b, items: textFrom('wamid.b') }, { channel: a, items: textFrom('wamid.smuggled') }]);
    expect(await rejection(kit.intake.receive(signFakeWebhook(batch, SECRET_B)))).toMatchObject({ status: 401 });
    expect(await kit.countRows('inbound_events')).toBe(0);
  });

  it('answers 400 for malformed JSON or a foreign envelope; keeps only validly signed ones, as failed', async () => {
    const broken = Buffer.from('{"object":"whatsapp_business_account","entry":[');
    const signed = { rawBody: broken, headers: { 'x-hub-signature-256': signWebhookBody(broken, FALLBACK) } };
    expect(await rejection(kit.intake.receive(signed))).toEqual({ status: 400, code: 'WEBHOOK_MALFORMED' });
    const unsigned = { rawBody: broken, headers: { 'x-hub-signature-256': signWebhookBody(broken, 'nope') } };
    expect(await rejection(kit.intake.receive(unsigned))).toMatchObject({ status: 400 });
    const foreign = Buffer.from(JSON.stringify({ object: 'page', entry: [] }));
    expect(await rejection(kit.intake.receive({ rawBody: foreign, headers: { 'x-hub-signature-256': signWebhookBody(foreign, 'x') } })))
      .toMatchObject({ status: 400 });
    const rows = await kit.database.db.selectFrom('inbound_events').select(['status', 'error']).execute();
    expect(rows).toEqual([{ status: 'failed', error: 'malformed: body is not JSON' }]);
    expect(await kit.countRows('jobs')).toBe(0);
  });

  it('stores the same body five times as one row with one processing, each acknowledged', async () => {
    const request = kit.provider.webhook(a.context, textFrom('wamid.dup'));
    const outcomes = [];
    for (let i = 0; i < 5; i += 1) outcomes.push((await kit.intake.receive(request)).outcome);
    expect(outcomes).toEqual(['stored', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await kit.countRows('inbound_events')).toBe(1);
    expect(await kit.countRows('jobs')).toBe(1);
    await kit.queue.start();
    await eventually(() => expect(kit.sink.recordCalls).toHaveLength(1));
  });

  it('de-duplicates concurrent deliveries of one body', async () => {
    const request = kit.provider.webhook(a.context, textFrom('wamid.race'));
    const results = await Promise.all(Array.from({ length: 5 }, () => kit.intake.receive(request)));
    expect(results.filter((r) => r.outcome === 'stored')).toHaveLength(1);
    expect(await kit.countRows('inbound_events')).toBe(1);
  });

  it('commits concurrent deliveries together, each acknowledged only with its row, processed once each', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => kit.provider.webhook(a.context, textFrom(`wamid.group-${i}`)));
    const results = await Promise.all(requests.map((r) => kit.intake.receive(r)));
    expect(results.every((r) => r.outcome === 'stored')).toBe(true);
    expect(await kit.countRows('inbound_events')).toBe(40);
    expect(await kit.countRows('jobs')).toBeLessThan(40);
    await kit.queue.start();
    await eventually(() => expect(kit.sink.recordCalls).toHaveLength(40));
  });

  it('acknowledges nothing and keeps nothing when the commit fails', async () => {
    const failingQueue = { enqueue: async () => { throw new Error('queue table unavailable'); } } as unknown as JobQueue;
    const writer = new InboundEventWriter({ db: kit.database.db, queue: failingQueue });
    const event = (id: string, hash: string) => ({
      id, tenantId: null, channelId: null, provider: 'fake', bodySha256: hash, rawBody: '{}', status: 'pending' as const, error: null, receivedAt: new Date(),
    });
    const outcomes = await Promise.allSettled([writer.write(event('e-1', 'h-1')), writer.write(event('e-2', 'h-2'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await kit.countRows('inbound_events')).toBe(0);
  });

  it('keeps one failing event from blocking the others of its job, and dead-letters it on the last attempt', async () => {
    const [poisoned, healthy] = await Promise.all([
      kit.intake.receive(kit.provider.webhook(a.context, textFrom('wamid.poison'))),
      kit.intake.receive(kit.provider.webhook(a.context, textFrom('wamid.healthy'))),
    ]);
    const sink = {
      recordInbound: async (input: Parameters<typeof kit.sink.recordInbound>[0]) => {
        if (input.event.wamid === 'wamid.poison') throw new Error('cannot store this one');
        return kit.sink.recordInbound(input);
      },
      applyStatuses: kit.sink.applyStatuses.bind(kit.sink),
    };
    const processor = new InboundEventProcessor({
      db: kit.database.db, provider: kit.provider, channels: kit.channels, sink, media: kit.media, clock: kit.clock, logger: silentLogger,
    });
    const ids = { inboundEventIds: [poisoned.eventId!, healthy.eventId!] };
    const ctx = (attempt: number) => ({ jobId: 'j', attempt, signal: new AbortController().signal });
    await expect(processor.process(ids, ctx(1))).rejects.toThrow('cannot store this one');
    expect((await findInboundEvent(kit.database.db, healthy.eventId!))?.status).toBe('processed');
    expect((await findInboundEvent(kit.database.db, poisoned.eventId!))?.status).toBe('pending');
    await processor.process(ids, ctx(10));
    expect(await findInboundEvent(kit.database.db, poisoned.eventId!)).toMatchObject({ status: 'failed', error: 'Error: cannot store this one' });
    expect(kit.sink.recordCalls.map((c) => c.event.wamid)).toEqual(['wamid.healthy']);
  });

  it('applies the events of one job in one transaction', async () => {
    const stored = await Promise.all(
      Array.from({ length: 10 }, (_, i) => kit.intake.receive(kit.provider.webhook(a.context, textFrom(`wamid.together-${i}`)))),
    );
    let transactions = 0;
    const db = new Proxy(kit.database.db, {
      get(target, property, receiver) {
        if (property === 'transaction') return () => { transactions += 1; return target.transaction(); };
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const processor = new InboundEventProcessor({
      db, provider: kit.provider, channels: kit.channels, sink: kit.sink, media: kit.media, clock: kit.clock, logger: silentLogger,
    });
    await processor.process({ inboundEventIds: stored.map((r) => r.eventId!) }, { jobId: 'j', attempt: 1, signal: new AbortController().signal });
    expect(transactions).toBe(1);
    expect(kit.sink.recordCalls).toHaveLength(10);
    for (const r of stored) expect((await findInboundEvent(kit.database.db, r.eventId!))?.status).toBe('processed');
  });

  it('processes every entry × change × message and status of a batched body', async () => {
    kit.sink.outbound.set('wamid.out-1', 'sent');
    kit.sink.outbound.set('wamid.out-2', 'sent');
    const items = (n: number): FakeWebhookItems => ({
      messages: [{ from: '4915100000001', wamid: `wamid.in-${n}a`, text: 'a' }, { from: '4915100000002', wamid: `wamid.in-${n}b`, text: 'b' }],
      statuses: [{ wamid: `wamid.out-${n}`, status: 'delivered', recipientId: '4915100000009' }],
    });
    const body = batchBody([{ channel: a, items: items(1) }, { channel: a, items: items(2) }]);
    await kit.intake.receive(signFakeWebhook(body, SECRET_A));
    await kit.queue.start();
    await eventually(() => expect(kit.sink.statusCalls).toHaveLength(2));
    expect(kit.sink.recordCalls.map((c) => c.event.wamid).sort()).toEqual(['wamid.in-1a', 'wamid.in-1b', 'wamid.in-2a', 'wamid.in-2b']);
    expect([...kit.sink.outbound.values()]).toEqual(['delivered', 'delivered']);
  });

  it('routes a body spanning two channels of one Meta app to each channel', async () => {
    const sameApp = await kit.addChannel({ id: 'chan-c', appSecret: SECRET_A });
    const body = batchBody([{ channel: a, items: textFrom('wamid.for-a') }, { channel: sameApp, items: textFrom('wamid.for-c') }]);
    const result = await kit.intake.receive(signFakeWebhook(body, SECRET_A));
    expect(await findInboundEvent(kit.database.db, result.eventId!)).toMatchObject({ tenantId: null, channelId: null });
    await kit.queue.start();
    await eventually(() => expect(kit.sink.recordCalls).toHaveLength(2));
    expect(kit.sink.recordCalls.map((c) => `${c.channelId}:${c.event.wamid}`).sort()).toEqual(['chan-a:wamid.for-a', 'chan-c:wamid.for-c']);
  });

  it('applies statuses arriving out of order so the final state is the highest one', async () => {
    kit.sink.outbound.set('wamid.o', 'sent');
    for (const status of ['read', 'delivered', 'sent'] as const) {
      await kit.intake.receive(kit.provider.webhook(a.context, { statuses: [{ wamid: 'wamid.o', status, recipientId: '49151' }] }));
    }
    await kit.queue.start();
    await eventually(() => expect(kit.sink.statusCalls).toHaveLength(3));
    expect(kit.sink.outbound.get('wamid.o')).toBe('read');
  });

  it('retries a status whose message is not committed yet, and applies it once it is', async () => {
    await kit.intake.receive(kit.provider.webhook(a.context, { statuses: [{ wamid: 'wamid.late', status: 'sent', recipientId: '49151' }] }));
    await kit.queue.start();
    await eventually(() => expect(kit.sink.statusCalls.length).toBeGreaterThanOrEqual(1));
    kit.sink.outbound.set('wamid.late', 'sending');
    await eventually(() => expect(kit.sink.outbound.get('wamid.late')).toBe('sent'));
    await eventually(async () => expect(await kit.database.db.selectFrom('inbound_events').select(['status', 'error']).execute())
      .toEqual([{ status: 'processed', error: null }]));
  });

  it('records a status as unmatched after the retries, and finishes the event', async () => {
    await kit.dispose();
    kit = await createInboundKit({ database, statusMatchAttempts: 2 });
    a = await kit.addChannel({ id: 'chan-a', appSecret: SECRET_A });
    const result = await kit.intake.receive(kit.provider.webhook(a.context, { statuses: [{ wamid: 'wamid.ghost', status: 'read', recipientId: '49151' }] }));
    await kit.queue.start();
    await eventually(async () => expect((await findInboundEvent(kit.database.db, result.eventId!))?.status).toBe('processed'));
    expect(kit.sink.statusCalls).toHaveLength(2);
    expect((await findInboundEvent(kit.database.db, result.eventId!))?.error).toBe('unmatched statuses: wamid.ghost (read)');
  });

  it('registers media for new media messages only, in the message transaction', async () => {
    const image = { from: '49151', wamid: 'wamid.img', type: 'image', content: { id: 'media-77', mime_type: 'image/jpeg', sha256: 'abc' } };
    const request = kit.provider.webhook(a.context, { messages: [image, { from: '49151', wamid: 'wamid.txt', text: 'hi' }] });
    await kit.intake.receive(request);
    // The same message again in a different body (Meta re-sends with changes): no second media row.
    await kit.intake.receive(kit.provider.webhook(a.context, { messages: [image] }));
    await kit.queue.start();
    await eventually(() => expect(kit.sink.recordCalls).toHaveLength(3));
    expect(kit.media.registered).toEqual([{
      tenantId: a.tenantId, channelId: a.channelId, messageId: 'msg-wamid.img', messageType: 'image',
      providerMediaId: 'media-77', mimeType: 'image/jpeg', sha256: 'abc',
    }]);
  });

  it('quarantines a body for an unknown phone number (verified with WA_APP_SECRET) without processing it', async () => {
    const stranger = { ...a.context, phoneNumberId: 'pn-unknown', appSecret: FALLBACK };
    const result = await kit.intake.receive(kit.provider.webhook(stranger, textFrom('wamid.lost')));
    expect(result.outcome).toBe('unrouted');
    expect(await findInboundEvent(kit.database.db, result.eventId!)).toMatchObject({ status: 'unrouted', tenantId: null });
    expect(await kit.countRows('jobs')).toBe(0);
  });

  it('routes account-level fields by WABA id and records them as unhandled', async () => {
    const body = buildBusinessWebhookEnvelope({ entryId: a.context.wabaId, field: 'account_alerts', time: 1_700_000_000, value: { x: 1 } });
    const result = await kit.intake.receive(signFakeWebhook(body, SECRET_A));
    expect(await findInboundEvent(kit.database.db, result.eventId!)).toMatchObject({ channelId: a.channelId });
    await kit.queue.start();
    await eventually(async () => expect(await findInboundEvent(kit.database.db, result.eventId!)).toMatchObject({
      status: 'processed', error: 'unhandled fields: account_alerts',
    }));
  });

  it('accepts the per-channel URL only with that channel\'s signature', async () => {
    const request = kit.provider.webhook(a.context, textFrom('wamid.path'));
    expect(await rejection(kit.intake.receive({ ...request, channelId: b.channelId }))).toMatchObject({ status: 401 });
    expect(await rejection(kit.intake.receive({ ...request, channelId: 'no-such-channel' }))).toMatchObject({ status: 404 });
    expect((await kit.intake.receive({ ...request, channelId: a.channelId })).outcome).toBe('stored');
  });

  describe('subscription handshake', () => {
    const check = (over: Record<string, string | undefined>) =>
      kit.intake.verifySubscription({ mode: 'subscribe', token: 'verify-chan-a', challenge: '1158201444', ...over });

    it("echoes the challenge for a channel's token or the bootstrap token", async () => {
      expect(await check({})).toBe('1158201444');
      expect(await check({ token: 'env-token' })).toBe('1158201444');
      expect(await check({ channelId: a.channelId })).toBe('1158201444');
    });

    it.each([
      ['a wrong token', { token: 'nope' }],
      ['another channel\'s token on a per-channel URL', { channelId: 'chan-b' }],
      ['the bootstrap token on a per-channel URL', { token: 'env-token', channelId: 'chan-a' }],
      ['a wrong mode', { mode: 'unsubscribe' }],
      ['a missing challenge', { challenge: undefined }],
      ['markup as the challenge', { challenge: '<script>alert(1)</script>' }],
    ])('refuses %s with 403', async (_name, over) => {
      expect(await rejection(check(over))).toEqual({ status: 403, code: 'WEBHOOK_VERIFY_TOKEN_INVALID' });
    });
  });
});
