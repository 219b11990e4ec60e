import { ExternalLink } from '../../ui/components/external-link.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import type { MessageBody } from '../types/message-body.js';
import { mapLink } from '../utils/message-body.js';
import { ContactCards } from './contact-cards.js';
import { FormattedText } from './formatted-text.js';
import { MediaBody } from './media-body.js';

export type MessageBodyViewProps = { body: MessageBody };

/** The inside of a bubble, per message type. Every value from the message is rendered as text. */
export function MessageBodyView({ body }: MessageBodyViewProps) {
  const { t } = useI18n();
  switch (body.kind) {
    case 'text':
      return <FormattedText text={body.text} />;
    case 'media':
      return <MediaBody body={body} />;
    case 'location':
      return <LocationBody body={body} />;
    case 'contacts':
      return <ContactCards cards={body.cards} />;
    case 'reply':
      return <ReplyBody body={body} />;
    case 'interactive':
      return <InteractiveBody body={body} />;
    case 'template':
      return <TemplateBody body={body} />;
    case 'reaction':
      return <span className="reaction-only">{body.emoji === '' ? t('message.reactionRemoved') : t('message.reaction', { emoji: body.emoji })}</span>;
    case 'order':
      return (
        <div className="order">
          <strong>{t('message.order', { count: body.itemCount })}</strong>
          {body.text === undefined ? null : <p>{body.text}</p>}
        </div>
      );
    case 'unsupported':
      return <em className="muted">{t('message.unsupported', { type: body.type })}</em>;
  }
}

function LocationBody({ body }: { body: Extract<MessageBody, { kind: 'location' }> }) {
  const { t, locale } = useI18n();
  const coords = new Intl.NumberFormat(locale, { maximumFractionDigits: 5 });
  return (
    <div className="location">
      <span className="location-title">
        <span aria-hidden="true">📍 </span>
        {body.name ?? t('message.location')}
      </span>
      {body.address === undefined ? null : <span className="muted">{body.address}</span>}
      <span className="muted">
        {coords.format(body.latitude)}, {coords.format(body.longitude)}
      </span>
      <ExternalLink href={mapLink(body.latitude, body.longitude)}>{t('message.openMap')}</ExternalLink>
    </div>
  );
}

function ReplyBody({ body }: { body: Extract<MessageBody, { kind: 'reply' }> }) {
  const { t } = useI18n();
  return (
    <div className="interactive-reply">
      <span className="muted small">{body.reply === 'list' ? t('message.listReply') : t('message.buttonReply')}</span>
      <span className="reply-title">{body.title}</span>
      {body.description === undefined ? null : <span className="muted">{body.description}</span>}
    </div>
  );
}

function InteractiveBody({ body }: { body: Extract<MessageBody, { kind: 'interactive' }> }) {
  return (
    <div className="interactive">
      {body.header === undefined ? null : <strong className="interactive-header">{body.header}</strong>}
      {body.body === undefined ? null : <FormattedText text={body.body} />}
      {body.footer === undefined ? null : <span className="muted small">{body.footer}</span>}
      {body.options.length === 0 ? null : (
        <ul className="options">
          {body.options.map((option, index) => (
            <li key={index}>{option}</li>
          ))}
        </ul>
      )}
      {body.link === undefined ? null : <ExternalLink href={body.link.href}>{body.link.text}</ExternalLink>}
    </div>
  );
}

function TemplateBody({ body }: { body: Extract<MessageBody, { kind: 'template' }> }) {
  const { t } = useI18n();
  return (
    <div className="template">
      <span className="muted small">{t('message.template', { name: body.name, language: body.language })}</span>
      {body.parameters.length === 0 ? null : (
        <ul className="template-parameters">
          {body.parameters.map((parameter, index) => (
            <li key={index}>{parameter}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
