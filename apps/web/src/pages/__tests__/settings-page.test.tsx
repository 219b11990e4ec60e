import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionResponse, User } from '@valeo/contracts';
import { fakeApi, on, type RecordedRequest } from '../../test/fake-api.js';
import { renderWithProviders } from '../../test/render.js';
import { SettingsPage } from '../settings-page.js';

function session(role: SessionResponse['user']['role']): SessionResponse {
  return { user: { id: 'u_me', tenantId: 't1', email: 'me@valeo.example', name: 'Mia Meier', role }, csrfToken: 'csrf-1' };
}

function user(overrides: Partial<User>): User {
  return {
    id: 'u_x', tenantId: 't1', email: 'x@valeo.example', name: 'X', role: 'agent', active: true,
    createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', lastLoginAt: null, ...overrides,
  };
}

const ME = user({ id: 'u_me', email: 'me@valeo.example', name: 'Mia Meier', role: 'admin' });
const AGENT = user({ id: 'u_agent', email: 'anna@valeo.example', name: 'Anna Agentin', role: 'agent' });

function backend(extra: ((request: RecordedRequest) => { status: number; body?: unknown } | undefined)[] = []) {
  const api = fakeApi([
    ...extra,
    on('GET', '/users', () => ({ status: 200, body: { data: [ME, AGENT], nextCursor: null } })),
    on('PATCH', '/users/u_agent', (request) => ({ status: 200, body: { ...AGENT, ...(request.body as object) } })),
    on('POST', '/users', (request) => ({ status: 201, body: user({ id: 'u_new', ...(request.body as object) }) })),
    on('POST', '/auth/password', () => ({ status: 204 })),
  ]);
  api.client.setCsrfToken('csrf-1');
  return api;
}

describe('SettingsPage', () => {
  it('shows a non-admin only their own settings and never asks for the user list', async () => {
    const { client, requests } = backend();
    renderWithProviders(<SettingsPage session={session('agent')} />, { api: client, locale: 'de' });
    expect(screen.getByRole('heading', { name: 'Einstellungen' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mein Konto' })).toBeTruthy();
    expect(screen.getByText('me@valeo.example')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Benutzer' })).toBeNull();
    expect(requests.some((r) => r.url.includes('/users'))).toBe(false);
  });

  it('lets an admin change a role and deactivate a colleague, but not deactivate themselves', async () => {
    const { client, requests } = backend();
    renderWithProviders(<SettingsPage session={session('admin')} />, { api: client });
    const list = await screen.findByRole('list', { name: 'Users' });
    const anna = within(list).getByText('Anna Agentin').closest('li') as HTMLElement;
    const mine = within(list).getByText('Mia Meier').closest('li') as HTMLElement;
    expect(within(mine).getByRole('button', { name: 'Deactivate' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(within(anna).getByRole('combobox', { name: 'Role of Anna Agentin' }), { target: { value: 'supervisor' } });
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    fireEvent.click(within(anna).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => [r.url, r.body])).toEqual([
      ['/api/v1/users/u_agent', { role: 'supervisor' }],
      ['/api/v1/users/u_agent', { active: false }],
    ]);
    expect(patches.every((r) => r.headers['x-csrf-token'] === 'csrf-1')).toBe(true);
  });

  it('resets a colleague\'s password', async () => {
    const { client, requests } = backend();
    renderWithProviders(<SettingsPage session={session('admin')} />, { api: client });
    const list = await screen.findByRole('list', { name: 'Users' });
    const anna = within(list).getByText('Anna Agentin').closest('li') as HTMLElement;
    fireEvent.click(within(anna).getByRole('button', { name: 'Reset password' }));
    const form = within(anna).getByRole('form', { name: 'Reset the password of Anna Agentin' });
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'a fresh long password' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Set new password' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ password: 'a fresh long password' }));
  });

  it('adds a user with a role and an initial password; a taken address is explained', async () => {
    let taken = false;
    const { client, requests } = backend([
      (r) => (r.method === 'POST' && r.url === '/api/v1/users' && taken ? { status: 409, body: { error: { code: 'USER_EMAIL_TAKEN', message: 'taken' } } } : undefined),
    ]);
    renderWithProviders(<SettingsPage session={session('admin')} />, { api: client });
    const form = await screen.findByRole('form', { name: 'Add a user' });
    const submit = within(form).getByRole('button', { name: 'Add user' });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'neu@valeo.example' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Nina Neu' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'viewer' } });
    fireEvent.change(within(form).getByLabelText('Initial password'), { target: { value: 'short' } });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(form).getByLabelText('Initial password'), { target: { value: 'a long initial password' } });
    fireEvent.click(submit);
    await within(form).findByText('Nina Neu was added.');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ email: 'neu@valeo.example', name: 'Nina Neu', role: 'viewer', password: 'a long initial password' });

    taken = true;
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'neu@valeo.example' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Nina Neu' } });
    fireEvent.change(within(form).getByLabelText('Initial password'), { target: { value: 'a long initial password' } });
    fireEvent.click(submit);
    expect((await within(form).findByRole('alert')).textContent).toBe('This email address is already in use.');
  });

  it('changes the own password: the two new ones must match; a wrong current one is explained', async () => {
    let wrong = true;
    const { client, requests } = backend([
      (r) => (r.url === '/api/v1/auth/password' && wrong ? { status: 422, body: { error: { code: 'USER_PASSWORD_WRONG', message: 'wrong' } } } : undefined),
    ]);
    renderWithProviders(<SettingsPage session={session('viewer')} />, { api: client });
    const form = screen.getByRole('form', { name: 'Change password' });
    const submit = within(form).getByRole('button', { name: 'Change password' });
    fireEvent.change(within(form).getByLabelText('Current password'), { target: { value: 'the old password' } });
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'the new password!' } });
    fireEvent.change(within(form).getByLabelText('Repeat the new password'), { target: { value: 'the new passwort!' } });
    expect(within(form).getByText('The two new passwords do not match.')).toBeTruthy();
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(form).getByLabelText('Repeat the new password'), { target: { value: 'the new password!' } });
    fireEvent.click(submit);
    expect((await within(form).findByRole('alert')).textContent).toBe('The current password is wrong.');

    wrong = false;
    fireEvent.click(submit);
    await within(form).findByText('Password changed. Other sessions were signed out.');
    expect(requests.filter((r) => r.url === '/api/v1/auth/password').at(-1)?.body).toEqual({ currentPassword: 'the old password', newPassword: 'the new password!' });
  });
});
