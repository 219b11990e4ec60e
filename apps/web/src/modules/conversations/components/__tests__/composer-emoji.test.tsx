import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { insertAtCaret } from '../../utils/emoji-catalog.js';
import { Composer } from '../composer.js';

const openWindow = () => makeConversation({ windowOpen: true, windowExpiresAt: new Date(Date.now() + 3_600_000).toISOString() });

function setup(locale: 'en' | 'de' = 'en') {
  const conversation = openWindow();
  const { client, requests } = fakeApi([on('POST', '/messages', () => ({ status: 202, body: { id: 'm', status: 'queued' } }))]);
  renderWithProviders(<Composer conversation={conversation} />, { api: client, locale });
  const box = screen.getByRole('textbox', { name: locale === 'de' ? 'Nachricht' : 'Message' }) as HTMLTextAreaElement;
  return { conversation, requests, box };
}

function typeWithCaret(box: HTMLTextAreaElement, text: string, caret: number) {
  fireEvent.change(box, { target: { value: text } });
  box.setSelectionRange(caret, caret);
  fireEvent.select(box);
}

describe('Composer emoji', () => {
  it('inserts the picked emoji at the caret, keeps the grid open for more, and sends it', async () => {
    const { requests, box } = setup();
    typeWithCaret(box, 'Danke schön', 5);
    fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    const grid = screen.getByRole('dialog', { name: 'Emoji' });
    fireEvent.click(within(grid).getByRole('button', { name: '👍' }));
    expect(box.value).toBe('Danke👍 schön');
    // The caret is behind the emoji (two UTF-16 units), so a second one follows the first.
    expect(box.selectionStart).toBe(7);
    fireEvent.click(within(grid).getByRole('button', { name: '🙂' }));
    expect(box.value).toBe('Danke👍🙂 schön');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toMatchObject({ type: 'text', text: { body: 'Danke👍🙂 schön' } });
  });

  it('replaces a selection', () => {
    const { box } = setup();
    fireEvent.change(box, { target: { value: 'Gut gemacht' } });
    box.setSelectionRange(4, 11);
    fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    fireEvent.click(screen.getByRole('button', { name: '👏' }));
    expect(box.value).toBe('Gut 👏');
  });

  it('is keyboard operable: focus lands in the grid, arrows move, Escape closes back to the button', () => {
    setup();
    const toggle = screen.getByRole('button', { name: 'Insert emoji' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const grid = screen.getByRole('dialog', { name: 'Emoji' });
    const first = within(grid).getByRole('button', { name: '😀' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement?.textContent).toBe('😃');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect((document.activeElement as HTMLElement).dataset['index']).toBe('9');
    // One tab stop in the grid (roving focus).
    expect(within(grid).getAllByRole('button').filter((b) => b.tabIndex === 0)).toHaveLength(1);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('closes on a click outside, not on one inside', () => {
    const { box } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    fireEvent.pointerDown(screen.getByRole('dialog', { name: 'Emoji' }));
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).not.toBeNull();
    fireEvent.pointerDown(box);
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
  });

  it('speaks German', () => {
    setup('de');
    fireEvent.click(screen.getByRole('button', { name: 'Emoji einfügen' }));
    expect(within(screen.getByRole('dialog', { name: 'Emoji' })).getByRole('region', { name: 'Hände & Gesten' })).toBeTruthy();
  });

  it('is disabled outside the 24-hour window', () => {
    renderWithProviders(<Composer conversation={makeConversation({ windowOpen: false, windowExpiresAt: new Date(Date.now() - 1000).toISOString() })} />);
    expect(screen.getByRole('button', { name: 'Insert emoji' })).toHaveProperty('disabled', true);
  });

  it('insertAtCaret clamps a caret outside the text', () => {
    expect(insertAtCaret('ab', '🙂', 99)).toEqual({ text: 'ab🙂', caret: 4 });
    expect(insertAtCaret('ab', '🙂', -3)).toEqual({ text: '🙂ab', caret: 2 });
  });
});
