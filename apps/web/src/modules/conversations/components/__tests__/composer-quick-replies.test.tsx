import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QuickReply } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { Composer } from '../composer.js';

const reply = (shortcut: string, text: string): QuickReply => ({
  id: `qr_${shortcut}`, shortcut, text, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z',
});
const REPLIES = [
  reply('danke', 'Vielen Dank für Ihre Nachricht!'),
  reply('dauer', 'Die Lieferung dauert 2–3 Werktage.'),
  reply('versand', 'Ihre Bestellung ist unterwegs.'),
  reply('hack', '<img src=x onerror=alert(1)>'),
];

function setup() {
  const conversation = makeConversation({ windowOpen: true, windowExpiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  const { client, requests } = fakeApi([
    on('GET', '/quick-replies', () => ({ status: 200, body: { data: REPLIES } })),
    on('POST', '/messages', () => ({ status: 202, body: { id: 'm', status: 'queued' } })),
  ]);
  renderWithProviders(<Composer conversation={conversation} />, { api: client });
  const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  const type = (value: string) => fireEvent.change(box, { target: { value } });
  return { box, type, requests };
}

const options = () => screen.getAllByRole('option').map((o) => o.querySelector('.quick-reply-shortcut')?.textContent);

describe('Composer quick replies', () => {
  it('"/" opens the list, typing filters it, arrows move, Enter inserts the text instead of sending', async () => {
    const { box, type, requests } = setup();
    expect(screen.queryByRole('listbox')).toBeNull();
    type('/');
    await screen.findByRole('listbox', { name: 'Quick replies' });
    expect(options()).toEqual(['/danke', '/dauer', '/versand', '/hack']);
    type('/da');
    expect(options()).toEqual(['/danke', '/dauer']);
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]?.id);

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]?.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' }); // wraps around
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'Enter' });

    expect(box.value).toBe('Die Lieferung dauert 2–3 Werktage.');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('replaces only the command after the text already typed', async () => {
    const { box, type } = setup();
    type('Guten Tag! /vers');
    await screen.findByRole('listbox');
    fireEvent.keyDown(box, { key: 'Tab' });
    expect(box.value).toBe('Guten Tag! Ihre Bestellung ist unterwegs.');
  });

  it('inserts on click, and shows tenant text as text', async () => {
    const { box, type } = setup();
    type('/ha');
    const option = await screen.findByRole('option');
    expect(option.querySelector('img')).toBeNull();
    expect(option.textContent).toContain('<img src=x onerror=alert(1)>');
    fireEvent.mouseDown(option);
    expect(box.value).toBe('<img src=x onerror=alert(1)>');
  });

  it('Escape closes the list; Enter then sends what was typed; no match says so', async () => {
    const { box, type, requests } = setup();
    type('/zzz');
    expect(await screen.findByText('No quick reply matches “/zzz”.')).toBeTruthy();
    type('/d');
    await screen.findByRole('listbox');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ type: 'text', text: { body: '/d' } });
  });

  it('does not open inside a word (e.g. a URL path)', async () => {
    const { type, requests } = setup();
    type('https://valeo.example/da');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(requests.some((r) => r.url.includes('/quick-replies'))).toBe(false);
  });
});
