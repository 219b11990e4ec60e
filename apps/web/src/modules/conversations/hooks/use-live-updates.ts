import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { REALTIME_EVENT_NAMES, REALTIME_EVENTS_PATH, type RealtimeEvent } from '@valeo/contracts';
import { queryKeys } from '../../../lib/query-keys.js';
import { LiveEvents, type EventSourceLike, type LiveState } from '../utils/live-events.js';

export type UseLiveUpdatesOptions = {
  /** Tests pass a fake stream; the browser's EventSource otherwise. */
  openStream?: (url: string) => EventSourceLike;
};

const openEventSource = (url: string): EventSourceLike => new EventSource(url);

/** What a live event makes stale: the event carries ids, the data comes from refetching. */
export function applyLiveEvent(queryClient: QueryClient, event: RealtimeEvent): void {
  // Assigned, closed, reopened or read: the conversation (its lists and its header) changed, not its messages.
  if (event.name === 'conversation.updated') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
    // A colleague's private note: the notes panel refetches.
    if (event.data.change === 'note') void queryClient.invalidateQueries({ queryKey: queryKeys.notes.list(event.data.conversationId) });
    return;
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.messages.list(event.data.conversationId) });
  // A status tick or a finished media download changes the chat, not the conversation list.
  if (event.name !== 'message.status-changed' && event.name !== 'media.stored') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
  }
}

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
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
        void queryClient.invalidateQueries({ queryKey: queryKeys.messages.all });
      },
      onClosed: () => void queryClient.invalidateQueries({ queryKey: queryKeys.session }),
      onStateChange: setState,
    });
    live.start();
    return () => live.stop();
  }, [queryClient, openStream]);
  return state;
}
