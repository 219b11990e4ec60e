import { createHash } from 'node:crypto';
import { parseMediaUrlResponse } from '@valeo/cloud-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { CUSTOMER, NUMBER, openWindow, sendPath, startHarness, type Harness } from './helpers/emulator-harness.js';
import { messagesOf, statusesOf } from './helpers/webhook-receiver.js';

const mediaPath = `/v24.0/${NUMBER.phoneNumberId}/media`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

async function upload(h: Harness, bytes: Buffer, type: string, fields: Record<string, string> = { messaging_product: 'whatsapp' }, token = NUMBER.accessToken) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('type', type);
  form.append('file', new Blob([bytes], { type }), 'file.bin');
  const res = await fetch(`${h.baseUrl}${mediaPath}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('media', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ statusDelaysMs: null });
  });
  afterEach(() => h.close());

  it('uploads, describes, downloads (bearer required) and deletes media', async () => {
    const uploaded = await upload(h, PNG, 'image/png');
    expect(uploaded.status).toBe(200);
    const id = String(uploaded.body['id']);
    expect(id).toMatch(/^\d{15,16}$/);

    const info = await h.call('GET', `/v24.0/${id}?phone_number_id=${NUMBER.phoneNumberId}`);
    expect(info.body).toEqual({
      messaging_product: 'whatsapp', url: expect.stringContaining(`${h.baseUrl}/whatsapp_business/attachments/?mid=${id}`),
      mime_type: 'image/png', sha256: createHash('sha256').update(PNG).digest('hex'), file_size: String(PNG.length), id,
    });
    expect(parseMediaUrlResponse(info.body).ok).toBe(true);
    const url = String(info.body['url']);
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    const downloaded = await fetch(url, { headers: { authorization: `Bearer ${NUMBER.accessToken}` } });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(PNG);
    const forged = await fetch(url.replace(/hash=[^&]+/, 'hash=forged'), { headers: { authorization: `Bearer ${NUMBER.accessToken}` } });
    expect(forged.status).toBe(404);

    expect((await h.call('GET', `/v24.0/${id}?phone_number_id=other`)).body['error']).toMatchObject({ code: 100 });
    expect((await h.call('DELETE', `/v24.0/${id}`)).body).toEqual({ success: true });
    expect((await h.call('GET', `/v24.0/${id}`)).body['error']).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('expires download URLs after 5 minutes', async () => {
    const id = String((await upload(h, PNG, 'image/png')).body['id']);
    const url = String((await h.call('GET', `/v24.0/${id}`)).body['url']);
    await h.call('POST', '/_emulator/clock', { advanceMs: 5 * 60 * 1000 + 1000 }, null);
    expect((await fetch(url, { headers: { authorization: `Bearer ${NUMBER.accessToken}` } })).status).toBe(404);
  });

  it("enforces Meta's types and size limits and requires messaging_product and a token", async () => {
    const tooBig = await upload(h, Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg');
    expect(tooBig.body['error']).toMatchObject({ code: 131053, error_data: { details: expect.stringContaining('5 MB') } });
    const sticker = await upload(h, Buffer.alloc(501 * 1024), 'image/webp');
    expect(sticker.body['error']).toMatchObject({ code: 131053 });
    expect((await upload(h, Buffer.alloc(6 * 1024 * 1024), 'application/pdf')).status).toBe(200);
    expect((await upload(h, PNG, 'image/gif')).body['error']).toMatchObject({ code: 131053 });
    expect((await upload(h, PNG, 'image/png', {})).body['error']).toMatchObject({ code: 131008 });
    expect((await upload(h, PNG, 'image/png', undefined, 'bad')).status).toBe(401);
  });

  it('sends uploaded media by id, and fails unknown media ids asynchronously (131053)', async () => {
    await openWindow(h);
    const id = String((await upload(h, PNG, 'image/png')).body['id']);
    const ok = await h.call('POST', sendPath, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'image', image: { id } });
    const bad = await h.call('POST', sendPath, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'image', image: { id: '123' } });
    expect([ok.status, bad.status]).toEqual([200, 200]);
    const badId = (bad.body['messages'] as { id: string }[])[0]?.id;
    await eventually(() => expect(statusesOf(h.receiver.received)).toEqual([expect.objectContaining({ id: badId, status: 'failed', errors: [expect.objectContaining({ code: 131053 })] })]));
  });

  it('creates a media object for a customer image so the business can fetch it', async () => {
    const data = Buffer.from('customer-jpeg-bytes');
    await h.call('POST', '/_emulator/inbound', {
      phoneNumberId: NUMBER.phoneNumberId, from: CUSTOMER,
      message: { type: 'image', image: { caption: 'Schaden', mime_type: 'image/jpeg', data: data.toString('base64') } },
    }, null);
    const image = await eventually(() => {
      const message = messagesOf(h.receiver.received)[0];
      expect(message?.['type']).toBe('image');
      return message?.['image'] as Record<string, string>;
    });
    expect(h.receiver.received[0]?.schemaErrors).toEqual([]);
    expect(image).toMatchObject({ caption: 'Schaden', mime_type: 'image/jpeg', sha256: createHash('sha256').update(data).digest('base64'), id: expect.any(String), url: expect.any(String) });
    const info = await h.call('GET', `/v24.0/${image['id']}`);
    const bytes = await fetch(String(info.body['url']), { headers: { authorization: `Bearer ${NUMBER.accessToken}` } });
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(data);
  });
});
