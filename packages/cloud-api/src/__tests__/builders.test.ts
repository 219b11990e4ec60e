import { describe, expect, it } from 'vitest';
import {
  buildBusinessWebhookEnvelope,
  buildInboundMessage,
  buildInboundMessageValue,
  buildPricing,
  buildStatusValue,
  buildTemplateStatusUpdate,
  buildWebhookEnvelope,
  buildWebhookError,
  toUnixSeconds,
} from '../builders/index.js';
import { parseWebhookPayload } from '../validation/parse-webhook.js';
import { isMessagesChange } from '../schemas/webhook-payload.js';

const numbers = { wabaId: '102290129340398', phoneNumberId: '106540352242922', displayPhoneNumber: '15550783881' };
const AT = Date.UTC(2025, 5, 8, 20, 59, 43); // 1749416383 s

function expectValid(body: unknown) {
  const result = parseWebhookPayload(body);
  expect(result.ok ? [] : result.errors).toEqual([]);
}

describe('webhook builders', () => {
  it('toUnixSeconds takes epoch ms or Date', () => {
    expect(toUnixSeconds(AT)).toBe('1749416383');
    expect(toUnixSeconds(new Date(AT + 999))).toBe('1749416383');
  });

  it('builds the inbound text envelope exactly as Meta’s sample', () => {
    const message = buildInboundMessage({
      from: '16505551234',
      id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      timestamp: AT,
      content: { type: 'text', text: { body: 'Does it come in another color?' } },
    });
    const envelope = buildWebhookEnvelope({
      ...numbers,
      value: buildInboundMessageValue({ waId: '16505551234', profileName: 'Sheena Nelson', messages: message }),
    });
    expect(envelope).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
                contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
                messages: [
                  {
                    from: '16505551234',
                    id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
                    timestamp: '1749416383',
                    type: 'text',
                    text: { body: 'Does it come in another color?' },
                  },
                ],
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
    expectValid(envelope);
  });

  it('builds replies with context and every inbound content type that passes the schema', () => {
    const contents = [
      { type: 'image', image: { id: '1', mime_type: 'image/jpeg', sha256: 'x', url: 'https://l/1' } },
      { type: 'audio', audio: { id: '2', mime_type: 'audio/ogg; codecs=opus', voice: true } },
      { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'b1', title: 'Yes' } } },
      { type: 'button', button: { payload: 'STOP', text: 'Stop' } },
      { type: 'reaction', reaction: { message_id: 'wamid.a' } },
      { type: 'location', location: { latitude: 1.5, longitude: 2.5 } },
    ] as const;
    const messages = contents.map((content, i) =>
      buildInboundMessage({ from: '491', id: `wamid.${i}`, timestamp: AT, content, context: { from: '15550783881', id: 'wamid.q' } }),
    );
    expect(messages[0]).toMatchObject({ context: { from: '15550783881', id: 'wamid.q' }, type: 'image' });
    expectValid(buildWebhookEnvelope({ ...numbers, value: buildInboundMessageValue({ waId: '491', messages }) }));
  });

  it('builds v24 status webhooks with pricing, callback data and errors, without conversation', () => {
    const value = buildStatusValue({
      statuses: [
        {
          messageId: 'wamid.s1',
          status: 'sent',
          timestamp: AT,
          recipientId: '16505551234',
          bizOpaqueCallbackData: 'order-17',
          pricing: buildPricing({ category: 'utility' }),
        },
        {
          messageId: 'wamid.s2',
          status: 'failed',
          timestamp: new Date(AT),
          recipientId: '16505551234',
          errors: [buildWebhookError({ code: 131047, details: 'window closed' })],
        },
      ],
    });
    expect(value.statuses?.[0]).toEqual({
      id: 'wamid.s1',
      status: 'sent',
      timestamp: '1749416383',
      recipient_id: '16505551234',
      biz_opaque_callback_data: 'order-17',
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
    });
    expect(value.statuses?.[1]?.errors?.[0]).toEqual({
      code: 131047,
      title: 'Re-engagement message',
      message: 'Re-engagement message',
      error_data: { details: 'window closed' },
      href: '/documentation/business-messaging/whatsapp/support/error-codes',
    });
    expect(value.statuses?.[0]).not.toHaveProperty('conversation');
    expect(buildPricing({ category: 'service', type: 'free_customer_service' }).billable).toBe(false);
    expectValid(buildWebhookEnvelope({ ...numbers, value }));
  });

  it('builds value-level errors', () => {
    const envelope = buildWebhookEnvelope({ ...numbers, value: { errors: [buildWebhookError({ code: 130429 })] } });
    expectValid(envelope);
    const change = envelope.entry[0]?.changes[0];
    expect(change && isMessagesChange(change) ? change.value.errors?.[0]?.title : undefined).toBe('Rate limit hit');
  });

  it('builds a template status update like Meta’s APPROVED sample', () => {
    const envelope = buildTemplateStatusUpdate({
      wabaId: '102290129340398',
      time: 1751247548_000,
      event: 'APPROVED',
      templateId: '1689556908129832',
      templateName: 'order_confirmation',
      language: 'en-US',
      category: 'UTILITY',
    });
    expect(envelope).toEqual({
      entry: [
        {
          id: '102290129340398',
          time: 1751247548,
          changes: [
            {
              value: {
                event: 'APPROVED',
                message_template_id: 1689556908129832,
                message_template_name: 'order_confirmation',
                message_template_language: 'en-US',
                reason: 'NONE',
                message_template_category: 'UTILITY',
              },
              field: 'message_template_status_update',
            },
          ],
        },
      ],
      object: 'whatsapp_business_account',
    });
    expectValid(envelope);
  });

  it('keeps rejection info and non-numeric ids', () => {
    const envelope = buildTemplateStatusUpdate({
      wabaId: 'w',
      time: new Date(0),
      event: 'REJECTED',
      templateId: 'tpl_abc',
      templateName: 'x',
      language: 'en',
      reason: 'INVALID_FORMAT',
      rejectionInfo: { reason: 'r', recommendation: 'q' },
    });
    expect(envelope.entry[0]?.changes[0]?.value).toMatchObject({
      message_template_id: 'tpl_abc',
      reason: 'INVALID_FORMAT',
      rejection_info: { reason: 'r', recommendation: 'q' },
    });
    expectValid(envelope);
  });

  it('builds account-level envelopes', () => {
    const envelope = buildBusinessWebhookEnvelope({
      entryId: '524126980791429',
      field: 'business_capability_update',
      time: 1739321024,
      value: { max_daily_conversations_per_business: 2000 },
    });
    expect(envelope.entry[0]).toMatchObject({ id: '524126980791429', time: 1739321024 });
    expectValid(envelope);
  });
});
