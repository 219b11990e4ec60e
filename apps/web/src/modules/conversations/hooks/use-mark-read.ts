import { useEffect, useRef } from 'react';
import type { Conversation } from '@valeo/contracts';
import { useConversationAction } from './use-conversation-actions.js';

/**
 * While a conversation is on screen, its unread count goes back to 0 — when it opens and whenever
 * a new message raises it again (the live refetch). Once per state of the conversation, so a
 * failing call is not repeated in a loop. Only for people who work conversations: a viewer looking
 * at it must not hide new messages from the agents.
 */
export function useMarkRead(conversation: Conversation, enabled: boolean): void {
  const { mutate } = useConversationAction(conversation.id);
  const attempted = useRef<string | null>(null);
  const unread = conversation.unreadCount;
  const state = `${conversation.id}|${unread}|${conversation.lastMessageAt ?? ''}`;
  useEffect(() => {
    if (!enabled || unread === 0 || attempted.current === state) return;
    attempted.current = state;
    mutate({ kind: 'read' });
  }, [enabled, unread, state, mutate]);
}
