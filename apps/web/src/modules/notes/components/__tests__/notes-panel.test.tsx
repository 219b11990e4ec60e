import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Note } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { renderWithProviders } from '../../../../test/render.js';
import { applyLiveEvent } from '../../../conversations/hooks/use-live-updates.js';
import { NotesPanel } from '../notes-panel.js';

const XSS = '<img src=x onerror=alert(1)>';

function notesServer(conversationId: string) {
  const notes: Note[] = [];
  return fakeApi([
    on('GET', `/conversations/${conversationId}/notes`, () => ({ status: 200, body: { data: [...notes].reverse(), nextCursor: null } })),
    on('POST', `/conversations/${conversationId}/notes`, (r) => {
      const note: Note = {
        id: `n${notes.length + 1}`, conversationId, author: { userId: 'u1', name: 'Anna Agent' }, text: (r.body as { text: string }).text, createdAt: '2026-03-02T10:00:00.000Z',
      };
      notes.push(note);
      return { status: 201, body: note };
    }),
  ]);
}

describe('NotesPanel', () => {
  it('adds a private note through the notes API only, and shows it (as text) with its author', async () => {
    const { client, requests } = notesServer('conv_1');
    const { container } = renderWithProviders(<NotesPanel conversationId="conv_1" canWrite />, { api: client });
    expect(await screen.findByText('No notes yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Internal note' }), { target: { value: `Kunde verärgert ${XSS}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText(`Kunde verärgert ${XSS}`, { selector: '.note-text' })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.note-meta')?.textContent).toContain('Anna Agent');
    expect(container.querySelector('.note')).not.toBeNull();
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Internal note' }) as HTMLTextAreaElement).value).toBe(''));
    const writes = requests.filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/conversations/conv_1/notes']);
    expect(requests.some((r) => r.url.includes('/messages'))).toBe(false);
  });

  it("shows a colleague's note when its live event arrives", async () => {
    const { client } = notesServer('conv_3');
    const { queryClient } = renderWithProviders(<NotesPanel conversationId="conv_3" canWrite={false} />, { api: client });
    expect(await screen.findByText('No notes yet.')).toBeTruthy();
    await client.post('/conversations/conv_3/notes', { text: 'Von Bert: Kunde ruft zurück' });
    applyLiveEvent(queryClient, { name: 'conversation.updated', data: { tenantId: 't', conversationId: 'conv_3', channelId: 'ch_1', change: 'note' } });
    expect(await screen.findByText('Von Bert: Kunde ruft zurück', { selector: '.note-text' })).toBeTruthy();
  });

  it('says, in German too, that notes never go to WhatsApp; without the right to write there is no form', async () => {
    const { client } = notesServer('conv_2');
    renderWithProviders(<NotesPanel conversationId="conv_2" canWrite={false} />, { api: client, locale: 'de' });
    expect(screen.getByText('Nur für das Team sichtbar – wird nie an WhatsApp gesendet.')).toBeTruthy();
    expect(await screen.findByText('Noch keine Notizen.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
