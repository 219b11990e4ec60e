import { describe, expect, it } from 'vitest';
import type { OutboundMessage, OutboundMessageType } from '../../messaging-provider.js';
import { toCloudApiMessage } from '../to-cloud-api-message.js';
import { loadFixture } from './load-fixture.js';

/**
 * Each recorded Meta example is rebuilt from a domain message: the body we send must equal Meta's
 * documented request, plus the `biz_opaque_callback_data` we always add for reconciliation.
 */
const CASES: Array<[fixture: string, type: OutboundMessageType]> = [
  ['send-text-request.json', 'text'],
  ['send-image-by-id-request.json', 'image'],
  ['send-image-by-link-request.json', 'image'],
  ['send-audio-voice-request.json', 'audio'],
  ['send-video-request.json', 'video'],
  ['send-document-request.json', 'document'],
  ['send-document-by-link-request.json', 'document'],
  ['send-sticker-request.json', 'sticker'],
  ['send-location-request.json', 'location'],
  ['send-contacts-request.json', 'contacts'],
  ['send-interactive-button-request.json', 'interactive'],
  ['send-interactive-list-request.json', 'interactive'],
  ['send-interactive-cta-url-request.json', 'interactive'],
  ['send-interactive-flow-request.json', 'interactive'],
  ['send-interactive-location-request-request.json', 'interactive'],
  ['send-template-request.json', 'template'],
  ['send-template-hello-world-request.json', 'template'],
  ['send-template-named-params-request.json', 'template'],
  ['send-template-copy-code-otp-request.json', 'template'],
  ['send-template-coupon-code-request.json', 'template'],
  ['send-reaction-request.json', 'reaction'],
];

describe('toCloudApiMessage', () => {
  it.each(CASES)('%s → Meta\'s documented body', (fixture, type) => {
    const recorded = loadFixture(fixture);
    expect(recorded['type']).toBe(type);
    const typed = recorded[type];
    const message: OutboundMessage = {
      id: 'msg_01',
      to: String(recorded['to']),
      type,
      content: type === 'contacts' ? { contacts: typed } : (typed as Record<string, unknown>),
    };
    expect(toCloudApiMessage(message)).toEqual({
      ...recorded,
      recipient_type: 'individual',
      biz_opaque_callback_data: 'msg_01',
    });
  });

  it('builds the exact text body', () => {
    expect(toCloudApiMessage({ id: 'm1', to: '4915112345678', type: 'text', content: { body: 'Hallo', preview_url: false } }))
      .toStrictEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '4915112345678',
        type: 'text',
        text: { body: 'Hallo', preview_url: false },
        biz_opaque_callback_data: 'm1',
      });
  });

  it('adds context.message_id for a reply (as Meta\'s contextual-reply example)', () => {
    const recorded = loadFixture('send-reply-context-request.json');
    const context = recorded['context'] as { message_id: string };
    const body = toCloudApiMessage({
      id: 'm2',
      to: String(recorded['to']),
      type: 'text',
      content: recorded['text'] as Record<string, unknown>,
      replyToWamid: context.message_id,
    });
    expect(body).toEqual({ ...recorded, recipient_type: 'individual', biz_opaque_callback_data: 'm2' });
  });

  it('builds the exact template body', () => {
    const template = { name: 'order_update', language: { code: 'de' }, components: [{ type: 'body', parameters: [{ type: 'text', text: '4711' }] }] };
    expect(toCloudApiMessage({ id: 'm3', to: '49151', type: 'template', content: template })).toStrictEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '49151',
      type: 'template',
      template,
      biz_opaque_callback_data: 'm3',
    });
  });

  it('sends contacts as an array whether wrapped or given as one contact', () => {
    const contact = { name: { formatted_name: 'Ada', first_name: 'Ada' }, phones: [{ phone: '+49151', type: 'WORK' }] };
    expect(toCloudApiMessage({ id: 'm4', to: '1', type: 'contacts', content: { contacts: [contact] } })['contacts']).toEqual([contact]);
    expect(toCloudApiMessage({ id: 'm4', to: '1', type: 'contacts', content: contact })['contacts']).toEqual([contact]);
  });
});
