import type { QuickReply } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';

export type QuickReplyMenuProps = {
  id: string;
  query: string;
  replies: QuickReply[];
  activeIndex: number;
  onPick: (reply: QuickReply) => void;
  onHover: (index: number) => void;
};

/** The id of an option, for the textarea's `aria-activedescendant`. */
export function quickReplyOptionId(menuId: string, index: number): string {
  return `${menuId}-option-${index}`;
}

/**
 * The matches of a `/` command under the composer; the textarea keeps the focus and drives it with
 * the arrow keys (`aria-activedescendant`). Shortcut and text are tenant data, rendered as text.
 */
export function QuickReplyMenu({ id, query, replies, activeIndex, onPick, onHover }: QuickReplyMenuProps) {
  const { t } = useI18n();
  if (replies.length === 0) {
    return <p className="quick-reply-none" role="status">{t('composer.quickReplies.none', { query })}</p>;
  }
  return (
    <ul id={id} className="quick-reply-menu" role="listbox" aria-label={t('composer.quickReplies')}>
      {replies.map((reply, index) => (
        <li
          key={reply.id}
          id={quickReplyOptionId(id, index)}
          role="option"
          aria-selected={index === activeIndex}
          className={index === activeIndex ? 'quick-reply active' : 'quick-reply'}
          // mousedown, not click: the textarea must not lose the focus (and with it the caret).
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(reply);
          }}
          onMouseEnter={() => onHover(index)}
        >
          <span className="quick-reply-shortcut">/{reply.shortcut}</span>
          <span className="quick-reply-text">{reply.text}</span>
        </li>
      ))}
    </ul>
  );
}
