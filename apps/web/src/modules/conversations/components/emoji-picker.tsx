import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import type { MessageKey } from '../../i18n/messages/de.js';
import { EMOJI_CATEGORIES, type EmojiCategoryId } from '../utils/emoji-catalog.js';
import './emoji-picker.css';

export type EmojiPickerProps = { disabled: boolean; onPick: (emoji: string) => void };

/** Emoji per row of the grid; ↑/↓ move by this many. */
const COLUMNS = 8;
const ALL = EMOJI_CATEGORIES.flatMap((category) => category.emoji);
const CATEGORY_LABEL: Record<EmojiCategoryId, MessageKey> = {
  smileys: 'composer.emoji.smileys',
  gestures: 'composer.emoji.gestures',
  hearts: 'composer.emoji.hearts',
  objects: 'composer.emoji.objects',
  symbols: 'composer.emoji.symbols',
  nature: 'composer.emoji.nature',
};

/**
 * A button that opens a small grid of emoji by category. Picking one inserts it at the text's
 * caret and leaves the grid open for more; Escape or a click outside closes it. One tab stop in
 * the grid (roving focus, arrows/Home/End move), as in the ARIA grid pattern.
 */
export function EmojiPicker({ disabled, onPick }: EmojiPickerProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (event.target instanceof Node && root.current?.contains(event.target) !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  function close() {
    setOpen(false);
    toggle.current?.focus();
  }

  return (
    <div className="emoji-picker" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="button composer-emoji"
        aria-label={t('composer.emoji.open')}
        title={t('composer.emoji.open')}
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true">🙂</span>
      </button>
      {open ? <EmojiPanel onPick={onPick} onClose={close} /> : null}
    </div>
  );
}

function EmojiPanel({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [active, setActive] = useState(0);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLButtonElement>(`[data-index="${active}"]`)?.focus();
  }, [active]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number | undefined> = {
      ArrowRight: active + 1, ArrowLeft: active - 1, ArrowDown: active + COLUMNS, ArrowUp: active - COLUMNS, Home: 0, End: ALL.length - 1,
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      // Only the grid closes: the composer's own Escape (cancel a reply) must not fire too.
      event.stopPropagation();
      onClose();
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    setActive(Math.max(0, Math.min(ALL.length - 1, target)));
  }

  let index = 0;
  return (
    <div className="emoji-panel" role="dialog" aria-label={t('composer.emoji.title')} ref={panel} onKeyDown={onKeyDown}>
      {EMOJI_CATEGORIES.map((category) => (
        <section key={category.id} className="emoji-category" aria-label={t(CATEGORY_LABEL[category.id])}>
          <h4 className="emoji-category-title" aria-hidden="true">{t(CATEGORY_LABEL[category.id])}</h4>
          <div className="emoji-grid">
            {category.emoji.map((emoji) => {
              const at = index++;
              return (
                <button
                  key={emoji}
                  type="button"
                  className="emoji-option"
                  data-index={at}
                  tabIndex={at === active ? 0 : -1}
                  onFocus={() => setActive(at)}
                  onClick={() => onPick(emoji)}
                >
                  {emoji}
                </button>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
