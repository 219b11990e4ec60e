import { parseTemplateInfo, parseTemplateListResponse } from '@valeo/cloud-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { CUSTOMER, NUMBER, sendPath, startHarness, type Harness } from './helpers/emulator-harness.js';
import { fieldOf, statusesOf, valueOf } from './helpers/webhook-receiver.js';

const templatesPath = `/v24.0/${NUMBER.wabaId}/message_templates`;

const ORDER_UPDATE = {
  name: 'order_update',
  language: 'de',
  category: 'utility',
  components: [
    { type: 'header', format: 'text', text: 'Auftrag {{1}}', example: { header_text: ['4711'] } },
    { type: 'body', text: 'Hallo {{1}}, Ihr Auftrag {{2}} ist unterwegs.', example: { body_text: [['Erika', '4711']] } },
    { type: 'buttons', buttons: [{ type: 'quick_reply', text: 'Danke' }, { type: 'url', text: 'Verfolgen', url: 'https://valeo.example/t/{{1}}' }] },
  ],
};

const sendTemplate = (h: Harness, components: unknown[], name = 'order_update', code = 'de') =>
  h.call('POST', sendPath, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'template', template: { name, language: { code }, components } });

const goodComponents = [
  { type: 'header', parameters: [{ type: 'text', text: '4711' }] },
  { type: 'body', parameters: [{ type: 'text', text: 'Erika' }, { type: 'text', text: '4711' }] },
  { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: '4711' }] },
];

