import { useState, type KeyboardEvent } from 'react';
import type { QuickReply } from '@valeo/contracts';
import { insertQuickReply, matchQuickReplies, slashCommandAt } from '../utils/slash-command.js';
import { useQuickReplies } from '../../quick-replies/hooks/use-quick-replies.js';

export type QuickReplyCommandInput = {
  text: string;
  caret: number;
  enabled: boolean;
  /** Called with the new text and caret when a reply is inserted. */
  onInsert: (text: string, caret: number) => void;
};

/**
 * `/` + shortcut in the composer: the matching quick replies, the highlighted one, and the keys that
 * drive the list (↑/↓ move, Enter or Tab insert, Escape closes it for this command).
 */
export function useQuickReplyCommand({ text, caret, enabled, onInsert }: QuickReplyCommandInput) {
  const command = enabled ? slashCommandAt(text, caret) : undefined;
  const [dismissedAt, setDismissedAt] = useState<number | undefined>(undefined);
  const [active, setActive] = useState({ query: '', index: 0 });
  const replies = useQuickReplies(command !== undefined);
  const visible = command !== undefined && command.start !== dismissedAt && replies.data !== undefined;
  const matches = visible ? matchQuickReplies(replies.data, command.query) : [];
  const activeIndex = command !== undefined && active.query === command.query ? Math.min(active.index, Math.max(0, matches.length - 1)) : 0;

  function pick(reply: QuickReply) {
    if (command === undefined) return;
    const next = insertQuickReply(text, command, reply);
    onInsert(next.text, next.caret);
  }

  function move(step: number) {
    if (command === undefined || matches.length === 0) return;
    setActive({ query: command.query, index: (activeIndex + step + matches.length) % matches.length });
  }

  /** Returns true when the key was the menu's; the textarea then does nothing else with it. */
  function handleKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!visible || event.nativeEvent.isComposing) return false;
    const reply = matches[activeIndex];
    const actions: Record<string, (() => void) | undefined> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Escape: () => setDismissedAt(command.start),
      Enter: reply === undefined || event.shiftKey ? undefined : () => pick(reply),
      Tab: reply === undefined ? undefined : () => pick(reply),
    };
    const action = actions[event.key];
    if (action === undefined) return false;
    event.preventDefault();
    action();
    return true;
  }

  return {
    open: visible,
    query: command?.query ?? '',
    matches,
    activeIndex,
    pick,
    hover: (index: number) => setActive({ query: command?.query ?? '', index }),
    handleKey,
  };
}
