import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_NUMBER } from '../../src/composition/bootstrap.js';
import { eventually } from '../helpers/eventually.js';
import { uniqueWaId } from '../helpers/sandbox-webhooks.js';
import { startTestHub, type TestHub } from '../helpers/start-test-hub.js';
import { testDialect } from '../helpers/test-database.js';

type Json = Record<string, unknown>;
type Delivery = { kind: string; state: string; rawBody: string; signature: string; duplicate: boolean };

/** Stella Silent: reads every message, never answers (so no replies interfere). */
const SILENT = '4915100000004';

/**
 * RELIABILITY.md §7.2 rows that apply to this gateway, end to end: messages queued through the API
 * of the whole Hub, sent by its workers through the Cloud API provider to the embedded emulator,
 * whose fault injection plays Meta misbehaving. Each send is checked against what "Meta" accepted.
 */
describe(`reliability matrix §7.2, outbound sending (${testDialect()})`, () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => hub?.stop());
  afterEach(async () => void (await hub.emulator('DELETE', '/_emulator/faults')));

  const db = () => hub.container.database.db;
  const text = (body: string) => ({ type: 'text', text: { body } });

  const send = async (to: string, init: { headers?: Record<string, string>; body?: Json } = {}) => {
    const answer = await hub.api('/api/v1/messages', {
      method: 'POST',
      headers: init.headers ?? {},
      body: init.body ?? { channelId: hub.sandbox!.channelId, to: `+${to}`, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    });
    return { status: answer.status, body: answer.body as Json, id: (answer.body as Json)['id'] as string };
  };
  const view = async (id: string) => (await hub.api(`/api/v1/messages/${id}`)).body as Json & { status: string; statuses: { status: string }[] };
  const acceptedSends = async (id: string) => {
    const { messages } = await hub.emulator<{ messages: Json[] }>('GET', `/_emulator/messages?phoneNumberId=${SANDBOX_NUMBER.phoneNumberId}`);
    return messages.filter((m) => m['bizOpaqueCallbackData'] === id);
  };
  const attempts = async (id: string) => (await db().selectFrom('messages').select('send_attempts').where('id', '=', id).executeTakeFirstOrThrow()).send_attempts;
  const untilRead = (id: string) => eventually(async () => {
    const message = await view(id);
    expect(message.status).toBe('read');
    return message;
  }, { timeoutMs: 15_000 });

  it('OUT-03 (lite): delays sends refused with 130429, fails none and sends each exactly once', async () => {
    await hub.emulator('POST', '/_emulator/faults', { rateLimit: 3 });
    const ids = await Promise.all([1, 2, 3].map(async () => (await send(SILENT)).id));
    for (const id of ids) {
      const message = await untilRead(id);
      expect(message.statuses.map((s) => s.status)).not.toContain('failed');
      expect(await acceptedSends(id)).toHaveLength(1);
      // The first attempt was refused (and not recorded by "Meta"), the second went through.
      expect(await attempts(id)).toBe(2);
    }
  });

  it('retries a send answered with a server error and sends it exactly once', async () => {
    await hub.emulator('POST', '/_emulator/faults', { serverErrors: 2 });
    const ids = await Promise.all([1, 2].map(async () => (await send(SILENT)).id));
    for (const id of ids) {
      await untilRead(id);
      expect(await acceptedSends(id)).toHaveLength(1);
      expect(await attempts(id)).toBe(2);
    }
  });

  it('ends in the right state with one history row per status when status webhooks are duplicated and reordered', async () => {
    await hub.emulator('POST', '/_emulator/faults', { duplicateWebhooks: true, reorderStatuses: 3 });
    const ids = await Promise.all([1, 2, 3].map(async () => (await send(SILENT)).id));
    for (const id of ids) {
      // `read` may be applied before the older statuses behind it: wait for the whole history.
      await eventually(async () => expect((await view(id)).statuses.map((s) => s.status)).toEqual(['queued', 'sent', 'delivered', 'read']), { timeoutMs: 15_000 });
      expect((await view(id)).status).toBe('read');
      expect(await acceptedSends(id)).toHaveLength(1);
    }
    const { deliveries } = await hub.emulator<{ deliveries: Delivery[] }>('GET', `/_emulator/deliveries?phoneNumberId=${SANDBOX_NUMBER.phoneNumberId}&kind=status`);
    const ours = deliveries.filter((d) => ids.some((id) => d.rawBody.includes(id)));
    expect(ours.filter((d) => d.duplicate).length).toBeGreaterThanOrEqual(ids.length * 3);
    const order = (id: string) => ours.filter((d) => !d.duplicate && d.rawBody.includes(id)).map((d) => /"status":"(\w+)"/.exec(d.rawBody)?.[1]);
    expect(order(ids[0]!)).toEqual(['read', 'delivered', 'sent']);
  });

  it('OUT-11: sends once for 5 parallel POSTs with one Idempotency-Key; the key with a different body is refused (422)', async () => {
    const to = uniqueWaId();
    // The customer writes first, so free-form text is allowed.
    await hub.emulator('POST', '/_emulator/inbound', { phoneNumberId: SANDBOX_NUMBER.phoneNumberId, from: to, message: text('Hallo?') });
    await eventually(async () => expect((await hub.api(`/api/v1/messages?direction=inbound&contactWaId=${to}`)).body).toMatchObject({ data: [expect.anything()] }));
    const key = `erp-order-${randomBytes(4).toString('hex')}`;
    const request = { channelId: hub.sandbox!.channelId, to: `+${to}`, type: 'text', text: { body: 'Ihre Bestellung ist unterwegs' } };
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => send(to, { headers: { 'idempotency-key': key }, body: request })));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 202]);
    const id = answers[0]!.id;
    await untilRead(id);
    expect(await acceptedSends(id)).toHaveLength(1);
    expect(await db().selectFrom('messages').select('id').where('idempotency_key', '=', key).execute()).toHaveLength(1);

    for (const different of [{ ...request, text: { body: 'Ihre Bestellung ist storniert' } }, { ...request, to: `+${SILENT}` }]) {
      const refused = await send(to, { headers: { 'idempotency-key': key }, body: different });
      expect(refused.status).toBe(422);
      expect((refused.body['error'] as Json)['code']).toBe('IDEMPOTENCY_KEY_REUSED');
    }
    expect(await acceptedSends(id)).toHaveLength(1);
  });
});

