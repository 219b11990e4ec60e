import { parseGraphErrorEnvelope, parseSendMessageResponse } from '@valeo/cloud-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { CUSTOMER, NUMBER, openWindow, sendPath, startHarness, type Harness } from './helpers/emulator-harness.js';
import { statusesOf } from './helpers/webhook-receiver.js';

const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${CUSTOMER}` };

const BODIES: Record<string, Record<string, unknown>> = {
  text: { type: 'text', text: { body: 'Hallo äöü 👋 https://valeo.example', preview_url: true } },
  image: { type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'pic' } },
  audio: { type: 'audio', audio: { link: 'https://example.com/a.ogg', voice: true } },
  video: { type: 'video', video: { link: 'https://example.com/a.mp4' } },
  document: { type: 'document', document: { link: 'https://example.com/a.pdf', filename: 'a.pdf' } },
  sticker: { type: 'sticker', sticker: { link: 'https://example.com/a.webp' } },
  location: { type: 'location', location: { latitude: '52.52', longitude: 13.405, name: 'Berlin' } },
  contacts: { type: 'contacts', contacts: [{ name: { formatted_name: 'Erika Muster', first_name: 'Erika' }, phones: [{ phone: '+49 151 1', type: 'WORK' }] }] },
  interactiveButton: { type: 'interactive', interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }, { type: 'reply', reply: { id: 'n', title: 'No' } }] } } },
  interactiveList: { type: 'interactive', interactive: { type: 'list', body: { text: 'Menu' }, action: { button: 'Open', sections: [{ title: 'A', rows: [{ id: 'r1', title: 'Row 1', description: 'd' }] }] } } },
  interactiveCta: { type: 'interactive', interactive: { type: 'cta_url', body: { text: 'Visit' }, action: { name: 'cta_url', parameters: { display_text: 'Open', url: 'https://valeo.example' } } } },
  interactiveFlow: { type: 'interactive', interactive: { type: 'flow', body: { text: 'Flow' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '1', flow_cta: 'Go' } } } },
  locationRequest: { type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Where?' }, action: { name: 'send_location' } } },
  template: { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
};

describe('POST /{phone-number-id}/messages', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ statusDelaysMs: null });
  });
  afterEach(() => h.close());

  it.each(Object.entries(BODIES))('accepts %s and records the exact request body', async (_name, typed) => {
    await openWindow(h);
    const body = { ...base, ...typed, biz_opaque_callback_data: 'our-id-1' };
    const res = await h.call('POST', sendPath, body);
    expect(res.status).toBe(200);
    const wamid = (res.body['messages'] as { id: string }[])[0]?.id ?? '';
    expect(res.body).toEqual({ messaging_product: 'whatsapp', contacts: [{ input: `+${CUSTOMER}`, wa_id: CUSTOMER }], messages: [{ id: wamid }] });
    expect(parseSendMessageResponse(res.body).ok).toBe(true);
    expect(wamid).toMatch(/^wamid\.[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(wamid.slice(6), 'base64').toString('latin1')).toContain(CUSTOMER);
    const list = await h.call('GET', `/_emulator/messages?phoneNumberId=${NUMBER.phoneNumberId}`, undefined, null);
    const recorded = (list.body['messages'] as Record<string, unknown>[]).find((m) => m['wamid'] === wamid);
    expect(recorded?.['body']).toEqual(body);
    expect(recorded?.['type']).toBe(typed['type']);
  });

  it('rejects a missing or wrong bearer token with 190 (HTTP 401)', async () => {
    const noToken = await h.call('POST', sendPath, { ...base, ...BODIES['text'] }, null);
    const wrongToken = await h.call('POST', sendPath, { ...base, ...BODIES['text'] }, 'nope');
    for (const res of [noToken, wrongToken]) {
      expect(res.status).toBe(401);
      expect(res.body['error']).toMatchObject({ code: 190, type: 'OAuthException' });
    }
  });

  it('answers 100 with subcode 33 for an unknown phone number id', async () => {
    const res = await h.call('POST', '/v24.0/999999/messages', { ...base, ...BODIES['text'] });
    expect(res.status).toBe(400);
    expect(res.body['error']).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('reports validation problems with Meta codes and error_data.details', async () => {
    const missingTo = await h.call('POST', sendPath, { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } });
    expect(missingTo.status).toBe(400);
    expect(parseGraphErrorEnvelope(missingTo.body).ok).toBe(true);
    expect(missingTo.body['error']).toMatchObject({ code: 131008, message: '(#131008) Required parameter is missing', error_data: { details: 'The parameter to is required.' } });

    const missingText = await h.call('POST', sendPath, { ...base, type: 'text' });
    expect(missingText.body['error']).toMatchObject({ code: 131008 });

    const unknownType = await h.call('POST', sendPath, { ...base, type: 'hologram', hologram: {} });
    expect(unknownType.body['error']).toMatchObject({ code: 100 });

    const tooLong = await h.call('POST', sendPath, { ...base, type: 'text', text: { body: 'x'.repeat(4097) } });
    expect(tooLong.body['error']).toMatchObject({ code: 100, error_data: { details: expect.stringContaining('4096') } });

    const fourButtons = await h.call('POST', sendPath, {
      ...base, type: 'interactive',
      interactive: { type: 'button', body: { text: 'b' }, action: { buttons: ['a', 'b', 'c', 'd'].map((id) => ({ type: 'reply', reply: { id, title: id } })) } },
    });
    expect(fourButtons.body['error']).toMatchObject({ code: 131009 });

    const badJson = await fetch(`${h.baseUrl}${sendPath}`, { method: 'POST', headers: { authorization: `Bearer ${NUMBER.accessToken}`, 'content-type': 'application/json' }, body: '{"to":' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: number } }).error.code).toBe(100);

    const listed = await h.call('GET', '/_emulator/messages', undefined, null);
    expect(listed.body['messages']).toEqual([]);
  });

  it('accepts free-form outside the 24-hour window, then fails it with 131047', async () => {
    const res = await h.call('POST', sendPath, { ...base, ...BODIES['text'] });
    expect(res.status).toBe(200);
    const wamid = (res.body['messages'] as { id: string }[])[0]?.id;
    const failed = await eventually(() => {
      const status = statusesOf(h.receiver.received).find((s) => s['id'] === wamid);
      expect(status?.['status']).toBe('failed');
      return status;
    });
    expect(failed?.['errors']).toEqual([expect.objectContaining({ code: 131047, title: 'Re-engagement message' })]);
    expect(failed).not.toHaveProperty('pricing');
  });

  it('closes the window 24 hours after the last customer message (clock control)', async () => {
    await openWindow(h);
    const inside = await h.call('POST', sendPath, { ...base, ...BODIES['text'] });
    await h.call('POST', '/_emulator/clock', { advanceMs: 24 * 60 * 60 * 1000 + 1 }, null);
    const outside = await h.call('POST', sendPath, { ...base, ...BODIES['text'] });
    const ids = [inside, outside].map((r) => (r.body['messages'] as { id: string }[])[0]?.id);
    await eventually(() => expect(statusesOf(h.receiver.received).map((s) => s['id'])).toContain(ids[1]));
    const list = await h.call('GET', '/_emulator/messages', undefined, null);
    const byId = new Map((list.body['messages'] as Record<string, unknown>[]).map((m) => [m['wamid'], m]));
    expect(byId.get(ids[0])?.['failure']).toBeUndefined();
    expect(byId.get(ids[1])?.['failure']).toMatchObject({ code: 131047 });
  });

  it('marks a received message as read (with typing indicator) and rejects unknown ids', async () => {
    const wamid = await openWindow(h);
    const res = await h.call('POST', sendPath, { messaging_product: 'whatsapp', status: 'read', message_id: wamid, typing_indicator: { type: 'text' } });
    expect(res).toEqual({ status: 200, body: { success: true } });
    const inbound = await h.call('GET', '/_emulator/inbound', undefined, null);
    expect((inbound.body['messages'] as Record<string, unknown>[])[0]).toMatchObject({ wamid, typingIndicator: true, readAt: expect.any(String) });
    const unknown = await h.call('POST', sendPath, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nope' });
    expect(unknown.body['error']).toMatchObject({ code: 100 });
  });

  it('enforces per-number throughput with 130429', async () => {
    await h.close();
    h = await startHarness({ statusDelaysMs: null, throughputPerSecond: 2, now: () => new Date('2026-03-01T10:00:00Z') });
    await openWindow(h);
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await h.call('POST', sendPath, { ...base, ...BODIES['text'] }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 400]);
    expect(results[2]?.body['error']).toMatchObject({ code: 130429, error_data: { details: 'Cloud API message throughput has been reached.' } });
    await h.call('POST', '/_emulator/clock', { advanceMs: 1000 }, null);
    expect((await h.call('POST', sendPath, { ...base, ...BODIES['text'] })).status).toBe(200);
  });

  it('answers GET /{phone-number-id} with the number info', async () => {
    const res = await h.call('GET', `/v24.0/${NUMBER.phoneNumberId}`);
    expect(res.body).toMatchObject({ id: NUMBER.phoneNumberId, display_phone_number: NUMBER.displayPhoneNumber, quality_rating: 'GREEN' });
  });
});
