import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuthUser, ContactDetail } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { ContactPanel } from '../contact-panel.js';

const XSS = '<img src=x onerror=alert(1)>';
const user = (role: AuthUser['role']): AuthUser => ({ id: `u_${role}`, tenantId: 't', email: `${role}@example.com`, name: role, role });
const conversation = makeConversation();
const detail: ContactDetail = {
  id: conversation.contact.id,
  waId: '4915112345678',
  profileName: 'Erika Mustermann',
  lastInboundAt: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  erpCustomerId: 'K-10042',
  attributes: { city: 'München', tier: XSS },
  labels: [{ id: 'l1', name: 'VIP', color: '#1f8a70', createdAt: '2026-03-01T08:00:00.000Z' }],
  consent: { status: 'opted_in', updatedAt: '2026-03-02T09:30:00.000Z', source: 'Webformular' },
  conversations: [
    { id: conversation.id, channelId: 'ch_1', status: 'open', lastMessageAt: '2026-03-02T10:00:00.000Z', lastMessagePreview: 'Hallo' },
    { id: 'conv_old', channelId: 'ch_2', status: 'closed', lastMessageAt: '2026-02-01T10:00:00.000Z', lastMessagePreview: 'Alte Bestellung' },
  ],
};

function contactServer() {
  let contact = detail;
  return fakeApi([
    on('GET', `/contacts/${detail.id}`, () => ({ status: 200, body: contact })),
    on('PATCH', `/contacts/${detail.id}`, (r) => {
      const body = r.body as { attributes?: Record<string, string | null>; erpCustomerId?: string | null; consent?: { status: ContactDetail['consent']['status']; source: string } };
      const attributes = { ...contact.attributes };
      for (const [k, v] of Object.entries(body.attributes ?? {})) {
        if (v === null) delete attributes[k];
        else attributes[k] = v;
      }
      contact = {
        ...contact,
        attributes,
        ...(body.erpCustomerId === undefined ? {} : { erpCustomerId: body.erpCustomerId }),
        ...(body.consent ? { consent: { ...body.consent, updatedAt: '2026-03-03T12:00:00.000Z' } } : {}),
      };
      return { status: 200, body: contact };
    }),
    on('GET', `/conversations/${conversation.id}/notes`, () => ({ status: 200, body: { data: [], nextCursor: null } })),
    on('GET', '/labels', () => ({ status: 200, body: { data: detail.labels } })),
  ]);
}

describe('ContactPanel', () => {
  it('shows name, number, ERP id, attributes (as text), labels, consent and the contact\'s conversations', async () => {
    const { client } = contactServer();
    const onOpen = vi.fn();
    const { container } = renderWithProviders(<ContactPanel conversation={conversation} user={user('agent')} onOpenConversation={onOpen} onClose={() => undefined} />, { api: client });
    expect(await screen.findByText('Erika Mustermann')).toBeTruthy();
    expect(screen.getByText('+4915112345678')).toBeTruthy();
    expect(screen.getByText('K-10042')).toBeTruthy();
    expect(screen.getByText('München')).toBeTruthy();
    expect(screen.getByText(XSS)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('VIP')).toBeTruthy();
    expect(screen.getByText('Opted in')).toBeTruthy();
    expect(screen.getByText(/Webformular/)).toBeTruthy();
    const old = screen.getByRole('button', { name: /Alte Bestellung/ });
    fireEvent.click(old);
    expect(onOpen).toHaveBeenCalledWith('conv_old');
    expect(screen.getByRole('button', { name: /Hallo/ }).getAttribute('aria-current')).toBe('true');
  });

  it('edits attributes: a changed value is sent, a removed key is sent as null (the server merges)', async () => {
    const { client, requests } = contactServer();
    renderWithProviders(<ContactPanel conversation={conversation} user={user('agent')} onOpenConversation={() => undefined} onClose={() => undefined} />, { api: client });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit attributes' }));
    fireEvent.click(screen.getByRole('button', { name: `Remove attribute “tier”` }));
    const values = screen.getAllByRole('textbox', { name: 'Value' });
    fireEvent.change(values[0] as HTMLElement, { target: { value: 'Hamburg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }));
    const keys = screen.getAllByRole('textbox', { name: 'Attribute' });
    fireEvent.change(keys.at(-1) as HTMLElement, { target: { value: 'bad key' } });
    expect(screen.getByRole('alert').textContent).toContain('Attribute names');
    fireEvent.change(keys.at(-1) as HTMLElement, { target: { value: 'segment' } });
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Value' }).at(-1) as HTMLElement, { target: { value: 'B2B' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ attributes: { tier: null, city: 'Hamburg', segment: 'B2B' } }));
    expect(await screen.findByText('Hamburg')).toBeTruthy();
    expect(screen.queryByText(XSS)).toBeNull();
  });

  it('records consent with its source, and unlinks the ERP id when emptied', async () => {
    const { client, requests } = contactServer();
    renderWithProviders(<ContactPanel conversation={conversation} user={user('agent')} onOpenConversation={() => undefined} onClose={() => undefined} />, { api: client });
    fireEvent.click(await screen.findByRole('button', { name: 'Record consent' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Consent state' }), { target: { value: 'opted_out' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Source' }), { target: { value: 'Telefonat' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Opted out')).toBeTruthy();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ consent: { status: 'opted_out', source: 'Telefonat' } });

    const erp = screen.getByText('K-10042').closest('.contact-field') as HTMLElement;
    fireEvent.click(within(erp).getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'ERP customer number' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('not linked')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PATCH').at(-1)?.body).toEqual({ erpCustomerId: null });
  });

  it('viewers read everything but get no edit controls and no note form', async () => {
    const { client } = contactServer();
    renderWithProviders(<ContactPanel conversation={conversation} user={user('viewer')} onOpenConversation={() => undefined} onClose={() => undefined} />, { api: client, locale: 'de' });
    expect(await screen.findByText('K-10042')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Bearbeiten' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Merkmale bearbeiten' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Einwilligung erfassen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Labels' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Interne Notiz' })).toBeNull();
    expect(screen.getByText('Eingewilligt')).toBeTruthy();
  });
});
