import { useLayoutEffect, useRef, useState } from 'react';
import { insertAtCaret } from '../utils/emoji-catalog.js';

/**
 * What the agent is writing: the text, where the caret is (for `/` commands), the caption of an
 * attachment, `insert` that replaces the text and puts the caret behind the inserted part, and
 * `insertAtCaret` that puts a piece (an emoji) where the caret is or over the selection.
 */
export function useComposerDraft() {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [caption, setCaption] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | undefined>(undefined);

  function insert(next: string, at: number) {
    setText(next);
    setCaret(at);
    pendingCaret.current = at;
  }

  useLayoutEffect(() => {
    if (pendingCaret.current === undefined || box.current === null) return;
    box.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = undefined;
  });

  return {
    text, caret, caption, box, setCaption,
    type(next: string, at: number) {
      setText(next);
      setCaret(at);
    },
    moveCaret: setCaret,
    insert,
    /** The box keeps its caret and selection while focus is elsewhere (the emoji grid): read them there. */
    insertAtCaret(piece: string) {
      const el = box.current;
      const next = insertAtCaret(text, piece, el?.selectionStart ?? caret, el?.selectionEnd ?? caret);
      insert(next.text, next.caret);
    },
  };
}
