import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuthUser, Conversation, Team } from '@valeo/contracts';
import { fakeApi, on, type RecordedRequest } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { AutoAssignmentSettings } from '../../../conversations/components/auto-assignment-settings.js';
import { ConversationList } from '../../../conversations/components/conversation-list.js';
import { TeamControl } from '../team-control.js';
import { TeamSettings } from '../team-settings.js';

const anna: AuthUser = { id: 'u_anna', tenantId: 't', email: 'anna@example.com', name: 'Anna Agent', role: 'agent' };
const sara: AuthUser = { id: 'u_sara', tenantId: 't', email: 'sara@example.com', name: 'Sara Supervisor', role: 'supervisor' };
const vera: AuthUser = { id: 'u_vera', tenantId: 't', email: 'vera@example.com', name: 'Vera Viewer', role: 'viewer' };
const XSS = '<img src=x onerror=alert(1)>';
const at = '2026-03-01T08:00:00.000Z';
const team = (id: string, name: string, memberIds: string[] = []): Team => ({ id, name, members: memberIds.map((m) => ({ id: m, name: m === anna.id ? anna.name : m })), createdAt: at });
const TEAMS = [team('tm_sales', 'Vertrieb', [anna.id]), team('tm_service', 'Kundendienst'), team('tm_x', XSS)];

/** One conversation and the tenant's teams; POST /team answers the moved conversation. */
function teamServer(initial: Conversation) {
  let conversation = initial;
  return fakeApi([
    on('GET', '/teams', () => ({ status: 200, body: { data: TEAMS } })),
    on('POST', `/conversations/${initial.id}/team`, (r) => {
      const teamId = (r.body as { teamId: string | null }).teamId;
      const found = TEAMS.find((x) => x.id === teamId);
      conversation = { ...conversation, team: found ? { id: found.id, name: found.name } : null };
      return { status: 200, body: conversation };
    }),
  ]);
}
const posts = (requests: RecordedRequest[]) => requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.url.replace('/api/v1', ''), r.body]);

describe('TeamControl (chat header)', () => {
  it('lets a supervisor pick any team or none; the names are text', async () => {
    const c = makeConversation({ id: 'c1' });
    const { client, requests } = teamServer(c);
    const { container } = renderWithProviders(<TeamControl conversation={c} user={sara} />, { api: client });
    const select = await screen.findByRole('combobox', { name: 'Team' });
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['No team', 'Vertrieb', 'Kundendienst', XSS]));
    expect(container.querySelector('img')).toBeNull();
    fireEvent.change(select, { target: { value: 'tm_service' } });
    await waitFor(() => expect(posts(requests)).toEqual([['POST', '/conversations/c1/team', { teamId: 'tm_service' }]]));
  });

  it('offers an agent only his own teams, and nothing to pick while the conversation is in another team', async () => {
    const free = makeConversation({ id: 'c2' });
    const { client } = teamServer(free);
    const first = renderWithProviders(<TeamControl conversation={free} user={anna} />, { api: client, locale: 'de' });
    const select = await screen.findByRole('combobox', { name: 'Team' });
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Kein Team', 'Vertrieb']));
    first.unmount();

    const elsewhere = makeConversation({ id: 'c3', team: { id: 'tm_service', name: 'Kundendienst' } });
    renderWithProviders(<TeamControl conversation={elsewhere} user={anna} />, { api: teamServer(elsewhere).client, locale: 'de' });
    await waitFor(() => expect(screen.queryByRole('combobox')).toBeNull());
    expect(screen.getByText('Team Kundendienst')).toBeTruthy();
  });

  it('shows a viewer the team as text only', async () => {
    const c = makeConversation({ team: { id: 'tm_sales', name: 'Vertrieb' } });
    renderWithProviders(<TeamControl conversation={c} user={vera} />, { api: teamServer(c).client });
    expect(await screen.findByText('Team Vertrieb')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});

describe('conversation list and teams', () => {
  it('shows the team on a list item and filters by my teams or one team', async () => {
    const c = makeConversation({ team: { id: 'tm_sales', name: 'Vertrieb' } });
    const { client, requests } = fakeApi([
      on('GET', '/conversations', () => ({ status: 200, body: { data: [c], nextCursor: null } })),
      on('GET', '/channels', () => ({ status: 200, body: { data: [], nextCursor: null } })),
      on('GET', '/teams', () => ({ status: 200, body: { data: TEAMS } })),
    ]);
    renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client });
    expect((await screen.findByRole('listitem')).textContent).toContain('Team Vertrieb');
    const listUrls = () => requests.map((r) => r.url).filter((u) => u.startsWith('/api/v1/conversations'));
    const filter = await screen.findByRole('combobox', { name: 'Team' });
    fireEvent.change(filter, { target: { value: 'mine' } });
    await waitFor(() => expect(listUrls()).toContain('/api/v1/conversations?status=open&team=mine&limit=50'));
    fireEvent.change(filter, { target: { value: 'tm_service' } });
    await waitFor(() => expect(listUrls()).toContain('/api/v1/conversations?status=open&team=tm_service&limit=50'));
  });
});

