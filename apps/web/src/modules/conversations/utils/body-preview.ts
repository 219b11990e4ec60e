import type { Translate } from '../../i18n/utils/translate.js';
import type { MessageBody } from '../types/message-body.js';

const MAX = 100;

/** One plain-text line for a quoted message; formatting markers stay as typed. */
export function bodyPreview(body: MessageBody, t: Translate): string {
  const line = previewOf(body, t);
  return line.length > MAX ? `${line.slice(0, MAX - 1)}…` : line;
}

function previewOf(body: MessageBody, t: Translate): string {
  switch (body.kind) {
    case 'text':
      return body.text;
    case 'media':
      return body.caption ?? body.filename ?? t(`message.${body.media}`);
    case 'location':
      return body.name ?? t('message.location');
    case 'contacts':
      return body.cards.map((card) => card.name).join(', ') || t('message.contactCard');
    case 'reply':
      return body.title;
    case 'interactive':
      return body.body ?? body.header ?? '';
    case 'template':
      return t('message.template', { name: body.name, language: body.language });
    case 'reaction':
      return body.emoji;
    case 'order':
      return t('message.order', { count: body.itemCount });
    case 'unsupported':
      return t('message.unsupported', { type: body.type });
  }
}
