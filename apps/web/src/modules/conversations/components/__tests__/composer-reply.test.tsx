import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelTemplate } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation, makeMessage } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { ChatView } from '../chat-view.js';
import { MessageBubble } from '../message-bubble.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOUR = 3_600_000;

function setup(opts: { windowOpen?: boolean; locale?: 'en' | 'de' } = {}) {
  const open = opts.windowOpen ?? true;
  const conversation = makeConversation({ id: 'conv_r', windowOpen: open, windowExpiresAt: new Date(Date.now() + (open ? HOUR : -HOUR)).toISOString() });
  const question = makeMessage({ conversationId: 'conv_r', content: { body: HOSTILE }, wamid: 'wamid.question', createdAt: '2026-03-02T09:00:00.000Z' });
  const ours = makeMessage({ conversationId: 'conv_r', direction: 'outbound', status: 'read', content: { body: 'Schon unterwegs' }, wamid: 'wamid.ours', createdAt: '2026-03-02T09:05:00.000Z' });
  const unsent = makeMessage({ conversationId: 'conv_r', direction: 'outbound', status: 'queued', content: { body: 'Noch in der Warteschlange' }, wamid: null, createdAt: '2026-03-02T09:06:00.000Z' });
  const template: ChannelTemplate = { id: 't', name: 'hello_world', language: 'en_US', status: 'APPROVED', category: 'UTILITY', parameterFormat: 'positional', components: [{ type: 'BODY', text: 'Welcome!' }] };
  const { client, requests } = fakeApi([
    on('GET', '/conversations/conv_r', () => ({ status: 200, body: conversation })),
    on('GET', /^\/conversations\/conv_r\/messages\?/, () => ({ status: 200, body: { data: [unsent, ours, question], nextCursor: null } })),
    on('GET', `/channels/${conversation.channelId}/templates`, () => ({ status: 200, body: { data: [template] } })),
    on('POST', '/messages', () => ({ status: 202, body: { id: 'm', status: 'queued' } })),
  ]);
  const view = renderWithProviders(<ChatView conversationId="conv_r" onBack={() => undefined} />, { api: client, locale: opts.locale ?? 'en' });
  const bubble = (id: string) => view.container.querySelector(`li.message[data-message-id="${id}"]`) as HTMLElement;
  const posts = () => requests.filter((r) => r.method === 'POST');
  return { conversation, question, ours, unsent, bubble, posts, ...view };
}

describe('Composer reply-to', () => {
  it('sends the text as a reply (context.message_id = the wamid) and then drops the quote', async () => {
    const { question, bubble, posts } = setup();
    await screen.findByText('Schon unterwegs');
    fireEvent.click(within(bubble(question.id)).getByRole('button', { name: 'Reply' }));
    const preview = screen.getByRole('group', { name: 'Replying to a message' });
    expect(preview.querySelector('.quote-author')?.textContent).toMatch(/^Reply to /);
    const box = screen.getByRole('textbox', { name: 'Message' });
    // Choosing the message puts the agent into the text box.
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'Heute noch' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toMatchObject({ type: 'text', text: { body: 'Heute noch' }, context: { message_id: 'wamid.question' } });
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Replying to a message' })).toBeNull());
  });

  it('renders the customer\'s text in the quote as text, never as markup', async () => {
    const { question, bubble, container } = setup();
    await screen.findByText('Schon unterwegs');
    fireEvent.click(within(bubble(question.id)).getByRole('button', { name: 'Reply' }));
    const preview = screen.getByRole('group', { name: 'Replying to a message' });
    expect(preview.querySelector('.quote-text')?.textContent).toBe(HOSTILE);
    expect(container.querySelector('img')).toBeNull();
  });

  it('quotes our own messages as "You"; a message without a wamid (not sent yet) offers no reply', async () => {
    const { ours, unsent, bubble } = setup({ locale: 'de' });
    await screen.findByText('Schon unterwegs');
    expect(within(bubble(unsent.id)).queryByRole('button', { name: 'Antworten' })).toBeNull();
    fireEvent.click(within(bubble(ours.id)).getByRole('button', { name: 'Antworten' }));
    const preview = screen.getByRole('group', { name: 'Antwort auf eine Nachricht' });
    expect(preview.querySelector('.quote-author')?.textContent).toBe('Antwort an Sie');
    expect(preview.querySelector('.quote-text')?.textContent).toBe('Schon unterwegs');
  });

  it('Escape or ✕ cancels: the next text goes out without context', async () => {
    const { question, bubble, posts } = setup();
    await screen.findByText('Schon unterwegs');
    const reply = within(bubble(question.id)).getByRole('button', { name: 'Reply' });
    fireEvent.click(reply);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Replying to a message' })).toBeNull();
    fireEvent.click(reply);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(screen.queryByRole('group', { name: 'Replying to a message' })).toBeNull();
    fireEvent.change(box, { target: { value: 'Ohne Bezug' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).not.toHaveProperty('context');
  });

  it('Escape in the emoji grid closes the grid only, the reply stays', async () => {
    const { question, bubble } = setup();
    await screen.findByText('Schon unterwegs');
    fireEvent.click(within(bubble(question.id)).getByRole('button', { name: 'Reply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Replying to a message' })).toBeTruthy();
  });

  it('a template sent in the closed window carries the reply too', async () => {
    const { question, bubble, posts } = setup({ windowOpen: false });
    await screen.findByText('Schon unterwegs');
    fireEvent.click(within(bubble(question.id)).getByRole('button', { name: 'Reply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Choose a template' }));
    fireEvent.click(await screen.findByText('hello_world'));
    fireEvent.click(screen.getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]?.body).toMatchObject({ type: 'template', template: { name: 'hello_world' }, context: { message_id: 'wamid.question' } });
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Replying to a message' })).toBeNull());
  });

  it('a bubble outside a chat view has no reply action', () => {
    renderWithProviders(<ul><MessageBubble message={makeMessage()} /></ul>);
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
  });
});
