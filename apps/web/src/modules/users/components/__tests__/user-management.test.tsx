import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User, UserPage } from '@valeo/contracts';
import { fakeApi, on, type RecordedRequest } from '../../../../test/fake-api.js';
import { renderWithProviders } from '../../../../test/render.js';
import { UserManagement } from '../user-management.js';

const XSS = '<img src=x onerror=alert(1)>';
const at = '2026-03-01T09:00:00.000Z';
const pad = (n: number) => String(n).padStart(3, '0');

function user(n: number, overrides: Partial<User> = {}): User {
  return {
    id: `u_${pad(n)}`, tenantId: 't1', email: `person${pad(n)}@valeo.example`, name: `Person ${pad(n)}`,
    role: n % 10 === 0 ? 'supervisor' : 'agent', active: n % 25 !== 0, createdAt: at, updatedAt: at, lastLoginAt: null, ...overrides,
  };
}

/** A tenant of `count` users behind a paging, searching `GET /users` like the Hub's (cursor = last id). */
function usersServer(count: number, extra: User[] = []) {
  const all = [...Array.from({ length: count }, (_, i) => user(i + 1)), ...extra];
  return fakeApi([
    on('GET', '/users', (request) => {
      const params = new URL(request.url, 'http://hub').searchParams;
      const q = params.get('q')?.toLowerCase();
      const matches = all.filter((u) =>
        (!q || q.split(/\s+/).every((w) => `${u.name} ${u.email}`.toLowerCase().includes(w)))
        && (!params.get('role') || u.role === params.get('role'))
        && (!params.get('status') || (params.get('status') === 'active') === u.active));
      const after = params.get('cursor');
      const rest = after ? matches.filter((u) => u.id > after) : matches;
      const limit = Number(params.get('limit'));
      const data = rest.slice(0, limit);
      const body: UserPage = { data, nextCursor: rest.length > limit ? (data.at(-1)?.id ?? null) : null };
      return { status: 200, body };
    }),
  ]);
}

const userRequests = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/users')).map((r) => r.url);
const rowNames = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.querySelector('.user-name')?.firstChild?.textContent);

describe('UserManagement: more users than one page', () => {
  it('loads the next page with the cursor until every user is listed, once each', async () => {
    const { client, requests } = usersServer(120);
    renderWithProviders(<UserManagement currentUserId="u_001" />, { api: client });
    const list = await screen.findByRole('list', { name: 'Users' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(50);
    expect(screen.getByText('50 shown')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(100));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(120));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    const names = rowNames(list);
    expect(new Set(names).size).toBe(120);
    expect(names.at(-1)).toBe('Person 120');
    expect(userRequests(requests)).toEqual([
      '/api/v1/users?limit=50',
      '/api/v1/users?limit=50&cursor=u_050',
      '/api/v1/users?limit=50&cursor=u_100',
    ]);
  });

  it('searches by name or e-mail once typing pauses, and finds a user far beyond the first page', async () => {
    const { client, requests } = usersServer(250);
    renderWithProviders(<UserManagement currentUserId="u_001" />, { api: client });
    const list = await screen.findByRole('list', { name: 'Users' });
    const search = screen.getByRole('searchbox', { name: 'Search users' });
    fireEvent.change(search, { target: { value: 'Pers' } });
    fireEvent.change(search, { target: { value: 'Person 230 ' } });
    await waitFor(() => expect(rowNames(list)).toEqual(['Person 230']));
    // One request for what was typed once it settled, trimmed; none for the keystrokes in between.
    expect(userRequests(requests)).toEqual(['/api/v1/users?limit=50', '/api/v1/users?q=Person+230&limit=50']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    fireEvent.change(search, { target: { value: 'nobody' } });
    expect(await screen.findByText('No user matches the search.')).toBeTruthy();
    fireEvent.change(search, { target: { value: '' } });
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Users' })).getAllByRole('listitem')).toHaveLength(50));
  });

  it('filters by role and status; the pages follow the filter', async () => {
    const { client, requests } = usersServer(250);
    renderWithProviders(<UserManagement currentUserId="u_001" />, { api: client, locale: 'de' });
    const list = await screen.findByRole('list', { name: 'Benutzer' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Nach Rolle filtern' }), { target: { value: 'supervisor' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Nach Status filtern' }), { target: { value: 'deactivated' } });
    await waitFor(() => expect(rowNames(list)).toEqual(['Person 050', 'Person 100', 'Person 150', 'Person 200', 'Person 250']));
    expect(userRequests(requests).at(-1)).toBe('/api/v1/users?role=supervisor&status=deactivated&limit=50');
    expect(screen.queryByRole('button', { name: 'Weitere laden' })).toBeNull();

    fireEvent.change(screen.getByRole('combobox', { name: 'Nach Status filtern' }), { target: { value: 'active' } });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(20));
    expect(screen.getByText('20 angezeigt')).toBeTruthy();
  });

  it('shows names and addresses as text, never as markup', async () => {
    const { client } = usersServer(1, [user(2, { name: XSS, email: `${XSS}@x` })]);
    const { container } = renderWithProviders(<UserManagement currentUserId="u_001" />, { api: client });
    expect(await screen.findByText(XSS)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});
