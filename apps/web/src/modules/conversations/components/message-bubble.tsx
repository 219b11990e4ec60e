import type { Message } from '@valeo/contracts';
import { formatDateTime, formatTime } from '../../../lib/format.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { bodyPreview } from '../utils/body-preview.js';
import { toMessageBody } from '../utils/message-body.js';
import { MessageBodyView } from './message-body-view.js';
import { useReplyTarget } from './reply-context.js';
import { StatusTicks } from './status-ticks.js';
import './reply.css';

export type MessageBubbleProps = {
  message: Message;
  /** Emojis reacting to this message (from reaction messages in the loaded history). */
  reactions?: readonly string[];
  /** The message this one replies to, when it is loaded. */
  quoted?: Message | undefined;
};

export function MessageBubble({ message, reactions = [], quoted }: MessageBubbleProps) {
  const { t, locale } = useI18n();
  const body = toMessageBody(message);
  return (
    <li className={`message message-${message.direction}`} data-message-id={message.id} data-type={message.type}>
      <div className="bubble">
        {quoted === undefined ? null : (
          <blockquote className="quote">
            <span className="quote-author">{quoted.direction === 'outbound' ? t('message.you') : `+${quoted.contactWaId}`}</span>
            <span className="quote-text">{bodyPreview(toMessageBody(quoted), t)}</span>
          </blockquote>
        )}
        <MessageBodyView body={body} />
        <span className="message-meta">
          <time dateTime={message.createdAt} title={formatDateTime(message.createdAt, locale)}>
            {formatTime(message.createdAt, locale)}
          </time>
          <StatusTicks message={message} />
        </span>
        <ReplyAction message={message} />
        {reactions.length === 0 ? null : (
          <span className="reactions" aria-label={t('message.reaction', { emoji: reactions.join(' ') })}>
            {reactions.join(' ')}
          </span>
        )}
      </div>
    </li>
  );
}

/**
 * "Reply" on a message WhatsApp can quote (it has a wamid): shown on hover or focus on a desktop,
 * always on touch screens (CSS), and a real button for the keyboard. Only inside a chat view.
 */
function ReplyAction({ message }: { message: Message }) {
  const { t } = useI18n();
  const reply = useReplyTarget();
  if (reply === null || message.wamid === null) return null;
  return (
    <button type="button" className="reply-action" aria-label={t('message.reply')} title={t('message.reply')} onClick={() => reply.choose(message)}>
      <span aria-hidden="true">↩</span>
    </button>
  );
}
