import { mediaContentUrl } from '../../../lib/api-client.js';
import type { MessageKey } from '../../i18n/messages/de.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import type { MediaKind, MessageBody } from '../types/message-body.js';
import { FormattedText } from './formatted-text.js';

export type MediaBodyProps = {
  body: Extract<MessageBody, { kind: 'media' }>;
};

const KIND_LABELS: Record<MediaKind, MessageKey> = {
  image: 'message.image',
  video: 'message.video',
  audio: 'message.audio',
  voice: 'message.voice',
  document: 'message.document',
  sticker: 'message.sticker',
};

/**
 * Media from our own store only (`/api/v1/media/:id/content`, same origin, session cookie). Until the
 * Hub holds a copy, a placeholder says what is coming. The caption and file name are customer text.
 */
export function MediaBody({ body }: MediaBodyProps) {
  const { t } = useI18n();
  const label = t(KIND_LABELS[body.media]);
  return (
    <div className={`media media-${body.media}`}>
      {body.storedMediaId === undefined ? (
        <span className="media-placeholder">{t(body.unavailable ? 'message.mediaUnavailable' : 'message.mediaPending', { kind: label })}</span>
      ) : (
        <StoredMedia body={body} url={mediaContentUrl(body.storedMediaId)} label={label} />
      )}
      {body.caption === undefined ? null : (
        <p className="caption">
          <FormattedText text={body.caption} />
        </p>
      )}
    </div>
  );
}

type StoredMediaProps = { body: MediaBodyProps['body']; url: string; label: string };

function StoredMedia({ body, url, label }: StoredMediaProps) {
  const { t } = useI18n();
  switch (body.media) {
    case 'image':
    case 'sticker':
      return (
        <a href={url} target="_blank" rel="noopener noreferrer">
          <img src={url} alt={body.caption ?? label} loading="lazy" decoding="async" />
        </a>
      );
    case 'video':
      return <video src={url} controls preload="metadata" aria-label={label} />;
    case 'audio':
    case 'voice':
      return <audio src={url} controls preload="metadata" aria-label={label} />;
    case 'document':
      return (
        <a className="document-link" href={url} download={body.filename ?? true}>
          <span aria-hidden="true">📄 </span>
          <span className="document-name">{body.filename ?? label}</span>
          <span className="visually-hidden"> ({t('message.download')})</span>
        </a>
      );
  }
}
