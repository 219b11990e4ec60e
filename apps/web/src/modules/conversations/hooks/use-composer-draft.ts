import { useLayoutEffect, useRef, useState } from 'react';

/**
 * What the agent is writing: the text, where the caret is (for `/` commands), the caption of an
 * attachment, and `insert` that replaces the text and puts the caret behind the inserted part.
 */
export function useComposerDraft() {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [caption, setCaption] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | undefined>(undefined);

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
    insert(next: string, at: number) {
      setText(next);
      setCaret(at);
      pendingCaret.current = at;
    },
  };
}
