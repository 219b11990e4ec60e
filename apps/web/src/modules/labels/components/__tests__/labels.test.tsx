import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuthUser, Label } from '@valeo/contracts';
import { fakeApi, on, type RecordedRequest } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { labelTextColor } from '../../utils/label-color.js';
import { ConversationLabelsBar } from '../conversation-labels-bar.js';
import { LabelChips } from '../label-chips.js';

const XSS = '<img src=x onerror=alert(1)>';
const label = (id: string, name: string, color = '#1f8a70'): Label => ({ id, name, color, createdAt: '2026-03-01T08:00:00.000Z' });
const vip = label('l_vip', 'VIP', '#f6e05e');
const complaint = label('l_complaint', 'Reklamation', '#c53030');
const user = (role: AuthUser['role']): AuthUser => ({ id: `u_${role}`, tenantId: 't', email: `${role}@example.com`, name: role, role });

/** Labels of the tenant and one conversation whose labels follow the PUT/DELETE requests. */
function labelServer(conversationId: string, tenantLabels: Label[]) {
  let attached: Label[] = [];
  const change = (request: RecordedRequest, attach: boolean) => {
    const id = decodeURIComponent(request.url.split('/').at(-1) ?? '');
    const target = tenantLabels.find((l) => l.id === id);
    attached = attach && target ? [...attached.filter((l) => l.id !== id), target] : attached.filter((l) => l.id !== id);
    return { status: 200, body: { data: attached } };
  };
  return fakeApi([
    on('GET', '/labels', () => ({ status: 200, body: { data: tenantLabels } })),
    on('PUT', new RegExp(`^/conversations/${conversationId}/labels/`), (r) => change(r, true)),
    on('DELETE', new RegExp(`^/conversations/${conversationId}/labels/`), (r) => change(r, false)),
    on('POST', '/labels', (r) => {
      const body = r.body as { name: string; color: string };
      if (tenantLabels.some((l) => l.name.toLowerCase() === body.name.toLowerCase())) return { status: 409, body: { error: { code: 'LABEL_NAME_TAKEN', message: 'taken' } } };
      const created = label(`l_${body.name}`, body.name, body.color);
      tenantLabels.push(created);
      return { status: 201, body: created };
    }),
  ]);
}

describe('labels', () => {
  it('renders chips as text in the label colour with readable text', () => {
    const { container } = renderWithProviders(<LabelChips labels={[vip, label('l_x', XSS, '#000000')]} />);
    const chips = container.querySelectorAll('.label-chip');
    expect([...chips].map((c) => c.textContent)).toEqual(['VIP', XSS]);
    expect(container.querySelector('img')).toBeNull();
    expect((chips[1] as HTMLElement).style.color).toMatch(/^(#ffffff|rgb\(255, 255, 255\))$/);
    expect(labelTextColor('#f6e05e')).toBe('#1c2326');
  });

  it('an agent ticks and unticks labels on the conversation: PUT and DELETE, no label creation', async () => {
    const conversation = makeConversation({ labels: [] });
    const { client, requests } = labelServer(conversation.id, [vip, complaint]);
    renderWithProviders(<ConversationLabelsBar conversation={conversation} user={user('agent')} />, { api: client });
    fireEvent.click(screen.getByRole('button', { name: 'Labels' }));
    const panel = await screen.findByRole('group', { name: 'Labels' });
    expect(within(panel).queryByRole('textbox', { name: 'New label' })).toBeNull();

    fireEvent.click(await within(panel).findByRole('checkbox', { name: 'Reklamation' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.url).toBe(`/api/v1/conversations/${conversation.id}/labels/l_complaint`);
  });

  it('unticking an attached label detaches it', async () => {
    const conversation = makeConversation({ labels: [vip] });
    const { client, requests } = labelServer(conversation.id, [vip, complaint]);
    renderWithProviders(<ConversationLabelsBar conversation={conversation} user={user('agent')} />, { api: client });
    fireEvent.click(screen.getByRole('button', { name: 'Labels' }));
    const box = await screen.findByRole('checkbox', { name: 'VIP' });
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(requests.find((r) => r.method === 'DELETE')?.url).toBe(`/api/v1/conversations/${conversation.id}/labels/l_vip`));
  });

  it('a supervisor creates a label and it is attached at once; a taken name says so', async () => {
    const conversation = makeConversation({ labels: [] });
    const { client, requests } = labelServer(conversation.id, [vip]);
    renderWithProviders(<ConversationLabelsBar conversation={conversation} user={user('supervisor')} />, { api: client });
    fireEvent.click(screen.getByRole('button', { name: 'Labels' }));
    const name = await screen.findByRole('textbox', { name: 'New label' });
    fireEvent.change(name, { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A label with this name already exists.');

    fireEvent.change(name, { target: { value: 'Rückruf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.url).toBe(`/api/v1/conversations/${conversation.id}/labels/l_R%C3%BCckruf`));
    expect(requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({ name: 'Rückruf', color: '#1f8a70' });
  });

  it('viewers see the chips but no picker', () => {
    const conversation = makeConversation({ labels: [vip] });
    renderWithProviders(<ConversationLabelsBar conversation={conversation} user={user('viewer')} />);
    expect(screen.getByText('VIP')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Labels' })).toBeNull();
  });
});
