import { describe, expect, it } from 'vitest';
import { isKnownInboundMessage, type WebhookAnyInboundMessage } from '../schemas/webhook-messages.js';
import { parseWebhookPayload } from '../validation/parse-webhook.js';

const value = (extra: object) => ({
  messaging_product: 'whatsapp',
  metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
  ...extra,
});
const envelope = (v: unknown, field = 'messages') => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', changes: [{ value: v, field }] }],
});
const message = (extra: object) => ({ from: '16505551234', id: 'wamid.1', timestamp: '1749416383', ...extra });

describe('parseWebhookPayload', () => {
  it('rejects malformed envelopes', () => {
    expect(parseWebhookPayload(null).ok).toBe(false);
    expect(parseWebhookPayload({ object: 'page', entry: [] }).ok).toBe(false);
    expect(parseWebhookPayload({ object: 'whatsapp_business_account' }).ok).toBe(false);
    expect(parseWebhookPayload({ object: 'whatsapp_business_account', entry: [{ id: '1' }] }).ok).toBe(false);
    expect(parseWebhookPayload(envelope({ metadata: {} })).ok).toBe(false);
  });

  it('reports the precise path of a broken known message instead of every union branch', () => {
    const result = parseWebhookPayload(envelope(value({ messages: [message({ type: 'text', text: {} })] })));
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '/entry/0/changes/0/value/messages/0/text', message: 'must have required properties body' }],
    });
  });

  it('rejects numeric timestamps and unknown status values', () => {
    expect(parseWebhookPayload(envelope(value({ messages: [message({ timestamp: 1749416383, type: 'text', text: { body: 'x' } })] }))).ok).toBe(false);
    const status = { id: 'wamid.1', status: 'bounced', timestamp: '1', recipient_id: '1' };
    expect(parseWebhookPayload(envelope(value({ statuses: [status] }))).ok).toBe(false);
  });

  it('accepts unknown extra properties and unknown message types, flagged as unknown', () => {
    const result = parseWebhookPayload(
      envelope(value({ new_meta_field: 1, messages: [message({ type: 'poll', poll: { q: 1 }, extra: true })] })),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const change = result.value.entry[0]?.changes[0];
    const first = change?.field === 'messages' ? (change.value as { messages?: WebhookAnyInboundMessage[] }).messages?.[0] : undefined;
    expect(first && isKnownInboundMessage(first)).toBe(false);
  });

  it('accepts any object value for other fields but not a non-object', () => {
    expect(parseWebhookPayload(envelope({ anything: [1, 2] }, 'security')).ok).toBe(true);
    expect(parseWebhookPayload(envelope('x', 'security')).ok).toBe(false);
  });

  it('accepts batched entries, changes and statuses', () => {
    const statuses = ['sent', 'delivered', 'read'].map((s, i) => ({ id: `wamid.${i}`, status: s, timestamp: '1', recipient_id: '1' }));
    const body = { object: 'whatsapp_business_account', entry: [0, 1].map((i) => ({ id: `${i}`, changes: [{ field: 'messages', value: value({ statuses }) }] })) };
    expect(parseWebhookPayload(body).ok).toBe(true);
  });
});
