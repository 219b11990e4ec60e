import { buildBusinessWebhookEnvelope, buildWebhookEnvelope } from '@valeo/cloud-api';
import { describe, expect, it } from 'vitest';
import { isWellFormedSignature, MAX_ROUTING_KEYS, parseJsonBody, readWebhookRouting } from '../webhook-envelope.js';

const change = (phoneNumberId: string | undefined, field = 'messages') => ({
  field,
  value: phoneNumberId === undefined ? { event: 'x' } : { messaging_product: 'whatsapp', metadata: { phone_number_id: phoneNumberId } },
});

describe('readWebhookRouting', () => {
  it('routes a message webhook by metadata.phone_number_id', () => {
    const body = buildWebhookEnvelope({ wabaId: 'waba-1', phoneNumberId: '106540352242922', displayPhoneNumber: '15550783881', value: {} });
    expect(readWebhookRouting(body)).toEqual({ phoneNumberIds: ['106540352242922'], wabaIds: [] });
  });

  it('routes account-level fields (no phone number) by entry.id, the WABA id', () => {
    const body = buildBusinessWebhookEnvelope({
      entryId: 'waba-9', field: 'message_template_status_update', time: 1_700_000_000, value: { event: 'APPROVED' },
    });
    expect(readWebhookRouting(body)).toEqual({ phoneNumberIds: [], wabaIds: ['waba-9'] });
  });

  it('collects every entry and change, without duplicates', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: 'waba-1', changes: [change('111'), change('222'), change('111')] },
        { id: 'waba-2', changes: [change(undefined, 'message_template_status_update'), change('333')] },
      ],
    };
    expect(readWebhookRouting(body)).toEqual({ phoneNumberIds: ['111', '222', '333'], wabaIds: ['waba-2'] });
  });

  it(`refuses a body naming more than ${MAX_ROUTING_KEYS} phone numbers / WABAs`, () => {
    const body = (n: number) => ({
      object: 'whatsapp_business_account',
      entry: [{ id: 'w', changes: Array.from({ length: n }, (_, i) => change(String(i))) }],
    });
    expect(readWebhookRouting(body(MAX_ROUTING_KEYS))?.phoneNumberIds).toHaveLength(MAX_ROUTING_KEYS);
    expect(readWebhookRouting(body(MAX_ROUTING_KEYS + 1))).toBeUndefined();
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['an array', []],
    ['another object type', { object: 'page', entry: [{ id: '1', changes: [change('1')] }] }],
    ['no entries', { object: 'whatsapp_business_account', entry: [] }],
    ['entries not an array', { object: 'whatsapp_business_account', entry: {} }],
    ['an entry without changes', { object: 'whatsapp_business_account', entry: [{ id: '1' }] }],
    ['a change without field', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ value: {} }] }] }],
    ['a change without value object', { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: 3 }] }] }],
    ['nothing to route by', { object: 'whatsapp_business_account', entry: [{ changes: [change(undefined)] }] }],
  ])('refuses %s', (_name, body) => {
    expect(readWebhookRouting(body)).toBeUndefined();
  });
});

describe('parseJsonBody', () => {
  it('parses JSON bytes, including Meta-style \\u escapes', () => {
    expect(parseJsonBody(Buffer.from('{"a":"\\u00e4"}'))).toEqual({ a: 'ä' });
  });

  it('answers undefined for empty or broken bodies', () => {
    expect(parseJsonBody(Buffer.alloc(0))).toBeUndefined();
    expect(parseJsonBody(Buffer.from('{"a":'))).toBeUndefined();
    expect(parseJsonBody(Buffer.from('not json'))).toBeUndefined();
  });
});

describe('isWellFormedSignature', () => {
  const hex = 'ab'.repeat(32);
  it('accepts sha256= with 64 hex digits', () => {
    expect(isWellFormedSignature(`sha256=${hex}`)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['sha1 prefix', `sha1=${hex}`],
    ['no prefix', hex],
    ['truncated', `sha256=${hex.slice(0, 63)}`],
    ['too long', `sha256=${hex}0`],
    ['not hex', `sha256=${'zz'.repeat(32)}`],
  ])('rejects %s', (_name, header) => {
    expect(isWellFormedSignature(header)).toBe(false);
  });
});
