import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { REALTIME_EVENT_NAMES, REALTIME_EVENTS_PATH, type ContactDetail, type ConversationUpdatedEvent, type RealtimeEvent } from '@valeo/contracts';
import { queryKeys } from '../../../lib/query-keys.js';
import { cachedContactKeys } from '../utils/cached-contacts.js';
import { LiveEvents, type EventSourceLike, type LiveState } from '../utils/live-events.js';

export type UseLiveUpdatesOptions = {
  /** Tests pass a fake stream; the browser's EventSource otherwise. */
  openStream?: (url: string) => EventSourceLike;
};

const openEventSource = (url: string): EventSourceLike => new EventSource(url);

/**
 * Of a conversation's changes, those the contact panel's list of the contact's conversations shows: its
 * status. (It shows no assignee, team, unread count, labels or notes, so those refetch nothing there.)
 */
const LISTED_IN_CONTACT_PANEL: ReadonlySet<ConversationUpdatedEvent['change']> = new Set(['closed', 'reopened']);

/** What a live event makes stale: the event carries ids, the data comes from refetching. */
export function applyLiveEvent(queryClient: QueryClient, event: RealtimeEvent): void {
  const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  const invalidateContacts = (shows: (contact: ContactDetail) => boolean) => {
    for (const queryKey of cachedContactKeys(queryClient, shows)) invalidate(queryKey);
  };
  const listsConversation = (conversationId: string) => (contact: ContactDetail) => contact.conversations.some((c) => c.id === conversationId);
  switch (event.name) {
    // Assigned, closed, reopened, read, labelled or noted: the conversation (its lists and its header) changed, not its messages.
    case 'conversation.updated':
      invalidate(queryKeys.conversations.all);
      // A colleague's private note: the notes panel refetches.
      if (event.data.change === 'note') invalidate(queryKeys.notes.list(event.data.conversationId));
      if (LISTED_IN_CONTACT_PANEL.has(event.data.change)) invalidateContacts(listsConversation(event.data.conversationId));
      return;
    // Its labels or side-panel profile: only the contact panel shows them (list rows show the conversation's labels).
    case 'contact.updated':
      invalidate(queryKeys.contacts.detail(event.data.contactId));
      return;
    // Team pickers and filters list the teams; conversations show a team's name, lose a deleted one, and `team=mine` follows membership.
    case 'team.updated':
      invalidate(queryKeys.teams.all);
      if (event.data.change !== 'created') invalidate(queryKeys.conversations.all);
      return;
    // Pickers and filters list the labels; a renamed, recoloured or deleted one also changes the chips of
    // conversations and of the contact panels that carry it (a new one is on nothing yet).
    case 'label.updated': {
      const { labelId } = event.data;
      invalidate(queryKeys.labels.all);
      if (event.data.change === 'created') return;
      invalidate(queryKeys.conversations.all);
      invalidateContacts((contact) => contact.labels.some((l) => l.id === labelId));
      return;
    }
    // A status tick or a finished media download changes the chat, not the conversation list.
    case 'message.status-changed':
    case 'media.stored':
      invalidate(queryKeys.messages.list(event.data.conversationId));
      return;
    case 'message.received':
    case 'message.queued':
      invalidate(queryKeys.messages.list(event.data.conversationId));
      invalidate(queryKeys.conversations.all);
      // The contact panel lists the conversation's last message, and an inbound one reopens a closed conversation.
      invalidateContacts(listsConversation(event.data.conversationId));
  }
}

/** Nothing is replayed after a (re)connect: whatever the inbox may be showing is refetched. */
const SHOWN_AFTER_RECONNECT = [
  queryKeys.conversations.all, queryKeys.messages.all, queryKeys.contacts.all, queryKeys.teams.all, queryKeys.labels.all, queryKeys.notes.all,
];

/**
 * Keeps the inbox current from `GET /api/v1/events` while signed in: invalidates what an event
 * touches, refetches everything after a reconnect, and rechecks the session when the stream is
 * refused (a 401 then drops the app to the sign-in page).
 */
export function useLiveUpdates({ openStream = openEventSource }: UseLiveUpdatesOptions = {}): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    const live = new LiveEvents({
      url: REALTIME_EVENTS_PATH,
      eventNames: REALTIME_EVENT_NAMES,
      open: openStream,
      onEvent: (event) => applyLiveEvent(queryClient, event),
      onConnected: () => {
        for (const queryKey of SHOWN_AFTER_RECONNECT) void queryClient.invalidateQueries({ queryKey });
      },
      onClosed: () => void queryClient.invalidateQueries({ queryKey: queryKeys.session }),
      onStateChange: setState,
    });
    live.start();
    return () => live.stop();
  }, [queryClient, openStream]);
  return state;
}
