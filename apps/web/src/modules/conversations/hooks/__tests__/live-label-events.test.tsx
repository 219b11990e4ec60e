import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { AuthUser, ContactDetail, Conversation, Label, RealtimeEvent } from '@valeo/contracts';
import { queryKeys } from '../../../../lib/query-keys.js';
import { FakeEventSource } from '../../../../test/fake-event-source.js';
import { fakeApi, on, type RecordedRequest } from '../../../../test/fake-api.js';
import { makeConversation } from '../../../../test/factories.js';
import { renderWithProviders } from '../../../../test/render.js';
import { ContactPanel } from '../../../contacts/components/contact-panel.js';
import { ConversationList } from '../../components/conversation-list.js';
import { applyLiveEvent, useLiveUpdates } from '../use-live-updates.js';

const viewer: AuthUser = { id: 'u_v', tenantId: 't', email: 'viewer@example.com', name: 'Vera', role: 'viewer' };
const label = (name: string, color = '#1f8a70'): Label => ({ id: 'l_vip', name, color, createdAt: '2026-03-01T08:00:00.000Z' });

/** The inbox's live subscription on a stream the test drives. */
function Live({ stream }: { stream: FakeEventSource }) {
  useLiveUpdates({ openStream: () => stream });
  return null;
}

function contactFor(conversation: Conversation, labels: Label[], conversations: ContactDetail['conversations']): ContactDetail {
  return {
    id: conversation.contact.id, waId: '4915112345678', profileName: 'Erika Mustermann', lastInboundAt: null, createdAt: '2026-03-01T08:00:00.000Z',
    erpCustomerId: null, attributes: {}, labels, consent: { status: 'unknown', updatedAt: null, source: null }, conversations,
  };
}

const gets = (requests: RecordedRequest[], url: string) => requests.filter((r) => r.method === 'GET' && r.url.split('?')[0] === `/api/v1${url}`).length;

/** The keys applyLiveEvent invalidates for `event`, with `contacts` in the cache. */
function invalidatedBy(event: RealtimeEvent, contacts: ContactDetail[] = []): unknown[] {
  const queryClient = new QueryClient();
  for (const contact of contacts) queryClient.setQueryData(queryKeys.contacts.detail(contact.id), contact);
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
  applyLiveEvent(queryClient, event);
  return invalidate.mock.calls.map(([filters]) => filters?.queryKey);
}

describe('live label.updated', () => {
  it('shows a label renamed by a colleague in the conversation rows, the label filter and the contact panel', async () => {
    let vip = label('VIP');
    const conversation = makeConversation();
    const { client, requests } = fakeApi([
      on('GET', '/conversations', () => ({ status: 200, body: { data: [{ ...conversation, labels: [vip] }], nextCursor: null } })),
      on('GET', '/labels', () => ({ status: 200, body: { data: [vip] } })),
      on('GET', `/contacts/${conversation.contact.id}`, () => ({ status: 200, body: contactFor(conversation, [vip], []) })),
      on('GET', `/conversations/${conversation.id}/notes`, () => ({ status: 200, body: { data: [], nextCursor: null } })),
    ]);
    const stream = new FakeEventSource();
    const { queryClient } = renderWithProviders(
      <>
        <Live stream={stream} />
        <ConversationList selectedId={null} onSelect={() => undefined} />
        <ContactPanel conversation={conversation} user={viewer} onOpenConversation={() => undefined} onClose={() => undefined} />
      </>,
      { api: client },
    );
    stream.open();
    expect(await within(await screen.findByRole('listitem')).findByText('VIP')).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'VIP' })).toBeTruthy();
    expect(await within(screen.getByRole('region', { name: 'Contact' })).findByText('VIP')).toBeTruthy();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = [gets(requests, '/labels'), gets(requests, `/contacts/${conversation.contact.id}`)];

    vip = label('VIP Gold', '#aa0000');
    stream.emit('label.updated', { tenantId: 't', labelId: vip.id, change: 'updated' });
    expect(await within(screen.getByRole('listitem')).findByText('VIP Gold')).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'VIP Gold' })).toBeTruthy();
    expect(await within(screen.getByRole('region', { name: 'Contact' })).findByText('VIP Gold')).toBeTruthy();
    expect([gets(requests, '/labels'), gets(requests, `/contacts/${conversation.contact.id}`)]).toEqual(before.map((n) => n + 1));
  });

  it('refetches the labels on every change; the conversations and the contacts carrying it unless it was only created', () => {
    const carrier = contactFor(makeConversation(), [label('VIP')], []);
    const bystander = contactFor(makeConversation(), [], []);
    const keysFor = (change: 'created' | 'updated' | 'deleted') =>
      invalidatedBy({ name: 'label.updated', data: { tenantId: 't', labelId: 'l_vip', change } }, [carrier, bystander]);
    expect(keysFor('created')).toEqual([queryKeys.labels.all]);
    for (const change of ['updated', 'deleted'] as const) {
      expect(keysFor(change)).toEqual([queryKeys.labels.all, queryKeys.conversations.all, queryKeys.contacts.detail(carrier.id)]);
    }
  });

  it('refetches the labels after a (re)connect: a change missed while offline is not replayed', async () => {
    const { client, requests } = fakeApi([
      on('GET', '/conversations', () => ({ status: 200, body: { data: [makeConversation()], nextCursor: null } })),
      on('GET', '/labels', () => ({ status: 200, body: { data: [label('VIP')] } })),
    ]);
    const stream = new FakeEventSource();
    const { queryClient } = renderWithProviders(
      <>
        <Live stream={stream} />
        <ConversationList selectedId={null} onSelect={() => undefined} />
      </>,
      { api: client },
    );
    expect(await screen.findByRole('option', { name: 'VIP' })).toBeTruthy();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = gets(requests, '/labels');
    stream.open();
    await waitFor(() => expect(gets(requests, '/labels')).toBe(before + 1));
  });
});