/**
 * OUT-02 needs statuses only on command (a status arriving before the timeout would resolve the
 * send before it is ever `unknown`) and a short send timeout, so it has a hub of its own.
 */
describe(`reliability matrix §7.2, OUT-02 timeout after accept (${testDialect()})`, () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ env: { SEND_TIMEOUT_MS: '300' }, emulator: { statusDelaysMs: null } });
  });
  afterAll(async () => hub?.stop());

  it('parks a send whose answer never came as unknown, does not resend it, and resolves it from the status webhook', async () => {
    await hub.emulator('POST', '/_emulator/faults', { timeoutAfterAccept: { ms: 5_000, count: 1 } });
    const to = uniqueWaId(); // not a persona: nobody reads it on their own
    const sent = await hub.api('/api/v1/messages', {
      method: 'POST',
      body: { channelId: hub.sandbox!.channelId, to: `+${to}`, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    });
    expect(sent.status).toBe(202);
    const id = (sent.body as Json)['id'] as string;
    const view = async () => (await hub.api(`/api/v1/messages/${id}`)).body as Json & { statuses: { status: string }[] };

    const unknown = await eventually(async () => {
      const message = await view();
      expect(message['status']).toBe('unknown');
      return message;
    });
    expect(unknown).toMatchObject({ wamid: null, error: { code: 'OUTCOME_UNKNOWN' } });
    const { messages } = await hub.emulator<{ messages: (Json & { wamid: string })[] }>('GET', `/_emulator/messages?to=${to}`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ bizOpaqueCallbackData: id });

    // Meta's status webhook echoes our id in biz_opaque_callback_data: that reconciles the message.
    await hub.emulator('POST', `/_emulator/messages/${messages[0]!.wamid}/status`, { status: 'sent' });
    const resolved = await eventually(async () => {
      const message = await view();
      expect(message['status']).toBe('sent');
      return message;
    });
    expect(resolved['wamid']).toBe(messages[0]!.wamid);
    expect(resolved.statuses.map((s) => s.status)).toEqual(['queued', 'unknown', 'sent']);
    await hub.emulator('POST', `/_emulator/messages/${messages[0]!.wamid}/status`, { status: 'delivered' });
    await eventually(async () => expect((await view())['status']).toBe('delivered'));
    expect((await hub.emulator<{ messages: Json[] }>('GET', `/_emulator/messages?to=${to}`)).messages).toHaveLength(1);
    const row = await hub.container.database.db.selectFrom('messages').select('send_attempts').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.send_attempts).toBe(1);
  });
});
