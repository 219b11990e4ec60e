import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { CUSTOMER, NUMBER, openWindow, startHarness, type Harness } from './helpers/emulator-harness.js';

const text = { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'Hallo' } };

describe('emulator app', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('works mounted under a prefix, including media download URLs', async () => {
    h = await startHarness({ prefix: '/sandbox', statusDelaysMs: null });
    await openWindow(h);
    const res = await h.call('POST', `/v24.0/${NUMBER.phoneNumberId}/messages`, text);
    expect(res.status).toBe(200);
    expect(h.baseUrl.endsWith('/sandbox')).toBe(true);
    const unprefixed = await fetch(`${h.baseUrl.replace('/sandbox', '')}/v24.0/${NUMBER.phoneNumberId}/messages`, { method: 'POST' });
    expect(unprefixed.status).toBe(404);
    await h.call('POST', '/_emulator/inbound', { phoneNumberId: NUMBER.phoneNumberId, from: CUSTOMER, message: { type: 'document', document: { filename: 'r.pdf' } } }, null);
    const inbound = await h.call('GET', '/_emulator/inbound', undefined, null);
    const url = String(((inbound.body['messages'] as { message: { document: { url: string } } }[])[1])?.message.document.url);
    expect(url.startsWith(`${h.baseUrl}/whatsapp_business/attachments/`)).toBe(true);
    const download = await fetch(url, { headers: { authorization: `Bearer ${NUMBER.accessToken}` } });
    expect(download.status).toBe(200);
  });

  it('accepts any vNN.N version and refuses malformed ones', async () => {
    h = await startHarness({ statusDelaysMs: null });
    await openWindow(h);
    expect((await h.call('POST', `/v19.0/${NUMBER.phoneNumberId}/messages`, text)).status).toBe(200);
    expect((await h.call('POST', `/latest/${NUMBER.phoneNumberId}/messages`, text)).body['error']).toMatchObject({ code: 2500 });
  });

  it('reset clears traffic, faults, clock and (unless kept) registrations', async () => {
    h = await startHarness({ statusDelaysMs: null });
    await openWindow(h);
    await h.call('POST', '/_emulator/faults', { rateLimit: true }, null);
    await h.call('POST', '/_emulator/clock', { advanceMs: 60_000 }, null);
    await eventually(() => expect(h.receiver.received).toHaveLength(1));

    expect((await h.call('POST', '/_emulator/reset', { keepPhoneNumbers: true }, null)).status).toBe(200);
    expect((await h.call('GET', '/_emulator/inbound', undefined, null)).body['messages']).toEqual([]);
    expect((await h.call('GET', '/_emulator/deliveries', undefined, null)).body['deliveries']).toEqual([]);
    expect((await h.call('GET', '/_emulator/templates', undefined, null)).body['templates']).toEqual([expect.objectContaining({ name: 'hello_world' })]);
    const now = Date.parse(String((await h.call('GET', '/_emulator/clock', undefined, null)).body['now']));
    expect(Math.abs(now - Date.now())).toBeLessThan(30_000);
    // The window closed with the reset, so free-form is accepted-then-failed, not rate limited.
    const res = await h.call('POST', `/v24.0/${NUMBER.phoneNumberId}/messages`, text);
    expect(res.status).toBe(200);

    await h.call('POST', '/_emulator/reset', {}, null);
    expect((await h.call('GET', '/_emulator/phone-numbers', undefined, null)).body['phoneNumbers']).toEqual([]);
    expect((await h.call('POST', `/v24.0/${NUMBER.phoneNumberId}/messages`, text)).status).toBe(401);
  });

  it('registration is an idempotent upsert and validates its payload', async () => {
    h = await startHarness({ statusDelaysMs: null });
    const again = await h.call('POST', '/_emulator/phone-numbers', { ...NUMBER, webhookUrl: h.receiver.url, verifiedName: 'VALEO' }, null);
    expect(again.body['phoneNumber']).toMatchObject({ phoneNumberId: NUMBER.phoneNumberId, verifiedName: 'VALEO' });
    expect((await h.call('GET', '/_emulator/phone-numbers', undefined, null)).body['phoneNumbers']).toHaveLength(1);
    expect((await h.call('GET', '/_emulator/templates', undefined, null)).body['templates']).toHaveLength(1);
    const invalid = await h.call('POST', '/_emulator/phone-numbers', { phoneNumberId: 'x' }, null);
    expect(invalid.status).toBe(400);
    expect(invalid.body['error']).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it("runs Meta's GET verification handshake against the number's webhook URL", async () => {
    h = await startHarness({ statusDelaysMs: null });
    const path = `/_emulator/phone-numbers/${NUMBER.phoneNumberId}/verify-webhook`;
    const ok = await h.call('POST', path, { verifyToken: 'verify-me' }, null);
    expect(ok.body).toMatchObject({ verified: true, statusCode: 200 });
    expect(ok.body['responseBody']).toBe(ok.body['challenge']);
    expect((await h.call('POST', path, { verifyToken: 'wrong' }, null)).body).toMatchObject({ verified: false, statusCode: 403 });
  });

  it('records skipped deliveries for numbers without a webhook URL', async () => {
    h = await startHarness({ statusDelaysMs: null });
    await h.call('POST', '/_emulator/phone-numbers', { ...NUMBER, phoneNumberId: '200', webhookUrl: null }, null);
    await h.call('POST', '/_emulator/inbound', { phoneNumberId: '200', from: CUSTOMER, message: { type: 'text', text: { body: 'x' } } }, null);
    const log = await h.call('GET', '/_emulator/deliveries?phoneNumberId=200', undefined, null);
    expect(log.body['deliveries']).toEqual([expect.objectContaining({ state: 'skipped', attempts: [] })]);
    expect((await h.call('POST', '/_emulator/inbound', { phoneNumberId: 'nope', from: CUSTOMER, message: { type: 'text', text: { body: 'x' } } }, null)).status).toBe(404);
  });
});
