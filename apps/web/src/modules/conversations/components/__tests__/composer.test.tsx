import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { Composer } from '../composer.js';

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('Composer', () => {
  it('is disabled outside the 24-hour window and says why', () => {
    renderWithProviders(<Composer conversation={makeConversation({ windowOpen: false, windowExpiresAt: inHours(-2) })} />);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toContain('The 24-hour window is closed');
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('treats a window the server called open but whose expiry has passed as closed', () => {
    renderWithProviders(<Composer conversation={makeConversation({ windowOpen: true, windowExpiresAt: inHours(-0.01) })} />);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
  });

  it('shows the countdown while the window is open', () => {
    renderWithProviders(<Composer conversation={makeConversation({ windowOpen: true, windowExpiresAt: inHours(5.5) })} />, { locale: 'de' });
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toMatch(/^Antwortfenster offen, schließt in 5:(29|30):\d\d$/);
    expect(screen.getByRole('textbox', { name: 'Nachricht' })).toHaveProperty('disabled', false);
  });

  it('sends the text to the conversation\'s customer with an idempotency key and the CSRF token', async () => {
    const conversation = makeConversation({ windowOpen: true, windowExpiresAt: inHours(20) });
    const { client, requests } = fakeApi([on('POST', '/messages', () => ({ status: 202, body: { id: 'msg_9', status: 'queued' } }))]);
    client.setCsrfToken('csrf-123');
    renderWithProviders(<Composer conversation={conversation} />, { api: client });
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Ist *unterwegs*' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(requests).toHaveLength(1));
    const [request] = requests;
    expect(request?.body).toEqual({ channelId: conversation.channelId, to: `+${conversation.contact.waId}`, type: 'text', text: { body: 'Ist *unterwegs*' } });
    expect(request?.headers['x-csrf-token']).toBe('csrf-123');
    expect(request?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
  });

  it('keeps the text and shows the reason when sending fails', async () => {
    const conversation = makeConversation({ windowOpen: true, windowExpiresAt: inHours(20) });
    const { client } = fakeApi([on('POST', '/messages', () => ({ status: 422, body: { error: { code: 'WINDOW_CLOSED', message: 'The window is closed' } } }))]);
    renderWithProviders(<Composer conversation={conversation} />, { api: client });
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Hallo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Sending failed: The window is closed');
    expect((box as HTMLTextAreaElement).value).toBe('Hallo');
  });
});
