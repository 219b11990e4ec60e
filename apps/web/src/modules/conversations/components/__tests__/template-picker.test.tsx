import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelTemplate } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { Composer } from '../composer.js';

const template = (overrides: Partial<ChannelTemplate>): ChannelTemplate => ({
  id: 'tpl', name: 'x', language: 'de', status: 'APPROVED', category: 'UTILITY', parameterFormat: 'positional', components: [], ...overrides,
});
const TEMPLATES: ChannelTemplate[] = [
  template({
    id: 't1', name: 'bestellung_unterwegs',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Bestellung {{1}}' },
      { type: 'BODY', text: 'Hallo {{1}}, Ihre Bestellung {{2}} ist unterwegs. Gruß, {{1}}? Nein: {{3}}.' },
      { type: 'FOOTER', text: 'VALEO' },
    ],
  }),
  template({ id: 't2', name: 'hello_world', language: 'en_US', components: [{ type: 'BODY', text: 'Welcome!' }] }),
  template({ id: 't3', name: 'termin', parameterFormat: 'named', components: [{ type: 'BODY', text: 'Ihr Termin am {{datum}} um {{uhrzeit}}.' }] }),
  template({ id: 't4', name: 'katalog', components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Neu im Katalog' }] }),
];

function setup() {
  const conversation = makeConversation({ windowOpen: false, windowExpiresAt: new Date(Date.now() - 3_600_000).toISOString() });
  const { client, requests } = fakeApi([
    on('GET', `/channels/${conversation.channelId}/templates`, () => ({ status: 200, body: { data: TEMPLATES } })),
    on('POST', '/messages', () => ({ status: 202, body: { id: 'm', status: 'queued' } })),
  ]);
  renderWithProviders(<Composer conversation={conversation} />, { api: client });
  return { conversation, requests };
}

async function openPicker() {
  fireEvent.click(screen.getByRole('button', { name: 'Choose a template' }));
  return screen.findByRole('region', { name: 'Approved templates' });
}

describe('Template picker (closed 24-hour window)', () => {
  it('lists the approved templates with language and parameter count, asking the server for APPROVED only', async () => {
    const { requests } = setup();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
    const picker = await openPicker();
    await within(picker).findByText('bestellung_unterwegs');
    expect(requests[0]?.url).toMatch(/\/templates\?status=APPROVED$/);
    const option = (name: string) => within(picker).getByText(name).closest('button')!;
    expect(option('bestellung_unterwegs').textContent).toContain('de · 4 parameters');
    expect(option('hello_world').textContent).toContain('en_US · 0 parameters');
    expect(option('termin').textContent).toContain('2 parameters');
    expect(option('katalog')).toHaveProperty('disabled', true);
  });

  it('asks for one input per placeholder (header + body), previews them, and sends type template', async () => {
    const { conversation, requests } = setup();
    const picker = await openPicker();
    fireEvent.click(await within(picker).findByText('bestellung_unterwegs'));
    const inputs = within(picker).getAllByRole('textbox');
    expect(inputs.map((i) => i.closest('label')?.querySelector('span')?.textContent)).toEqual([
      'Header, parameter 1', 'Parameter 1', 'Parameter 2', 'Parameter 3',
    ]);
    const send = within(picker).getByRole('button', { name: 'Send template' });
    expect(send).toHaveProperty('disabled', true);
    const values = ['4711', 'Erika', '4711-A', '<b>Team</b>'];
    inputs.forEach((input, i) => fireEvent.change(input, { target: { value: values[i] } }));
    const preview = within(picker).getByLabelText('Preview');
    expect(preview.textContent).toContain('Bestellung 4711');
    expect(preview.textContent).toContain('Hallo Erika, Ihre Bestellung 4711-A ist unterwegs. Gruß, Erika? Nein: <b>Team</b>.');
    expect(preview.querySelector('b')).toBeNull();
    fireEvent.click(send);
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      channelId: conversation.channelId, to: `+${conversation.contact.waId}`, type: 'template',
      template: {
        name: 'bestellung_unterwegs', language: { code: 'de' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: '4711' }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Erika' }, { type: 'text', text: '4711-A' }, { type: 'text', text: '<b>Team</b>' }] },
        ],
      },
    });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Approved templates' })).toBeNull());
  });

  it('sends a template without parameters as is, and named parameters with their names', async () => {
    const { requests } = setup();
    let picker = await openPicker();
    fireEvent.click(await within(picker).findByText('hello_world'));
    fireEvent.click(within(picker).getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect((requests.find((r) => r.method === 'POST')?.body as { template: unknown }).template).toEqual({ name: 'hello_world', language: { code: 'en_US' } });

    picker = await openPicker();
    fireEvent.click(await within(picker).findByText('termin'));
    const [date, time] = within(picker).getAllByRole('textbox');
    fireEvent.change(date!, { target: { value: '3. März' } });
    fireEvent.change(time!, { target: { value: '14 Uhr' } });
    fireEvent.click(within(picker).getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    expect((requests.filter((r) => r.method === 'POST')[1]?.body as { template: { components: unknown } }).template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', parameter_name: 'datum', text: '3. März' }, { type: 'text', parameter_name: 'uhrzeit', text: '14 Uhr' }] },
    ]);
  });

  it('shows why templates cannot be loaded', async () => {
    const conversation = makeConversation({ windowOpen: false });
    const { client } = fakeApi([on('GET', `/channels/${conversation.channelId}/templates`, () => ({
      status: 502, body: { error: { code: 'TEMPLATES_UNAVAILABLE', message: 'The WhatsApp provider did not list the templates' } },
    }))]);
    renderWithProviders(<Composer conversation={conversation} />, { api: client });
    await openPicker();
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the templates: The WhatsApp provider did not list the templates');
  });
});
