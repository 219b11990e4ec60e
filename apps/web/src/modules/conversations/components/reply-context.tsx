import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Message } from '@valeo/contracts';

export type ReplyTarget = {
  /** The message the next send answers (it has a wamid), or undefined. */
  message: Message | undefined;
  choose: (message: Message) => void;
  cancel: () => void;
};

const ReplyContext = createContext<ReplyTarget | null>(null);

/**
 * Which message the agent is answering: chosen from a bubble, shown and sent by the composer.
 * One per open chat (the chat view keys it by conversation, so switching chats forgets it).
 */
export function ReplyProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const value = useMemo<ReplyTarget>(() => ({ message, choose: setMessage, cancel: () => setMessage(undefined) }), [message]);
  return <ReplyContext.Provider value={value}>{children}</ReplyContext.Provider>;
}

/** Null outside a chat view (e.g. a bubble rendered alone): then there is nothing to reply from. */
export function useReplyTarget(): ReplyTarget | null {
  return useContext(ReplyContext);
}
