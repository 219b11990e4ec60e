import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Assignee, AssigneeList, AuthUser, Team } from '@valeo/contracts';
import { fakeApi, on, type RecordedRequest, type Route } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { TeamSettings } from '../../../teams/components/team-settings.js';
import { AssignControl } from '../assign-control.js';

const sara: AuthUser = { id: 'u_sara', tenantId: 't', email: 'sara@example.com', name: 'Sara Supervisor', role: 'supervisor' };
const pad = (n: number) => String(n).padStart(3, '0');
const people = (count: number): Assignee[] => Array.from({ length: count }, (_, i) => ({ id: `u_${pad(i + 1)}`, name: `Agent ${pad(i + 1)}`, role: 'agent', online: i === 0 }));

/** `GET /assignees` like the Hub's: name search, pages of `limit`. */
function assigneesRoute(all: Assignee[]): Route {
  return on('GET', '/assignees', (request) => {
    const params = new URL(request.url, 'http://hub').searchParams;
    const words = (params.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches = all.filter((p) => words.every((w) => p.name.toLowerCase().includes(w)));
    const limit = Number(params.get('limit') ?? matches.length);
    const body: AssigneeList = { data: matches.slice(0, limit), nextCursor: matches.length > limit ? 'next' : null };
    return { status: 200, body };
  });
}
const assigneeUrls = (requests: RecordedRequest[]) => requests.filter((r) => r.url.startsWith('/api/v1/assignees')).map((r) => r.url);
const optionLabels = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent);

describe('assignee picker with more people than one page', () => {
  it('offers a search that finds someone beyond the first page; picking them assigns', async () => {
    const c = makeConversation({ id: 'c1', assignee: null });
    const { client, requests } = fakeApi([
      assigneesRoute(people(180)),
      on('POST', '/conversations/c1/assignment', (r) => ({ status: 200, body: { ...c, assignee: { id: (r.body as { userId: string }).userId, name: 'Agent 170' } } })),
    ]);
    renderWithProviders(<AssignControl conversation={c} user={sara} />, { api: client });
    const select = await screen.findByRole('combobox', { name: 'Assigned to' });
    await waitFor(() => expect(optionLabels(select)).toHaveLength(52));
    expect(optionLabels(select).at(-1)).toBe('More people: type a name');
    expect(optionLabels(select)).not.toContain('Agent 170');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search a person to assign' }), { target: { value: 'agent 170' } });
    await waitFor(() => expect(optionLabels(select)).toEqual(['Unassigned', 'Agent 170']));
    expect(assigneeUrls(requests)).toEqual(['/api/v1/assignees?limit=50', '/api/v1/assignees?q=agent+170&limit=50']);
    fireEvent.change(select, { target: { value: 'u_170' } });
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ userId: 'u_170' }));

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search a person to assign' }), { target: { value: 'zzz' } });
    await waitFor(() => expect(optionLabels(select)).toEqual(['Unassigned', 'Nobody found']));
  });

  it('keeps the current assignee selectable while a search does not show them', async () => {
    const c = makeConversation({ id: 'c2', assignee: { id: 'u_003', name: 'Agent 003' } });
    const { client } = fakeApi([assigneesRoute(people(120))]);
    renderWithProviders(<AssignControl conversation={c} user={sara} />, { api: client, locale: 'de' });
    const select = await screen.findByRole('combobox', { name: 'Zugewiesen an' });
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Person zum Zuweisen suchen' }), { target: { value: '117' } });
    await waitFor(() => expect(optionLabels(select)).toEqual(['Nicht zugewiesen', 'Agent 003', 'Agent 117']));
    expect((select as HTMLSelectElement).value).toBe('u_003');
  });

  it('shows no search box to a small team', async () => {
    const { client } = fakeApi([assigneesRoute(people(5))]);
    renderWithProviders(<AssignControl conversation={makeConversation({ id: 'c3' })} user={sara} />, { api: client });
    const select = await screen.findByRole('combobox', { name: 'Assigned to' });
    await waitFor(() => expect(optionLabels(select)).toHaveLength(6));
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

describe('team member picker with more people than one page', () => {
  it('searches people and adds one who was not on the first page', async () => {
    const team: Team = { id: 'tm_1', name: 'Vertrieb', members: [{ id: 'u_001', name: 'Agent 001' }], createdAt: '2026-03-01T08:00:00.000Z' };
    const { client, requests } = fakeApi([
      on('GET', '/teams', () => ({ status: 200, body: { data: [team] } })),
      assigneesRoute(people(150)),
      on('PUT', /^\/teams\/tm_1\/members\//, () => ({ status: 200, body: team })),
    ]);
    renderWithProviders(<TeamSettings />, { api: client });
    const select = await screen.findByRole('combobox', { name: 'Add a member to “Vertrieb”' });
    await waitFor(() => expect(optionLabels(select).at(-1)).toBe('More people: type a name'));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search people for “Vertrieb”' }), { target: { value: 'Agent 14' } });
    await waitFor(() => expect(optionLabels(select)).toContain('Agent 149'));
    expect(optionLabels(select)).not.toContain('Agent 001');
    fireEvent.change(select, { target: { value: 'u_149' } });
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT').map((r) => r.url)).toEqual(['/api/v1/teams/tm_1/members/u_149']));
  });
});
