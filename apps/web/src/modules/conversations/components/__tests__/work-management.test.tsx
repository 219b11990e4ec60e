import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Assignee, AuthUser, Conversation } from '@valeo/contracts';
import { queryKeys } from '../../../../lib/query-keys.js';
import { fakeApi, on, type RecordedRequest } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders, testQueryClient } from '../../../../test/render.js';
import { applyLiveEvent } from '../../hooks/use-live-updates.js';
import { AutoAssignmentSettings } from '../auto-assignment-settings.js';
import { ChatView } from '../chat-view.js';
import { ConversationList } from '../conversation-list.js';

const anna: AuthUser = { id: 'u_anna', tenantId: 't', email: 'anna@example.com', name: 'Anna Agent', role: 'agent' };
const sara: AuthUser = { id: 'u_sara', tenantId: 't', email: 'sara@example.com', name: 'Sara Supervisor', role: 'supervisor' };
const vera: AuthUser = { id: 'u_vera', tenantId: 't', email: 'vera@example.com', name: 'Vera Viewer', role: 'viewer' };
const assignees: Assignee[] = [
  { id: anna.id, name: anna.name, role: 'agent', online: true },
  { id: 'u_bert', name: 'Bert', role: 'agent', online: false },
];
const channel = (id: string, name: string) => ({ id, name, provider: 'cloud-api', phoneNumberId: '1', wabaId: '2', displayPhoneNumber: `+49 ${id}`, graphBaseUrl: null, graphApiVersion: null, sandbox: true, accessTokenHint: '…abcd', createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' });

/** A tiny in-memory server for one conversation: the answers follow the requests. */
function server(initial: Conversation) {
  let conversation = initial;
  const answer = (changes: Partial<Conversation>) => {
    conversation = { ...conversation, ...changes };
    return { status: 200, body: conversation };
  };
  const assign = (request: RecordedRequest) => {
    const userId = (request.body as { userId: string | null }).userId;
    const person = assignees.find((a) => a.id === userId);
    return answer({ assignee: person ? { id: person.id, name: person.name } : null });
  };
  return fakeApi([
    on('GET', `/conversations/${initial.id}`, () => ({ status: 200, body: conversation })),
    on('GET', '/conversations', () => ({ status: 200, body: { data: [conversation], nextCursor: null } })),
    on('GET', /^\/conversations\/[^/]+\/messages/, () => ({ status: 200, body: { data: [], nextCursor: null } })),
    on('GET', '/assignees', () => ({ status: 200, body: { data: assignees } })),
    on('GET', '/channels', () => ({ status: 200, body: { data: [], nextCursor: null } })),
    on('POST', `/conversations/${initial.id}/assignment`, assign),
    on('POST', `/conversations/${initial.id}/close`, () => answer({ status: 'closed' })),
    on('POST', `/conversations/${initial.id}/reopen`, () => answer({ status: 'open' })),
    on('POST', `/conversations/${initial.id}/read`, () => answer({ unreadCount: 0 })),
  ]);
}

const posts = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'POST').map((r) => [r.url.replace('/api/v1', ''), r.body]);

describe('conversation list filters', () => {
  it('asks the server for Mine / Unassigned / All, open or closed, and one number', async () => {
    const c = makeConversation({ assignee: { id: anna.id, name: 'Anna Agent' } });
    const { client, requests } = fakeApi([
      on('GET', '/conversations', () => ({ status: 200, body: { data: [c], nextCursor: null } })),
      on('GET', '/channels', () => ({ status: 200, body: { data: [channel('ch_1', 'Vertrieb'), channel('ch_2', 'Service')], nextCursor: null } })),
    ]);
    renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client });
    expect((await screen.findByRole('listitem')).textContent).toContain('With Anna Agent');
    const listUrls = () => requests.map((r) => r.url).filter((u) => u.startsWith('/api/v1/conversations'));
    expect(listUrls()).toEqual(['/api/v1/conversations?status=open&limit=50']);
    fireEvent.click(screen.getByRole('button', { name: 'Mine' }));
    expect(screen.getByRole('button', { name: 'Mine' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(listUrls()).toContain('/api/v1/conversations?status=open&assignee=me&limit=50'));
    fireEvent.click(screen.getByRole('button', { name: 'Closed' }));
    await waitFor(() => expect(listUrls()).toContain('/api/v1/conversations?status=closed&assignee=me&limit=50'));
    fireEvent.click(screen.getByRole('button', { name: 'Unassigned' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Number' }), { target: { value: 'ch_2' } });
    await waitFor(() => expect(listUrls()).toContain('/api/v1/conversations?status=closed&assignee=unassigned&channelId=ch_2&limit=50'));
  });

  it('shows unassigned conversations as such, in German too', async () => {
    const { client } = fakeApi([
      on('GET', '/conversations', () => ({ status: 200, body: { data: [makeConversation()], nextCursor: null } })),
      on('GET', '/channels', () => ({ status: 200, body: { data: [], nextCursor: null } })),
    ]);
    renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client, locale: 'de' });
    expect((await screen.findByRole('listitem')).textContent).toContain('Nicht zugewiesen');
    expect(screen.getByRole('button', { name: 'Meine' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Geschlossen' })).toBeTruthy();
    // One number only: no channel select to clutter the list.
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});

describe('chat header: assign, close/reopen, read', () => {
  it('a supervisor assigns anyone from the list (online people marked) and unassigns', async () => {
    const conversation = makeConversation({ id: 'conv_s' });
    const { client, requests } = server(conversation);
    renderWithProviders(<ChatView conversationId="conv_s" onBack={() => undefined} user={sara} />, { api: client });
    const select = await screen.findByRole('combobox', { name: 'Assigned to' });
    await screen.findByRole('option', { name: 'Anna Agent (online)' });
    expect(within(select).getByRole('option', { name: 'Bert' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 'u_bert' } });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('u_bert'));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe(''));
    expect(posts(requests)).toEqual([
      ['/conversations/conv_s/assignment', { userId: 'u_bert' }],
      ['/conversations/conv_s/assignment', { userId: null }],
    ]);
  });

  it('an agent takes a conversation and gives it back; closes and reopens it', async () => {
    const { client, requests } = server(makeConversation({ id: 'conv_a' }));
    renderWithProviders(<ChatView conversationId="conv_a" onBack={() => undefined} user={anna} />, { api: client });
    fireEvent.click(await screen.findByRole('button', { name: 'Take' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Give back' }));
    await screen.findByRole('button', { name: 'Take' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen' }));
    await screen.findByRole('button', { name: 'Close' });
    expect(posts(requests)).toEqual([
      ['/conversations/conv_a/assignment', { userId: anna.id }],
      ['/conversations/conv_a/assignment', { userId: null }],
      ['/conversations/conv_a/close', undefined],
      ['/conversations/conv_a/reopen', undefined],
    ]);
    expect(screen.queryByRole('combobox', { name: 'Assigned to' })).toBeNull();
  });

  it('a viewer sees who has it, but no controls, and opening does not mark it read', async () => {
    const { client, requests } = server(makeConversation({ id: 'conv_v', unreadCount: 2, assignee: { id: 'u_bert', name: 'Bert' } }));
    renderWithProviders(<ChatView conversationId="conv_v" onBack={() => undefined} user={vera} />, { api: client });
    expect(await screen.findByText('With Bert')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Take' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(posts(requests)).toEqual([]);
  });

  it('opening a conversation marks it read once, and the list badge resets', async () => {
    const conversation = makeConversation({ id: 'conv_r', unreadCount: 3 });
    const { client, requests } = server(conversation);
    const queryClient = testQueryClient();
    const { rerender } = renderWithProviders(<ConversationList selectedId={null} onSelect={() => undefined} />, { api: client, queryClient });
    expect(await screen.findByLabelText('3 unread')).toBeTruthy();
    rerender(
      <>
        <ConversationList selectedId="conv_r" onSelect={() => undefined} />
        <ChatView conversationId="conv_r" onBack={() => undefined} user={anna} />
      </>,
    );
    await waitFor(() => expect(screen.queryByLabelText('3 unread')).toBeNull());
    expect(posts(requests)).toEqual([['/conversations/conv_r/read', undefined]]);
  });

  it('shows an error when the server refuses, without retrying in a loop', async () => {
    const conversation = makeConversation({ id: 'conv_x', unreadCount: 1 });
    const { client, requests } = fakeApi([
      on('GET', '/conversations/conv_x', () => ({ status: 200, body: conversation })),
      on('GET', /^\/conversations\/conv_x\/messages/, () => ({ status: 200, body: { data: [], nextCursor: null } })),
      on('POST', /^\/conversations\/conv_x\//, () => ({ status: 403, body: { error: { code: 'ASSIGNMENT_FORBIDDEN', message: 'no' } } })),
    ]);
    renderWithProviders(<ChatView conversationId="conv_x" onBack={() => undefined} user={anna} />, { api: client });
    fireEvent.click(await screen.findByRole('button', { name: 'Take' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(posts(requests).filter(([url]) => url === '/conversations/conv_x/read')).toHaveLength(1);
  });
});

describe('live conversation.updated', () => {
  it('refreshes the conversations (lists and the open one), not the messages', () => {
    const queryClient = testQueryClient();
    queryClient.setQueryData(queryKeys.conversations.detail('conv_1'), makeConversation({ id: 'conv_1' }));
    queryClient.setQueryData(queryKeys.messages.list('conv_1'), { pages: [] });
    applyLiveEvent(queryClient, { name: 'conversation.updated', data: { tenantId: 't', conversationId: 'conv_1', channelId: 'ch_1', change: 'assigned' } });
    expect(queryClient.getQueryState(queryKeys.conversations.detail('conv_1'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.messages.list('conv_1'))?.isInvalidated).toBe(false);
  });
});

describe('auto-assignment settings', () => {
  it('switches round-robin assignment per number', async () => {
    const state: Record<string, boolean> = { ch_1: false, ch_2: true };
    const { client, requests } = fakeApi([
      on('GET', '/channels', () => ({ status: 200, body: { data: [channel('ch_1', 'Vertrieb'), channel('ch_2', 'Service')], nextCursor: null } })),
      on('GET', /^\/channels\/(ch_\d)\/auto-assignment$/, (r) => {
        const id = /ch_\d/.exec(r.url)?.[0] ?? '';
        return { status: 200, body: { channelId: id, enabled: state[id] } };
      }),
      on('PUT', /^\/channels\/ch_1\/auto-assignment$/, (r) => {
        state['ch_1'] = (r.body as { enabled: boolean }).enabled;
        return { status: 200, body: { channelId: 'ch_1', enabled: state['ch_1'] } };
      }),
    ]);
    renderWithProviders(<AutoAssignmentSettings />, { api: client, locale: 'de' });
    expect(await screen.findByRole('heading', { name: 'Automatische Zuweisung' })).toBeTruthy();
    const vertrieb = await screen.findByRole('checkbox', { name: 'Vertrieb (+49 ch_1)' });
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Service (+49 ch_2)' }) as HTMLInputElement).checked).toBe(true));
    expect((vertrieb as HTMLInputElement).checked).toBe(false);
    fireEvent.click(vertrieb);
    await waitFor(() => expect((vertrieb as HTMLInputElement).checked).toBe(true));
    expect(requests.filter((r) => r.method === 'PUT').map((r) => [r.url, r.body])).toEqual([['/api/v1/channels/ch_1/auto-assignment', { enabled: true }]]);
  });
});
