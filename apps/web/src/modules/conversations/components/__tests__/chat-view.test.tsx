import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation, makeMessage } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { ChatView } from '../chat-view.js';

describe('ChatView', () => {
  const conversation = makeConversation({ id: 'conv_7', windowOpen: true, windowExpiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  const oldest = makeMessage({ conversationId: 'conv_7', content: { body: 'Erste Nachricht' }, createdAt: '2026-03-01T09:00:00.000Z' });
  const question = makeMessage({ conversationId: 'conv_7', content: { body: 'Wo ist mein Paket?' }, createdAt: '2026-03-02T09:00:00.000Z' });
  const answer = makeMessage({ conversationId: 'conv_7', direction: 'outbound', status: 'read', content: { body: 'Es kommt *heute*.' }, replyToWamid: question.wamid, createdAt: '2026-03-02T09:05:00.000Z' });
  const thumbs = makeMessage({ conversationId: 'conv_7', type: 'reaction', content: { message_id: answer.wamid, emoji: '👍' }, createdAt: '2026-03-02T09:06:00.000Z' });

  function api() {
    return fakeApi([
      on('GET', '/conversations/conv_7', () => ({ status: 200, body: conversation })),
      // Newest first, as the API pages them; the older page sits behind a cursor.
      on('GET', /^\/conversations\/conv_7\/messages\?limit=50$/, () => ({ status: 200, body: { data: [thumbs, answer, question], nextCursor: 'older' } })),
      on('GET', /^\/conversations\/conv_7\/messages\?.*cursor=older/, () => ({ status: 200, body: { data: [oldest], nextCursor: null } })),
    ]);
  }

  it('shows the history oldest first, reactions on their message, replies with their quote', async () => {
    const { client } = api();
    const { container } = renderWithProviders(<ChatView conversationId="conv_7" onBack={() => undefined} />, { api: client });
    expect(await screen.findByRole('heading', { name: conversation.contact.profileName ?? '' })).toBeTruthy();
    await screen.findByText('Wo ist mein Paket?', { selector: '.formatted-text' });
    const bubbles = [...container.querySelectorAll('li.message')];
    expect(bubbles.map((li) => li.getAttribute('data-message-id'))).toEqual([question.id, answer.id]);
    const reply = bubbles[1] as HTMLElement;
    expect(reply.querySelector('.reactions')?.textContent).toBe('👍');
    expect(reply.querySelector('blockquote')?.textContent).toContain('Wo ist mein Paket?');
    expect(within(reply).getByRole('img', { name: 'Read' })).toBeTruthy();
  });

  it('loads older messages above the current ones', async () => {
    const { client, requests } = api();
    const { container } = renderWithProviders(<ChatView conversationId="conv_7" onBack={() => undefined} />, { api: client });
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByText('Erste Nachricht');
    const ids = [...container.querySelectorAll('li.message')].map((li) => li.getAttribute('data-message-id'));
    expect(ids).toEqual([oldest.id, question.id, answer.id]);
    expect(screen.getByText('Start of the history')).toBeTruthy();
    await waitFor(() => expect(requests.some((r) => r.url.includes('cursor=older'))).toBe(true));
    expect(container.querySelectorAll('li.day-separator')).toHaveLength(2);
  });

  it('says when the conversation does not exist', async () => {
    const { client } = fakeApi([on('GET', '/conversations/gone', () => ({ status: 404, body: { error: { code: 'CONVERSATION_NOT_FOUND', message: 'no' } } }))]);
    renderWithProviders(<ChatView conversationId="gone" onBack={() => undefined} />, { api: client });
    expect((await screen.findByRole('alert')).textContent).toContain('This conversation does not exist');
  });
});