describe('templates', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ statusDelaysMs: { sent: 0, delivered: 0, read: 0 } });
  });
  afterEach(() => h.close());

  it('seeds an APPROVED hello_world that can open a conversation (with marketing/utility pricing)', async () => {
    const list = await h.call('GET', `${templatesPath}?name=hello_world`);
    expect(parseTemplateListResponse(list.body)).toMatchObject({ ok: true });
    expect(list.body['data']).toEqual([expect.objectContaining({ name: 'hello_world', language: 'en_US', status: 'APPROVED' })]);
    const res = await sendTemplate(h, [], 'hello_world', 'en_US');
    expect(res.status).toBe(200);
    // All three are due at once and POSTed concurrently, so compare them as a set.
    await eventually(() => expect(statusesOf(h.receiver.received).map((s) => s['status']).sort()).toEqual(['delivered', 'read', 'sent']));
    expect(statusesOf(h.receiver.received).find((s) => s['status'] === 'sent')?.['pricing']).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
  });

  it('creates templates as PENDING, refuses to send them (132001) until approved, then announces approval', async () => {
    const created = await h.call('POST', templatesPath, ORDER_UPDATE);
    expect(created.body).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
    const pending = await sendTemplate(h, goodComponents);
    expect(pending.status).toBe(404);
    expect(pending.body['error']).toMatchObject({ code: 132001 });

    await h.call('POST', `/_emulator/templates/${String(created.body['id'])}/approve`, {}, null);
    const webhook = await eventually(() => {
      const found = h.receiver.received.find((w) => fieldOf(w.body) === 'message_template_status_update');
      expect(found).toBeDefined();
      return found!;
    });
    expect(webhook.validSignature).toBe(true);
    expect(webhook.schemaErrors).toEqual([]);
    expect(valueOf(webhook.body)).toMatchObject({ event: 'APPROVED', message_template_name: 'order_update', message_template_language: 'de', message_template_id: Number(created.body['id']) });
    expect((await sendTemplate(h, goodComponents)).status).toBe(200);
  });

  it('answers 132000 when the parameter count does not match, and 132001 for unknown names/languages', async () => {
    const created = await h.call('POST', templatesPath, ORDER_UPDATE);
    await h.call('POST', `/_emulator/templates/${String(created.body['id'])}/approve`, {}, null);
    const tooFew = await sendTemplate(h, [goodComponents[0], { type: 'body', parameters: [{ type: 'text', text: 'Erika' }] }, goodComponents[2]]);
    expect(tooFew.status).toBe(400);
    expect(tooFew.body['error']).toMatchObject({ code: 132000, error_data: { details: expect.stringContaining('body') } });
    const noUrlParam = await sendTemplate(h, goodComponents.slice(0, 2));
    expect(noUrlParam.body['error']).toMatchObject({ code: 132000 });
    expect((await sendTemplate(h, goodComponents, 'order_update', 'en')).body['error']).toMatchObject({ code: 132001 });
    expect((await sendTemplate(h, goodComponents, 'nope')).body['error']).toMatchObject({ code: 132001 });
  });

  it('checks named parameters by name', async () => {
    const created = await h.call('POST', templatesPath, {
      name: 'named', language: 'en_US', category: 'MARKETING', parameter_format: 'named',
      components: [{ type: 'BODY', text: 'Hi {{first_name}}, code {{code}}' }],
    });
    await h.call('POST', `/_emulator/templates/${String(created.body['id'])}/approve`, {}, null);
    const wrongName = await sendTemplate(h, [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'A' }, { type: 'text', parameter_name: 'coupon', text: 'B' }] }], 'named', 'en_US');
    expect(wrongName.body['error']).toMatchObject({ code: 132012 });
    const ok = await sendTemplate(h, [{ type: 'body', parameters: [{ type: 'text', parameter_name: 'code', text: 'B' }, { type: 'text', parameter_name: 'first_name', text: 'A' }] }], 'named', 'en_US');
    expect(ok.status).toBe(200);
  });

  it('rejects with a reason, pauses (132015) and disables (132016) on command', async () => {
    const created = await h.call('POST', templatesPath, ORDER_UPDATE);
    const id = String(created.body['id']);
    const rejected = await h.call('POST', `/_emulator/templates/${id}/reject`, { reason: 'PROMOTIONAL' }, null);
    expect(rejected.body['template']).toMatchObject({ status: 'REJECTED', rejected_reason: 'PROMOTIONAL' });
    await eventually(() => expect(h.receiver.received.map((w) => valueOf(w.body)['event'])).toContain('REJECTED'));
    await h.call('POST', `/_emulator/templates/${id}/status`, { status: 'PAUSED' }, null);
    expect((await sendTemplate(h, goodComponents)).body['error']).toMatchObject({ code: 132015 });
    await h.call('POST', `/_emulator/templates/${id}/status`, { status: 'DISABLED' }, null);
    expect((await sendTemplate(h, goodComponents)).body['error']).toMatchObject({ code: 132016 });
  });

  it('lists with name/status filters and fields, refuses duplicates, deletes by name and hsm_id', async () => {
    const de = await h.call('POST', templatesPath, ORDER_UPDATE);
    const en = await h.call('POST', templatesPath, { ...ORDER_UPDATE, language: 'en' });
    const duplicate = await h.call('POST', templatesPath, ORDER_UPDATE);
    expect(duplicate.body['error']).toMatchObject({ code: 100 });
    const invalidName = await h.call('POST', templatesPath, { ...ORDER_UPDATE, name: 'Bad Name' });
    expect(invalidName.body['error']).toMatchObject({ code: 100 });

    const pending = await h.call('GET', `${templatesPath}?status=pending&fields=name,status`);
    expect(pending.body['data']).toEqual([
      { name: 'order_update', status: 'PENDING', id: de.body['id'] },
      { name: 'order_update', status: 'PENDING', id: en.body['id'] },
    ]);
    const paged = await h.call('GET', `${templatesPath}?limit=1`);
    expect((paged.body['data'] as unknown[]).length).toBe(1);
    expect(paged.body['paging']).toMatchObject({ cursors: { after: expect.any(String) }, next: expect.any(String) });

    await h.call('DELETE', `${templatesPath}?name=order_update&hsm_id=${String(en.body['id'])}`);
    expect((await h.call('GET', `${templatesPath}?name=order_update`)).body['data']).toHaveLength(1);
    expect((await h.call('DELETE', `${templatesPath}?name=order_update`)).body).toEqual({ success: true });
    expect((await h.call('GET', `${templatesPath}?name=order_update`)).body['data']).toEqual([]);
    expect((await h.call('GET', templatesPath, undefined, 'wrong')).status).toBe(401);
  });

  it('GET /{template-id} returns the template; POST edits it back into review', async () => {
    const created = await h.call('POST', templatesPath, ORDER_UPDATE);
    const id = String(created.body['id']);
    await h.call('POST', `/_emulator/templates/${id}/approve`, {}, null);
    const got = await h.call('GET', `/v24.0/${id}`);
    expect(parseTemplateInfo(got.body)).toMatchObject({ ok: true });
    expect(got.body).toMatchObject({ id, name: 'order_update', status: 'APPROVED', category: 'UTILITY' });
    expect((got.body['components'] as { type: string }[]).map((c) => c.type)).toEqual(['HEADER', 'BODY', 'BUTTONS']);
    expect((await h.call('POST', `/v24.0/${id}`, { components: ORDER_UPDATE.components.slice(1) })).body).toEqual({ success: true });
    expect((await h.call('GET', `/v24.0/${id}`)).body['status']).toBe('PENDING');
  });
});
