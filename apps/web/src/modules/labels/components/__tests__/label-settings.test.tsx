import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Label } from '@valeo/contracts';
import { fakeApi, on } from '../../../../test/fake-api.js';
import { renderWithProviders } from '../../../../test/render.js';
import { LabelSettings } from '../label-settings.js';

const XSS = '<img src=x onerror=alert(1)>';

/** The tenant's labels, following POST/PATCH/DELETE. */
function settingsServer(initial: Label[]) {
  let labels = [...initial];
  return fakeApi([
    on('GET', '/labels', () => ({ status: 200, body: { data: labels } })),
    on('POST', '/labels', (r) => {
      const body = r.body as { name: string; color: string };
      if (labels.some((l) => l.name.toLowerCase() === body.name.toLowerCase())) return { status: 409, body: { error: { code: 'LABEL_NAME_TAKEN', message: 'taken' } } };
      const label = { id: `l_${labels.length + 1}`, ...body, createdAt: '2026-03-01T08:00:00.000Z' };
      labels.push(label);
      return { status: 201, body: label };
    }),
    on('PATCH', /^\/labels\//, (r) => {
      const id = r.url.split('/').at(-1) ?? '';
      labels = labels.map((l) => (l.id === id ? { ...l, ...(r.body as Partial<Label>) } : l));
      return { status: 200, body: labels.find((l) => l.id === id) };
    }),
    on('DELETE', /^\/labels\//, (r) => {
      const id = r.url.split('/').at(-1) ?? '';
      labels = labels.filter((l) => l.id !== id);
      return { status: 204 };
    }),
  ]);
}

describe('LabelSettings', () => {
  it('lists labels as text, adds one, renames one and deletes one after confirming', async () => {
    const { client, requests } = settingsServer([
      { id: 'l_1', name: 'VIP', color: '#1f8a70', createdAt: '2026-03-01T08:00:00.000Z' },
      { id: 'l_2', name: XSS, color: '#c53030', createdAt: '2026-03-01T08:00:00.000Z' },
    ]);
    const { container } = renderWithProviders(<LabelSettings />, { api: client, locale: 'de' });
    expect(await screen.findByText(XSS)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();

    fireEvent.change(screen.getByRole('textbox', { name: 'Neues Label' }), { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anlegen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ein Label mit diesem Namen gibt es schon.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Neues Label' }), { target: { value: 'Rückruf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anlegen' }));
    expect(await screen.findByText('Rückruf')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Label „VIP“ bearbeiten' }));
    const row = screen.getByRole('button', { name: 'Speichern' }).closest('li') as HTMLElement;
    fireEvent.change(within(row).getByRole('textbox'), { target: { value: 'Stammkunde' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Stammkunde')).toBeTruthy();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ name: 'Stammkunde', color: '#1f8a70' });

    fireEvent.click(screen.getByRole('button', { name: 'Label „Stammkunde“ löschen' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '„Stammkunde“ wirklich löschen' }));
    await waitFor(() => expect(screen.queryByText('Stammkunde')).toBeNull());
    expect(requests.find((r) => r.method === 'DELETE')?.url).toBe('/api/v1/labels/l_1');
  });
});