describe("live updates of the contact panel's conversations", () => {
  const current = makeConversation();
  const listed = (status: 'open' | 'closed', preview: string): ContactDetail['conversations'] => [
    { id: current.id, channelId: 'ch_1', status: 'open', lastMessageAt: '2026-03-02T10:00:00.000Z', lastMessagePreview: 'Hallo' },
    { id: 'conv_other_number', channelId: 'ch_2', status, lastMessageAt: '2026-02-01T10:00:00.000Z', lastMessagePreview: preview },
  ];

  it('refetches the panel when a colleague reopens one of its conversations, not for other conversations or changes', async () => {
    let contact = contactFor(current, [], listed('closed', 'Alte Bestellung'));
    const { client, requests } = fakeApi([
      on('GET', `/contacts/${current.contact.id}`, () => ({ status: 200, body: contact })),
      on('GET', `/conversations/${current.id}/notes`, () => ({ status: 200, body: { data: [], nextCursor: null } })),
    ]);
    const stream = new FakeEventSource();
    const { queryClient } = renderWithProviders(
      <>
        <Live stream={stream} />
        <ContactPanel conversation={current} user={viewer} onOpenConversation={() => undefined} onClose={() => undefined} />
      </>,
      { api: client },
    );
    stream.open();
    expect(within(await screen.findByRole('button', { name: /Alte Bestellung/ })).getByText(/Closed/)).toBeTruthy();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = gets(requests, `/contacts/${current.contact.id}`);

    contact = { ...contact, conversations: listed('open', 'Alte Bestellung') };
    const updated = (conversationId: string, change: string) => ({ tenantId: 't', conversationId, channelId: 'ch_2', change });
    // Another contact's conversation, and changes the list does not show: no request.
    stream.emit('conversation.updated', updated('conv_someone_else', 'closed'));
    stream.emit('conversation.updated', updated('conv_other_number', 'read'));
    stream.emit('conversation.updated', updated('conv_other_number', 'note'));
    stream.emit('conversation.updated', updated('conv_other_number', 'reopened'));
    await waitFor(() => expect(within(screen.getByRole('button', { name: /Alte Bestellung/ })).getByText(/Open/)).toBeTruthy());
    expect(gets(requests, `/contacts/${current.contact.id}`)).toBe(before + 1);
  });

  it('invalidates the contacts listing a conversation when it is closed or reopened or gets a message; nothing else asks for them', () => {
    const contact = contactFor(current, [], listed('open', 'Hallo'));
    const ids = { tenantId: 't', channelId: 'ch_2', conversationId: 'conv_other_number' };
    const contactKey = queryKeys.contacts.detail(contact.id);
    for (const change of ['closed', 'reopened'] as const) {
      expect(invalidatedBy({ name: 'conversation.updated', data: { ...ids, change } }, [contact])).toContainEqual(contactKey);
    }
    for (const change of ['assigned', 'read', 'labels', 'note', 'team'] as const) {
      expect(invalidatedBy({ name: 'conversation.updated', data: { ...ids, change } }, [contact])).not.toContainEqual(contactKey);
    }
    const received: RealtimeEvent = { name: 'message.received', data: { ...ids, messageId: 'm1', contactWaId: '4915112345678', type: 'text' } };
    expect(invalidatedBy(received, [contact])).toContainEqual(contactKey);
    expect(invalidatedBy({ ...received, data: { ...received.data, conversationId: 'conv_unrelated' } }, [contact])).not.toContainEqual(contactKey);
    expect(invalidatedBy({ name: 'message.queued', data: { ...ids, messageId: 'm2' } }, [contact])).toContainEqual(contactKey);
  });
});