describe('channel default team (settings)', () => {
  it('sets the team for new conversations of a number next to its auto-assignment switch', async () => {
    const channel = { id: 'ch_1', name: 'Service', provider: 'cloud-api', phoneNumberId: '1', wabaId: '2', displayPhoneNumber: '+49 1', graphBaseUrl: null, graphApiVersion: null, sandbox: true, accessTokenHint: '…abcd', createdAt: at, updatedAt: at };
    let setting = { channelId: 'ch_1', enabled: false, defaultTeamId: null as string | null };
    const { client, requests } = fakeApi([
      on('GET', '/channels', () => ({ status: 200, body: { data: [channel], nextCursor: null } })),
      on('GET', '/teams', () => ({ status: 200, body: { data: TEAMS } })),
      on('GET', '/channels/ch_1/auto-assignment', () => ({ status: 200, body: setting })),
      on('PUT', '/channels/ch_1/auto-assignment', (r) => {
        setting = { ...setting, ...(r.body as object) };
        return { status: 200, body: setting };
      }),
    ]);
    renderWithProviders(<AutoAssignmentSettings />, { api: client });
    const select = await screen.findByRole('combobox', { name: 'Team for new conversations of Service' });
    fireEvent.change(select, { target: { value: 'tm_sales' } });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('tm_sales'));
    expect(posts(requests)).toEqual([['PUT', '/channels/ch_1/auto-assignment', { enabled: false, defaultTeamId: 'tm_sales' }]]);
  });
});

describe('TeamSettings', () => {
  it('creates a team (a taken name says so), renames one, adds and removes members, deletes after confirming', async () => {
    let teams: Team[] = [team('tm_1', 'Vertrieb', [anna.id])];
    const { client, requests } = fakeApi([
      on('GET', '/teams', () => ({ status: 200, body: { data: teams } })),
      on('GET', '/assignees', () => ({ status: 200, body: { data: [{ id: anna.id, name: anna.name, role: 'agent', online: true }, { id: 'u_bert', name: 'Bert', role: 'agent', online: false }] } })),
      on('POST', '/teams', (r) => {
        const name = (r.body as { name: string }).name;
        if (teams.some((x) => x.name.toLowerCase() === name.toLowerCase())) return { status: 409, body: { error: { code: 'TEAM_NAME_TAKEN', message: 'taken' } } };
        teams = [...teams, team(`tm_${teams.length + 1}`, name)];
        return { status: 201, body: teams.at(-1) };
      }),
      on('PATCH', /^\/teams\/[^/]+$/, (r) => {
        teams = teams.map((x) => (r.url.endsWith(x.id) ? { ...x, name: (r.body as { name: string }).name } : x));
        return { status: 200, body: teams[0] };
      }),
      on('PUT', /^\/teams\/[^/]+\/members\//, () => {
        teams = teams.map((x) => (x.id === 'tm_1' ? { ...x, members: [...x.members, { id: 'u_bert', name: 'Bert' }] } : x));
        return { status: 200, body: teams[0] };
      }),
      on('DELETE', /^\/teams\/[^/]+\/members\//, () => {
        teams = teams.map((x) => (x.id === 'tm_1' ? { ...x, members: x.members.filter((m) => m.id !== anna.id) } : x));
        return { status: 200, body: teams[0] };
      }),
      on('DELETE', /^\/teams\/[^/]+$/, (r) => {
        teams = teams.filter((x) => !r.url.endsWith(x.id));
        return { status: 204 };
      }),
    ]);
    renderWithProviders(<TeamSettings />, { api: client, locale: 'de' });
    expect(await screen.findByText('Vertrieb')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Teamname' }), { target: { value: 'vertrieb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Team anlegen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ein Team mit diesem Namen gibt es schon.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Teamname' }), { target: { value: 'Technik' } });
    fireEvent.click(screen.getByRole('button', { name: 'Team anlegen' }));
    expect(await screen.findByText('Technik')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Team „Vertrieb“ umbenennen' }));
    const rename = screen.getAllByRole('textbox', { name: 'Teamname' })[0] as HTMLElement;
    fireEvent.change(rename, { target: { value: 'Verkauf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Verkauf')).toBeTruthy();

    fireEvent.change(await screen.findByRole('combobox', { name: 'Mitglied zu „Verkauf“ hinzufügen' }), { target: { value: 'u_bert' } });
    await screen.findByRole('button', { name: 'Bert aus „Verkauf“ entfernen' });
    fireEvent.click(screen.getByRole('button', { name: 'Anna Agent aus „Verkauf“ entfernen' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Anna Agent aus „Verkauf“ entfernen' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Team „Technik“ löschen' }));
    fireEvent.click(screen.getByRole('button', { name: '„Technik“ wirklich löschen' }));
    await waitFor(() => expect(screen.queryByText('Technik')).toBeNull());
    expect(posts(requests)).toEqual([
      ['POST', '/teams', { name: 'vertrieb' }],
      ['POST', '/teams', { name: 'Technik' }],
      ['PATCH', '/teams/tm_1', { name: 'Verkauf' }],
      ['PUT', '/teams/tm_1/members/u_bert', undefined],
      ['DELETE', `/teams/tm_1/members/${anna.id}`, undefined],
      ['DELETE', '/teams/tm_2', undefined],
    ]);
  });
});
