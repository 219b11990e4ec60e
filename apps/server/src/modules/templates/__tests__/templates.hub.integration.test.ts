import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelTemplateList } from '@valeo/contracts';
import { eventually } from '../../../../test/helpers/eventually.js';
import { startTestHub, type TestHub } from '../../../../test/helpers/start-test-hub.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { SANDBOX_NUMBER } from '../../../composition/bootstrap.js';

const CUSTOMER = '4915100000041';

/** The channel's templates come from the provider — here the embedded emulator, seeded at bootstrap. */
describe(`GET /api/v1/channels/:id/templates through the running Hub (${testDialect()})`, () => {
  let hub: TestHub;
  let channelId: string;

  beforeAll(async () => {
    hub = await startTestHub();
    channelId = hub.sandbox!.channelId;
  });
  afterAll(async () => hub?.stop());

  const names = (list: unknown) => (list as ChannelTemplateList).data.map((t) => `${t.name}/${t.language}/${t.status}`);

  it('lists the approved sandbox templates with their components, and filters by status', async () => {
    await hub.emulator('POST', '/_emulator/templates', {
      wabaId: SANDBOX_NUMBER.wabaId, status: 'PENDING',
      template: { name: 'noch_in_pruefung', language: 'de', category: 'MARKETING', components: [{ type: 'BODY', text: 'Bald' }] },
    });
    const all = await hub.api(`/api/v1/channels/${channelId}/templates`);
    expect(all.status).toBe(200);
    expect(names(all.body)).toEqual(expect.arrayContaining(['bestellung_unterwegs/de/APPROVED', 'hello_world/en_US/APPROVED', 'noch_in_pruefung/de/PENDING']));

    const approved = await hub.api(`/api/v1/channels/${channelId}/templates?status=APPROVED`);
    expect(names(approved.body)).not.toContain('noch_in_pruefung/de/PENDING');
    const order = (approved.body as ChannelTemplateList).data.find((t) => t.name === 'bestellung_unterwegs');
    expect(order).toMatchObject({
      category: 'UTILITY', parameterFormat: 'positional',
      components: expect.arrayContaining([{ type: 'HEADER', format: 'TEXT', text: 'Ihre Bestellung' }, expect.objectContaining({ type: 'BODY', text: expect.stringContaining('{{2}}') })]),
    });
  });

  it('a listed template can be sent with its parameters even when the window is closed', async () => {
    const sent = await hub.api('/api/v1/messages', {
      method: 'POST',
      body: {
        channelId, to: `+${CUSTOMER}`, type: 'template',
        template: { name: 'bestellung_unterwegs', language: { code: 'de' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Erika' }, { type: 'text', text: '4711' }] }] },
      },
    });
    expect(sent.status).toBe(202);
    const { id } = sent.body as { id: string };
    await eventually(async () => expect((await hub.api(`/api/v1/messages/${id}`)).body).toMatchObject({ status: expect.stringMatching(/^(sent|delivered|read)$/) }));
  });

  it('a first sandbox start also seeds two quick replies', async () => {
    const list = await hub.api('/api/v1/quick-replies');
    expect((list.body as { data: { shortcut: string }[] }).data.map((q) => q.shortcut)).toEqual(['danke', 'versand']);
  });

  it("answers 404 for another tenant's channel and 403 without the send scope", async () => {
    const other = await hub.container.tenants.tenants.createTenant({ name: 'Andere', slug: 'andere-templates' });
    const { key } = await hub.container.tenants.apiKeys.createApiKey({ tenantId: other.id, name: 'k', scopes: ['admin'] });
    expect((await hub.api(`/api/v1/channels/${channelId}/templates`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(404);
    const reader = await hub.container.tenants.apiKeys.createApiKey({ tenantId: hub.tenantId, name: 'r', scopes: ['messages:read'] });
    expect((await hub.api(`/api/v1/channels/${channelId}/templates`, { headers: { authorization: `Bearer ${reader.key}` } })).status).toBe(403);
    expect((await hub.api(`/api/v1/channels/${channelId}/templates?status=<x>`)).status).toBe(400);
  });

  it('answers 502 TEMPLATES_UNAVAILABLE when the provider fails', async () => {
    await hub.emulator('POST', '/_emulator/faults', { serverErrors: 1 });
    const response = await hub.api(`/api/v1/channels/${channelId}/templates`);
    await hub.emulator('DELETE', '/_emulator/faults');
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ error: { code: 'TEMPLATES_UNAVAILABLE' } });
  });
});
