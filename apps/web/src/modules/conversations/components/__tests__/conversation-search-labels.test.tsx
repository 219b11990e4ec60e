import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuthUser, Label } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { ChatView } from '../chat-view.js';
import { ConversationList } from '../conversation-list.js';

const vip: Label = { id: 'l_vip', name: 'VIP', color: '#1f8a70', createdAt: '2026-03-01T08:00:00.000Z' };
const anna: AuthUser = { id: 'u_anna', tenantId: 't', email: 'anna@example.com', name: 'Anna Agent', role: 'agent' };

function listServer() {
  const labelled = makeConversation({ labels: [vip], lastMessagePreview: 'Schöne Grüße' });
  return {
    labelled,
    ...fakeApi([
      on('GET', '/conversations', () => ({ status: 200, body: { data: [labelled], nextCursor: null } })),
      on('GET', '/labels', () => ({ status: 200, body: { data: [vip] } })),
      on('GET', '/channels', () => ({ status: 200, body: { data: [], nextCursor: null } })),
    ]),
  };
}

const listUrls = (requests: { url: string }[]) => requests.map((r) => r.url).filter((u) => u.startsWith('/api/v1/conversations'));

describe('conversation search and labels', () => {
  it('shows label chips on list items', async () => {
    const { client } = listServer();
    renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client });
    const item = await screen.findByRole('listitem');
    expect(within(item).getByText('VIP').className).toContain('label-chip');
  });

  it('searches as the agent types (once typing pauses), with the words as q', async () => {
    const { client, requests } = listServer();
    renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client });
    await screen.findByRole('listitem');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search conversations' }), { target: { value: ' Grüße "München" ' } });
    await waitFor(() => expect(listUrls(requests)).toContain('/api/v1/conversations?status=open&q=Gr%C3%BC%C3%9Fe+%22M%C3%BCnchen%22&limit=50'));
  });

  it('filters by label', async () => {
    const { client, requests } = listServer();
    renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client, locale: 'de' });
    const select = await screen.findByRole('combobox', { name: 'Label' });
    expect(within(select).getByRole('option', { name: 'Alle Labels' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 'l_vip' } });
    await waitFor(() => expect(listUrls(requests)).toContain('/api/v1/conversations?status=open&label=l_vip&limit=50'));
  });

  it('the chat header shows the labels and a button for the contact panel', async () => {
    const conversation = makeConversation({ labels: [vip] });
    const { client } = fakeApi([
      on('GET', `/conversations/${conversation.id}`, () => ({ status: 200, body: conversation })),
      on('GET', /^\/conversations\/[^/]+\/messages/, () => ({ status: 200, body: { data: [], nextCursor: null } })),
      on('GET', '/assignees', () => ({ status: 200, body: { data: [] } })),
    ]);
    const toggle = vi.fn();
    renderWithProviders(<ChatView conversationId={conversation.id} onBack={() => undefined} user={anna} onToggleContact={toggle} contactOpen={false} />, { api: client });
    const header = (await screen.findByRole('heading', { level: 2 })).closest('header') as HTMLElement;
    expect(within(header).getByText('VIP')).toBeTruthy();
    const button = within(header).getByRole('button', { name: 'Contact' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(toggle).toHaveBeenCalledTimes(1);
    expect(within(header).getByRole('button', { name: 'Labels' })).toBeTruthy();
  });
});
