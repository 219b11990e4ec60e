import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { ConversationList } from '../conversation-list.js';

const XSS = '<img src=x onerror=alert(1)>';
const future = new Date(Date.now() + 10 * 3_600_000).toISOString();

describe('ConversationList', () => {
  it('lists conversations in the server\'s order with unread counts, preview and window state', async () => {
    const newest = makeConversation({ contact: { id: 'c1', waId: '4915100000002', profileName: 'Jörg Grüßer', lastInboundAt: null, createdAt: future }, unreadCount: 3, lastMessagePreview: 'Ist meine Bestellung unterwegs?', windowOpen: true, windowExpiresAt: future });
    const older = makeConversation({ contact: { id: 'c2', waId: '4915100000001', profileName: null, lastInboundAt: null, createdAt: future }, unreadCount: 0, lastMessagePreview: null, windowOpen: false });
    const { client } = fakeApi([on('GET', '/conversations', () => ({ status: 200, body: { data: [newest, older], nextCursor: null } }))]);
    renderWithProviders(<ConversationList selectedId={newest.id} onSelect={() => undefined} />, { api: client });
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [first, second] = items as [HTMLElement, HTMLElement];
    expect(first.textContent).toContain('Jörg Grüßer');
    expect(first.textContent).toContain('Ist meine Bestellung unterwegs?');
    expect(within(first).getByLabelText('3 unread').textContent).toBe('3');
    expect(first.textContent).toContain('Window open');
    expect(within(first).getByRole('button').getAttribute('aria-current')).toBe('true');
    expect(second.textContent).toContain('+4915100000001');
    expect(second.textContent).toContain('No messages');
    expect(second.textContent).toContain('Window closed');
    expect(second.querySelector('.unread-badge')).toBeNull();
  });

  it('shows customer-written names and previews as text', async () => {
    const evil = makeConversation({ contact: { id: 'c3', waId: '491', profileName: XSS, lastInboundAt: null, createdAt: future }, lastMessagePreview: `${XSS} *x*` });
    const { client } = fakeApi([on('GET', '/conversations', () => ({ status: 200, body: { data: [evil], nextCursor: null } }))]);
    const { container } = renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client });
    expect((await screen.findByRole('listitem')).textContent).toContain(XSS);
    expect(container.querySelector('img')).toBeNull();
  });

  it('selects a conversation on click and loads the next page on request', async () => {
    const first = makeConversation();
    const second = makeConversation();
    const { client, requests } = fakeApi([
      on('GET', /^\/conversations\?(?!.*cursor)/, () => ({ status: 200, body: { data: [first], nextCursor: 'c-1' } })),
      on('GET', /^\/conversations\?.*cursor=c-1/, () => ({ status: 200, body: { data: [second], nextCursor: null } })),
    ]);
    const onSelect = vi.fn();
    renderWithProviders(<ConversationList selectedId={null} onSelect={onSelect} />, { api: client });
    fireEvent.click(await screen.findByRole('button', { name: new RegExp(first.contact.profileName ?? '') }));
    expect(onSelect).toHaveBeenCalledWith(first.id);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText(second.contact.profileName ?? '')).toBeTruthy();
    expect(requests.map((r) => r.url).filter((u) => u.includes('/conversations'))).toEqual(['/api/v1/conversations?status=open&limit=50', '/api/v1/conversations?status=open&limit=50&cursor=c-1']);
  });

  it('says so when there are none', async () => {
    const { client } = fakeApi([on('GET', '/conversations', () => ({ status: 200, body: { data: [], nextCursor: null } }))]);
    renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client, locale: 'de' });
    expect(await screen.findByText('Noch keine Unterhaltungen.')).toBeTruthy();
  });
});
