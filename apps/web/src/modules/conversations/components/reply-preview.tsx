import type { Message } from '@valeo/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { bodyPreview } from '../utils/body-preview.js';
import { toMessageBody } from '../utils/message-body.js';
import './reply.css';

export type ReplyPreviewProps = { message: Message; customerName: string; onCancel: () => void };

/** Above the composer: the quoted message (sender and a one-line preview, as text) and ✕ to drop it. */
export function ReplyPreview({ message, customerName, onCancel }: ReplyPreviewProps) {
  const { t } = useI18n();
  const author = message.direction === 'outbound' ? t('message.you') : customerName;
  return (
    <div className="reply-preview" role="group" aria-label={t('composer.reply.label')}>
      <blockquote className="quote">
        <span className="quote-author">{t('composer.reply.to', { name: author })}</span>
        <span className="quote-text">{bodyPreview(toMessageBody(message), t)}</span>
      </blockquote>
      <button type="button" className="button button-small reply-cancel" aria-label={t('composer.reply.cancel')} title={t('composer.reply.cancel')} onClick={onCancel}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
