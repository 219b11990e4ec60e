import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QuickReply } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { renderWithProviders } from '../../../../test/render.js';
import { QuickReplySettings } from '../quick-reply-settings.js';

const reply = (id: string, shortcut: string, text: string): QuickReply => ({ id, shortcut, text, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' });

function setup(initial: QuickReply[]) {
  let list = [...initial];
  const { client, requests } = fakeApi([
    on('GET', '/quick-replies', () => ({ status: 200, body: { data: list } })),
    on('POST', '/quick-replies', (r) => {
      const body = r.body as { shortcut: string; text: string };
      if (list.some((q) => q.shortcut === body.shortcut)) return { status: 409, body: { error: { code: 'QUICK_REPLY_SHORTCUT_TAKEN', message: 'taken' } } };
      const created = reply(`qr_${list.length + 1}`, body.shortcut, body.text);
      list = [...list, created];
      return { status: 201, body: created };
    }),
    on('PATCH', /^\/quick-replies\/qr_1$/, (r) => {
      list = list.map((q) => (q.id === 'qr_1' ? { ...q, ...(r.body as object) } : q));
      return { status: 200, body: list[0] };
    }),
    on('DELETE', /^\/quick-replies\/qr_1$/, () => {
      list = list.filter((q) => q.id !== 'qr_1');
      return { status: 204 };
    }),
  ]);
  renderWithProviders(<QuickReplySettings />, { api: client });
  return { requests };
}

const addForm = () => screen.getByRole('form', { name: 'Add a quick reply' });

describe('QuickReplySettings', () => {
  it('lists the quick replies as text and adds one', async () => {
    const { requests } = setup([reply('qr_1', 'danke', '<img src=x onerror=alert(1)>')]);
    const list = await screen.findByRole('list', { name: 'Quick replies' });
    expect(list.textContent).toContain('/danke');
    expect(list.querySelector('img')).toBeNull();

    const form = addForm();
    fireEvent.change(within(form).getByLabelText('Shortcut'), { target: { value: 'Versand' } });
    fireEvent.change(within(form).getByLabelText('Text'), { target: { value: 'Ist unterwegs.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a quick reply' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ shortcut: 'versand', text: 'Ist unterwegs.' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Quick replies' }).textContent).toContain('/versand'));
  });

  it('refuses an invalid shortcut before sending and shows the 409 of a taken one', async () => {
    const { requests } = setup([reply('qr_1', 'danke', 'Danke!')]);
    await screen.findByRole('list', { name: 'Quick replies' });
    const form = addForm();
    const submit = within(form).getByRole('button', { name: 'Add a quick reply' });
    fireEvent.change(within(form).getByLabelText('Text'), { target: { value: 'x' } });
    fireEvent.change(within(form).getByLabelText('Shortcut'), { target: { value: 'mit leerzeichen' } });
    expect(submit).toHaveProperty('disabled', true);
    expect(form.textContent).toContain('Lowercase letters, digits');
    fireEvent.change(within(form).getByLabelText('Shortcut'), { target: { value: 'danke' } });
    fireEvent.click(submit);
    expect((await within(form).findByRole('alert')).textContent).toBe('The shortcut “/danke” is already in use.');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('edits and deletes a quick reply', async () => {
    const { requests } = setup([reply('qr_1', 'danke', 'Danke!')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit /danke' }));
    const edit = screen.getByRole('form', { name: 'Edit /danke' });
    fireEvent.change(within(edit).getByLabelText('Text'), { target: { value: 'Vielen Dank!' } });
    fireEvent.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ shortcut: 'danke', text: 'Vielen Dank!' }));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Quick replies' }).textContent).toContain('Vielen Dank!'));

    fireEvent.click(screen.getByRole('button', { name: 'Delete /danke' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.url.endsWith('/quick-replies/qr_1'))).toBe(true));
    expect(await screen.findByText('No quick replies yet.')).toBeTruthy();
  });
});
