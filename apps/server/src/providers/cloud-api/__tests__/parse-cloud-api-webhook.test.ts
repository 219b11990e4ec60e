import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../messaging-provider.js';
import { ProviderError } from '../../provider-error.js';
import { parseCloudApiWebhook } from '../parse-cloud-api-webhook.js';
import { fixtureNames, loadFixture } from './load-fixture.js';

/** kind[:type|status|field] of each event, in order. */
function shape(events: InboundEvent[]): string[] {
  return events.map((e) => {
    if (e.kind === 'message') return `message:${e.type}`;
    if (e.kind === 'status') return `status:${e.status}`;
    if (e.kind === 'other') return `other:${e.field}`;
    return 'error';
  });
}

const EXPECTED: Record<string, string[]> = {
  'webhook-account-alerts.json': ['other:account_alerts'],
  'webhook-audio-voice.json': ['message:audio'],
  'webhook-business-capability-update.json': ['other:business_capability_update'],
  'webhook-button-template-quick-reply.json': ['message:button'],
  'webhook-contacts.json': ['message:contacts'],
  'webhook-document.json': ['message:document'],
  'webhook-edit.json': ['message:edit'],
  'webhook-errors-value-level.json': ['error'],
  'webhook-image.json': ['message:image'],
  'webhook-interactive-button-reply.json': ['message:interactive'],
  'webhook-interactive-list-reply.json': ['message:interactive'],
  'webhook-interactive-nfm-reply-flow.json': ['message:interactive'],
  'webhook-location-request-reply.json': ['message:location'],
  'webhook-location.json': ['message:location'],
  'webhook-order.json': ['message:order'],
  'webhook-phone-number-quality-update.json': ['other:phone_number_quality_update'],
  'webhook-reaction-removed.json': ['message:reaction'],
  'webhook-reaction.json': ['message:reaction'],
  'webhook-revoke.json': ['message:revoke'],
  'webhook-status-delivered-cbp.json': ['status:delivered'],
  'webhook-status-failed-130472.json': ['status:failed'],
  'webhook-status-failed.json': ['status:failed'],
  'webhook-status-group-read.json': ['status:read'],
  'webhook-status-minimal-v24.json': ['status:sent'],
  'webhook-status-played.json': ['status:played'],
  'webhook-status-read-cbp.json': ['status:read'],
  'webhook-status-sent-biz-opaque-callback-data.json': ['status:sent'],
  'webhook-status-sent-cbp.json': ['status:sent'],
  'webhook-status-sent-pmp.json': ['status:sent'],
  'webhook-sticker.json': ['message:sticker'],
  'webhook-system-user-changed-number.json': ['message:system'],
  'webhook-template-category-update-applied.json': ['other:template_category_update'],
  'webhook-template-category-update-pending.json': ['other:template_category_update'],
  'webhook-template-components-update.json': ['other:message_template_components_update'],
  'webhook-template-quality-update.json': ['other:message_template_status_update'],
  'webhook-template-status-approved.json': ['other:message_template_status_update'],
  'webhook-template-status-rejected.json': ['other:message_template_status_update'],
  'webhook-text-ctwa-referral.json': ['message:text'],
  'webhook-text-referred-product.json': ['message:text'],
  'webhook-text.json': ['message:text'],
  'webhook-unsupported.json': ['message:unsupported'],
  'webhook-user-preferences.json': ['other:user_preferences'],
  'webhook-video.json': ['message:video'],
};

