import { formatFileSize } from '../../../lib/format.js';
import type { MessageKey } from '../../i18n/messages/de.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import type { Attachment } from '../hooks/use-attachment.js';

export type AttachmentPanelProps = {
  attachment: Attachment;
  caption: string;
  onCaption: (caption: string) => void;
  onRemove: () => void;
};

const KIND_LABELS: Record<string, MessageKey> = {
  image: 'message.image', video: 'message.video', audio: 'message.audio', document: 'message.document', sticker: 'message.sticker',
};

/** The picked file: its upload's progress, a caption where WhatsApp shows one, and what went wrong, clearly. */
export function AttachmentPanel({ attachment, caption, onCaption, onRemove }: AttachmentPanelProps) {
  const { t, locale } = useI18n();
  const uploading = attachment.state === 'uploading';
  return (
    <section className={`attachment attachment-${attachment.state}`} aria-label={t('composer.attachment.label')}>
      <div className="attachment-head">
        <span className="attachment-name">{attachment.fileName}</span>
        {attachment.state === 'invalid' ? null : <span className="attachment-size">{formatFileSize(attachment.size, locale)}</span>}
        <button type="button" className="button button-small" onClick={onRemove}>
          {t(uploading ? 'composer.attachment.cancel' : 'composer.attachment.remove')}
        </button>
      </div>
      <AttachmentStatus attachment={attachment} />
      {attachment.state !== 'invalid' && attachment.state !== 'failed' && attachment.type !== 'audio' && attachment.type !== 'sticker' ? (
        <input
          type="text"
          className="attachment-caption"
          aria-label={t('composer.attachment.caption')}
          placeholder={t('composer.attachment.caption')}
          value={caption}
          maxLength={1024}
          onChange={(event) => onCaption(event.target.value)}
        />
      ) : null}
    </section>
  );
}

function AttachmentStatus({ attachment }: { attachment: Attachment }) {
  const { t, locale } = useI18n();
  switch (attachment.state) {
    case 'uploading': {
      const percent = Math.round(attachment.progress * 100);
      return (
        <div className="attachment-progress">
          <progress max={100} value={percent} aria-label={t('composer.attachment.progress')} />
          <span role="status">{t('composer.attachment.uploading', { percent })}</span>
        </div>
      );
    }
    case 'uploaded':
      return <p className="attachment-ready" role="status">{t('composer.attachment.ready')}</p>;
    case 'failed':
      return <p className="form-error" role="alert">{t('composer.attachment.failed', { reason: attachment.error.message })}</p>;
    case 'invalid': {
      const { check } = attachment;
      const name = attachment.fileName;
      const text = check.reason === 'size'
        ? t('composer.attachment.tooLarge', { name, kind: t(KIND_LABELS[check.type] ?? 'message.document'), max: formatFileSize(check.maxBytes, locale) })
        : t(check.reason === 'empty' ? 'composer.attachment.empty' : 'composer.attachment.invalidType', { name });
      return <p className="form-error" role="alert">{text}</p>;
    }
  }
}
