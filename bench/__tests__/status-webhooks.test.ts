import { isValidWebhookSignature, parseWebhookPayload } from '@valeo/cloud-api';
import { describe, expect, it } from 'vitest';
import { normalizeWaId } from '../../apps/server/src/modules/contacts/index.js';
import { buildRequests, recipientFor, RECIPIENTS } from '../lib/request-recipes.js';
import { benchWamid } from '../lib/seed-messages.js';
import { BIZ_OPAQUE_MAX_CHARS, buildStatusWebhook, trackingData } from '../lib/status-webhooks.js';

const number = { wabaId: '209000000000001', phoneNumberId: '109000000000001', displayPhoneNumber: '+49 30 5550100' };
const target = { wamid: benchWamid('4915120000001', 7), recipientId: '4915120000001', messageId: '01936f7e-8a3b-7c2d-9e4f-0123456789ab' };

describe('buildStatusWebhook', () => {
  const webhook = buildStatusWebhook({ number, target, status: 'delivered', timestamp: new Date('2025-11-20T10:00:00Z'), appSecret: 's3cret', sequence: 1 });

  it('is signed over its exact bytes with the app secret', () => {
    expect(isValidWebhookSignature(webhook.body, webhook.signature, 's3cret')).toBe(true);
    expect(isValidWebhookSignature(webhook.body, webhook.signature, 'other')).toBe(false);
  });

  it('is a valid status payload for the target message, about 1.3 KB, escaped like Meta', () => {
    const parsed = parseWebhookPayload(JSON.parse(webhook.body));
    expect(parsed.ok).toBe(true);
    const value = JSON.parse(webhook.body).entry[0].changes[0].value;
    expect(value.metadata).toEqual({ display_phone_number: '49305550100', phone_number_id: '109000000000001' });
    expect(value.statuses).toHaveLength(1);
    expect(value.statuses[0]).toMatchObject({ id: target.wamid, status: 'delivered', timestamp: '1763632800', recipient_id: target.recipientId });
    expect(value.statuses[0].pricing).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
    expect(Buffer.byteLength(webhook.body)).toBeGreaterThan(1_200);
    expect(Buffer.byteLength(webhook.body)).toBeLessThan(1_600);
    expect(webhook.body).toContain('J\\u00f6rg');
    expect(webhook.body).toContain('\\/');
  });

  it('differs per sequence, so the Hub never dedupes two benchmark webhooks', () => {
    const again = buildStatusWebhook({ number, target, status: 'delivered', timestamp: new Date('2025-11-20T10:00:00Z'), appSecret: 's3cret', sequence: 2 });
    expect(again.body).not.toBe(webhook.body);
  });
});

describe('trackingData', () => {
  it('starts with our message id and stays within Meta\'s 512 characters', () => {
    const data = trackingData(target.messageId, 123_456);
    expect(data.startsWith(`hub:${target.messageId};seq:123456;`)).toBe(true);
    expect(data.length).toBeLessThanOrEqual(BIZ_OPAQUE_MAX_CHARS);
  });
});

describe('send recipes', () => {
  it('addresses customers the Hub accepts as phone numbers, RECIPIENTS distinct ones', () => {
    expect(normalizeWaId(recipientFor(0))).toBe('4915120000000');
    expect(normalizeWaId(recipientFor(RECIPIENTS - 1))).toBe('4915120009999');
    expect(recipientFor(RECIPIENTS)).toBe(recipientFor(0));
  });

  it('serialises keep-alive POSTs with the API key and a template body', () => {
    const supply = buildRequests({ kind: 'api-sends', apiKey: 'vhub_x', channelId: 'ch1', distinctRequests: 3 });
    expect(supply.requests).toHaveLength(3);
    expect(supply.cycle).toBe(true);
    const text = supply.requests[1]!.toString();
    expect(text.startsWith('POST /api/v1/messages HTTP/1.1\r\n')).toBe(true);
    expect(text).toContain('authorization: Bearer vhub_x\r\n');
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ channelId: 'ch1', to: '+4915120000001', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
  });

  it('builds one webhook per message and status, all first statuses before any second one, never cycling', () => {
    const targets = [target, { ...target, wamid: benchWamid(target.recipientId, 8), messageId: 'm2' }];
    const supply = buildRequests({ kind: 'status-webhooks', path: '/webhooks/whatsapp', number, appSecret: 's', targets, statuses: ['delivered', 'read'] });
    expect(supply.cycle).toBe(false);
    const statuses = supply.requests.map((r) => /"status":"(\w+)"/.exec(r.toString())?.[1]);
    expect(statuses).toEqual(['delivered', 'delivered', 'read', 'read']);
  });
});

describe('benchWamid', () => {
  it('has Meta\'s shape (base64 record with the wa_id) and is unique per sequence', () => {
    const wamid = benchWamid('4915120000001', 1);
    expect(wamid).toMatch(/^wamid\.[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(wamid.slice(6), 'base64').toString('latin1')).toContain('4915120000001');
    expect(benchWamid('4915120000001', 2)).not.toBe(wamid);
  });
});