describe('parseCloudApiWebhook — recorded payloads', () => {
  const envelopes = fixtureNames('webhook-').filter((f) => !f.includes('fragment'));

  it('covers every recorded webhook fixture', () => {
    expect(envelopes).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(envelopes)('%s → the expected events', (name) => {
    expect(shape(parseCloudApiWebhook(loadFixture(name)))).toEqual(EXPECTED[name]);
  });

  it('maps a text message with profile name, wamid and timestamp', () => {
    const [event] = parseCloudApiWebhook(loadFixture('webhook-text.json'));
    expect(event).toEqual({
      kind: 'message',
      phoneNumberId: '106540352242922',
      wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      from: '16505551234',
      profileName: 'Sheena Nelson',
      timestamp: new Date(1749416383 * 1000),
      type: 'text',
      content: { body: 'Does it come in another color?' },
      raw: expect.objectContaining({ type: 'text' }),
    });
  });

  it('keeps the reply context and the interactive object', () => {
    const [event] = parseCloudApiWebhook(loadFixture('webhook-interactive-button-reply.json'));
    expect(event).toMatchObject({
      kind: 'message',
      contextWamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA',
      content: { type: 'button_reply', button_reply: { id: 'cancel-button', title: 'Cancel' } },
    });
  });

  it('keeps message-level errors (unsupported type)', () => {
    const [event] = parseCloudApiWebhook(loadFixture('webhook-unsupported.json'));
    expect(event).toMatchObject({
      kind: 'message',
      content: { type: 'edit' },
      errors: [{ code: 131051, title: 'Message type unknown', details: 'Message type is currently not supported.' }],
    });
  });

  it('has no profile name when value.contacts is absent (system message)', () => {
    const [event] = parseCloudApiWebhook(loadFixture('webhook-system-user-changed-number.json'));
    expect(event).not.toHaveProperty('profileName');
  });

  it('maps statuses with pricing and biz_opaque_callback_data', () => {
    const [event] = parseCloudApiWebhook(loadFixture('webhook-status-sent-biz-opaque-callback-data.json'));
    expect(event).toEqual({
      kind: 'status',
      phoneNumberId: '1122334455667',
      wamid: 'wamid.xyzxyz',
      recipientId: '972987654321',
      status: 'sent',
      timestamp: new Date(1698266945 * 1000),
      bizOpaqueCallbackData: 'some data',
      pricing: { billable: true, pricingModel: 'CBP', category: 'service' },
      raw: expect.objectContaining({ id: 'wamid.xyzxyz' }),
    });
    const [pmp] = parseCloudApiWebhook(loadFixture('webhook-status-sent-pmp.json'));
    expect(pmp).toMatchObject({ pricing: { billable: true, pricingModel: 'PMP', type: 'regular', category: 'marketing' } });
  });

  it('maps failed statuses with their errors', () => {
    const [event] = parseCloudApiWebhook(loadFixture('webhook-status-failed.json'));
    expect(event).toMatchObject({
      kind: 'status',
      status: 'failed',
      errors: [{ code: 131049, title: 'This message was not delivered to maintain healthy ecosystem engagement.' }],
    });
  });

  it('maps value-level errors to one error event', () => {
    const [event] = parseCloudApiWebhook(loadFixture('webhook-errors-value-level.json'));
    expect(event).toMatchObject({
      kind: 'error',
      phoneNumberId: '106540352242922',
      errors: [{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit' }],
    });
  });

  it('keeps non-messages fields as other with the WABA id and value', () => {
    const [event] = parseCloudApiWebhook(loadFixture('webhook-template-status-approved.json'));
    expect(event).toMatchObject({
      kind: 'other',
      field: 'message_template_status_update',
      wabaId: '102290129340398',
      value: { event: 'APPROVED', message_template_name: 'order_confirmation' },
    });
  });
});

describe('parseCloudApiWebhook — batches', () => {
  const status = (n: number, s: string) => ({
    id: `wamid.S${n}`, status: s, timestamp: String(1_700_000_000 + n), recipient_id: '4915100000001',
    biz_opaque_callback_data: `msg-${n}`,
  });
  const message = (n: number) => ({
    from: `49151000000${n}`, id: `wamid.M${n}`, timestamp: String(1_700_000_100 + n), type: 'text', text: { body: `hi ${n}` },
  });
  const change = (pnid: string, items: Record<string, unknown>) => ({
    field: 'messages',
    value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: pnid }, ...items },
  });

  it('returns every item of 2 entries × (3 statuses + 2 messages)', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [1, 2].map((e) => ({
        id: `waba-${e}`,
        changes: [
          change(`pn-${e}`, { statuses: [status(e * 10 + 1, 'sent'), status(e * 10 + 2, 'delivered'), status(e * 10 + 3, 'read')] }),
          change(`pn-${e}`, { messages: [message(e * 10 + 4), message(e * 10 + 5)] }),
        ],
      })),
    };
    const events = parseCloudApiWebhook(body);
    expect(events).toHaveLength(10);
    expect(events.map((e) => (e.kind === 'message' || e.kind === 'status' ? e.wamid : '?'))).toEqual([
      'wamid.S11', 'wamid.S12', 'wamid.S13', 'wamid.M14', 'wamid.M15',
      'wamid.S21', 'wamid.S22', 'wamid.S23', 'wamid.M24', 'wamid.M25',
    ]);
    expect(events.filter((e) => e.kind === 'status' && e.phoneNumberId === 'pn-2')).toHaveLength(3);
    expect(events.find((e) => e.kind === 'status' && e.wamid === 'wamid.S23')).toMatchObject({ bizOpaqueCallbackData: 'msg-23' });
  });

  it('matches the profile name per sender in a mixed batch', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{
        id: 'w',
        changes: [change('pn', {
          contacts: [{ wa_id: '4915100000015', profile: { name: 'B' } }, { wa_id: '4915100000014', profile: { name: 'A' } }],
          messages: [message(14), message(15)],
        })],
      }],
    };
    expect(parseCloudApiWebhook(body).map((e) => (e.kind === 'message' ? e.profileName : undefined))).toEqual(['A', 'B']);
  });

  it('keeps a status value it does not model as other instead of dropping it', () => {
    const body = { object: 'whatsapp_business_account', entry: [{ id: 'w', changes: [change('pn', { statuses: [status(1, 'warning')] })] }] };
    expect(parseCloudApiWebhook(body)).toEqual([{ kind: 'other', field: 'messages', wabaId: 'w', value: expect.objectContaining({ status: 'warning' }) }]);
  });
});

describe('parseCloudApiWebhook — malformed bodies', () => {
  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', []],
    ['wrong object', { object: 'page', entry: [] }],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }],
    ['changes missing', { object: 'whatsapp_business_account', entry: [{ id: 'w' }] }],
    ['change without value', { object: 'whatsapp_business_account', entry: [{ id: 'w', changes: [{ field: 'messages' }] }] }],
    ['a message fragment', loadFixture('webhook-interactive-nfm-reply-flow-fragment.json')],
  ])('%s → INVALID_REQUEST', (_label, body) => {
    expect(() => parseCloudApiWebhook(body)).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST' }));
  });

  it('names the path of a message without an id', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'w', changes: [{ field: 'messages', value: { messages: [{ from: '1', timestamp: '1', type: 'text' }] } }] }],
    };
    let caught: unknown;
    try { parseCloudApiWebhook(body); } catch (error) { caught = error; }
    expect(caught).toBeInstanceOf(ProviderError);
    expect((caught as ProviderError).message).toContain('entry[0].changes[0].value.messages[0].id');
  });

  it('rejects a non-numeric timestamp', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'w', changes: [{ field: 'messages', value: { messages: [{ id: 'x', from: '1', timestamp: 'soon', type: 'text' }] } }] }],
    };
    expect(() => parseCloudApiWebhook(body)).toThrow(/timestamp/);
  });
});
