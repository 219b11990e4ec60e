import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '@valeo/contracts';
import { fakeApi, on } from '../../test/fake-api.js';
import { renderWithProviders } from '../../test/render.js';
import { SettingsPage } from '../settings-page.js';

const session = (role: SessionResponse['user']['role']): SessionResponse => ({
  user: { id: 'u_me', tenantId: 't1', email: 'me@valeo.example', name: 'Mia Meier', role }, csrfToken: 'csrf-1',
});

function render(role: SessionResponse['user']['role']) {
  const { client, requests } = fakeApi([
    on('GET', '/quick-replies', () => ({ status: 200, body: { data: [] } })),
    on('GET', '/users', () => ({ status: 200, body: { data: [], nextCursor: null } })),
  ]);
  renderWithProviders(<SettingsPage session={session(role)} />, { api: client, locale: 'de' });
  return requests;
}

describe('SettingsPage: quick replies', () => {
  it.each(['admin', 'supervisor'] as const)('lets a %s manage the quick replies', async (role) => {
    render(role);
    expect(screen.getByRole('heading', { name: 'Schnellantworten' })).toBeTruthy();
    expect(await screen.findByText('Noch keine Schnellantworten.')).toBeTruthy();
  });

  it.each(['agent', 'marketing', 'viewer'] as const)('does not show them to a %s (the API would refuse the changes)', (role) => {
    const requests = render(role);
    expect(screen.queryByRole('heading', { name: 'Schnellantworten' })).toBeNull();
    expect(requests.some((r) => r.url.includes('/quick-replies'))).toBe(false);
  });
});
