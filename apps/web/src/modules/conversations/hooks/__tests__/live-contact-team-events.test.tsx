import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { AuthUser, ContactDetail, Conversation, Team } from '@valeo/contracts';
import { queryKeys } from '../../../../lib/query-keys.js';
import { FakeEventSource } from '../../../../test/fake-event-source.js';
import { fakeApi, on, type RecordedRequest } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { ContactPanel } from '../../../contacts/components/contact-panel.js';
import { ConversationList } from '../../components/conversation-list.js';
import { applyLiveEvent, useLiveUpdates } from '../use-live-updates.js';

const viewer: AuthUser = { id: 'u_v', tenantId: 't', email: 'viewer@example.com', name: 'Vera', role: 'viewer' };
const vip = { id: 'l_vip', name: 'VIP', color: '#1f8a70', createdAt: '2026-03-01T08:00:00.000Z' };

/** The inbox's live subscription, on a stream the test drives (the element is made once, so `open` stays the same). */
function Live({ open }: { open: () => FakeEventSource }) {
  useLiveUpdates({ openStream: open });
  return null;
}

const contactOf = (conversation: Conversation, overrides: Partial<ContactDetail> = {}): ContactDetail => ({
  id: conversation.contact.id, waId: '4915112345678', profileName: 'Erika Mustermann', lastInboundAt: null, createdAt: '2026-03-01T08:00:00.000Z',
  erpCustomerId: 'K-1', attributes: {}, labels: [], consent: { status: 'unknown', updatedAt: null, source: null }, conversations: [], ...overrides,
});

const count = (requests: RecordedRequest[], url: string) => requests.filter((r) => r.method === 'GET' && r.url.split('?')[0] === `/api/v1${url}`).length;

describe('live contact.updated', () => {
  const conversation = makeConversation();
  const contactId = conversation.contact.id;

  it("refetches the open contact panel when a colleague labels the contact or edits its profile, and only for that contact", async () => {
    let contact = contactOf(conversation);
    const { client, requests } = fakeApi([
      on('GET', `/contacts/${contactId}`, () => ({ status: 200, body: contact })),
      on('GET', `/conversations/${conversation.id}/notes`, () => ({ status: 200, body: { data: [], nextCursor: null } })),
    ]);
    const stream = new FakeEventSource();
    const { queryClient } = renderWithProviders(
      <>
        <Live open={() => stream} />
        <ContactPanel conversation={conversation} user={viewer} onOpenConversation={() => undefined} onClose={() => undefined} />
      </>,
      { api: client },
    );
    stream.open();
    expect(await screen.findByText('K-1')).toBeTruthy();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = count(requests, `/contacts/${contactId}`);

    // A colleague attaches "VIP" and sets the ERP id; the event names the contact, the data comes from the API.
    contact = { ...contact, erpCustomerId: 'K-2', labels: [vip] };
    stream.emit('contact.updated', { tenantId: 't', contactId: 'ct_someone_else', change: 'labels' });
    stream.emit('contact.updated', { tenantId: 't', contactId, change: 'labels' });
    expect(await screen.findByText('VIP')).toBeTruthy();
    expect(screen.getByText('K-2')).toBeTruthy();
    expect(count(requests, `/contacts/${contactId}`)).toBe(before + 1);
  });

  it('invalidates only that contact: conversation rows show the conversation\'s labels, not the contact\'s', () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
    applyLiveEvent(queryClient, { name: 'contact.updated', data: { tenantId: 't', contactId: 'ct_9', change: 'profile' } });
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([queryKeys.contacts.detail('ct_9')]);
  });
});

describe('live team.updated', () => {
  const team = (name: string): Team => ({ id: 'tm_1', name, members: [], createdAt: '2026-03-01T08:00:00.000Z' });

  it('shows a team renamed by a colleague in the conversation rows and the team filter', async () => {
    let name = 'Vertrieb';
    const row = (): Conversation => makeConversation({ id: 'conv_t', team: { id: 'tm_1', name } });
    const { client, requests } = fakeApi([
      on('GET', '/conversations', () => ({ status: 200, body: { data: [row()], nextCursor: null } })),
      on('GET', '/teams', () => ({ status: 200, body: { data: [team(name)] } })),
    ]);
    const stream = new FakeEventSource();
    const { queryClient } = renderWithProviders(
      <>
        <Live open={() => stream} />
        <ConversationList selectedId={null} onSelect={() => undefined} />
      </>,
      { api: client },
    );
    stream.open();
    expect(within(await screen.findByRole('listitem')).getByText('Team Vertrieb')).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Vertrieb' })).toBeTruthy();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const teamsBefore = count(requests, '/teams');

    name = 'Vertrieb Nord';
    stream.emit('team.updated', { tenantId: 't', teamId: 'tm_1', change: 'renamed' });
    expect(await within(screen.getByRole('listitem')).findByText('Team Vertrieb Nord')).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Vertrieb Nord' })).toBeTruthy();
    expect(count(requests, '/teams')).toBe(teamsBefore + 1);
  });

  it('refetches the teams on every change; the conversations too unless a team was only created', () => {
    const keysFor = (change: 'created' | 'renamed' | 'deleted' | 'members') => {
      const queryClient = new QueryClient();
      const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
      applyLiveEvent(queryClient, { name: 'team.updated', data: { tenantId: 't', teamId: 'tm_1', change } });
      return invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    };
    expect(keysFor('created')).toEqual([queryKeys.teams.all]);
    for (const change of ['renamed', 'deleted', 'members'] as const) expect(keysFor(change)).toEqual([queryKeys.teams.all, queryKeys.conversations.all]);
  });
});

describe('live stream (re)connect', () => {
  it('refetches the contact panel and the teams too: nothing missed while offline is replayed', async () => {
    const conversation = makeConversation();
    const { client, requests } = fakeApi([
      on('GET', `/contacts/${conversation.contact.id}`, () => ({ status: 200, body: contactOf(conversation) })),
      on('GET', `/conversations/${conversation.id}/notes`, () => ({ status: 200, body: { data: [], nextCursor: null } })),
      on('GET', '/teams', () => ({ status: 200, body: { data: [] } })),
      on('GET', '/conversations', () => ({ status: 200, body: { data: [conversation], nextCursor: null } })),
    ]);
    const stream = new FakeEventSource();
    const { queryClient } = renderWithProviders(
      <>
        <Live open={() => stream} />
        <ConversationList selectedId={null} onSelect={() => undefined} />
        <ContactPanel conversation={conversation} user={viewer} onOpenConversation={() => undefined} onClose={() => undefined} />
      </>,
      { api: client },
    );
    await screen.findByRole('listitem');
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = [count(requests, `/contacts/${conversation.contact.id}`), count(requests, '/teams')];
    stream.open();
    await waitFor(() => expect([count(requests, `/contacts/${conversation.contact.id}`), count(requests, '/teams')]).toEqual(before.map((n) => n + 1)));
  });
});
