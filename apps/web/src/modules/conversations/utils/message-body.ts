import type { Message } from '@valeo/contracts';
import { asArray, asObject, asString, type Json } from './json-reader.js';
import { interactiveBody } from './interactive-body.js';
import type { ContactCard, MediaKind, MessageBody } from '../types/message-body.js';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

export function toMessageBody(message: Message): MessageBody {
  const content = asObject(message.content);
  if (MEDIA_TYPES.has(message.type)) return mediaBody(message, content);
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: asString(content['body']) ?? '' };
    case 'location':
      return locationBody(content) ?? { kind: 'unsupported', type: message.type };
    case 'contacts':
      return { kind: 'contacts', cards: asArray(Array.isArray(message.content) ? message.content : content['contacts']).map(toContactCard) };
    case 'button':
      return { kind: 'reply', reply: 'button', title: asString(content['text']) ?? asString(content['payload']) ?? '', description: undefined };
    case 'interactive':
      return interactiveBody(content);
    case 'template':
      return templateBody(content);
    case 'reaction':
      return { kind: 'reaction', targetWamid: asString(content['message_id']) ?? '', emoji: asString(content['emoji']) ?? '' };
    case 'order':
      return { kind: 'order', itemCount: asArray(content['product_items']).length, text: asString(content['text']) };
    default:
      return { kind: 'unsupported', type: message.type };
  }
}

/**
 * The id of our stored copy of the medium (`message.media`), once its bytes are there. The Cloud
 * API's own `id`/`url` are never used: they are Meta's, need Meta's token, and would leak the
 * agent's browser to Meta.
 */
export function storedMediaIdOf(message: Message): string | undefined {
  const media = message.media;
  return media !== null && (media.status === 'stored' || media.status === 'uploaded') ? media.id : undefined;
}

function mediaBody(message: Message, content: Json): MessageBody {
  const voice = message.type === 'audio' && content['voice'] === true;
  return {
    kind: 'media',
    media: voice ? 'voice' : (message.type as MediaKind),
    storedMediaId: storedMediaIdOf(message),
    unavailable: message.media?.status === 'failed' || message.media?.status === 'rejected',
    caption: asString(content['caption']),
    filename: asString(content['filename']) ?? message.media?.fileName ?? undefined,
    mimeType: asString(content['mime_type']) ?? message.media?.mimeType ?? undefined,
  };
}

/** Only finite numbers in range make a location: the map link is built from them alone. */
function locationBody(content: Json): MessageBody | undefined {
  const latitude = Number(content['latitude']);
  const longitude = Number(content['longitude']);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { kind: 'location', latitude, longitude, name: asString(content['name']), address: asString(content['address']) };
}

/** An OpenStreetMap link from two numbers; no customer text ever reaches the URL. */
export function mapLink(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(6);
  const lon = longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

function toContactCard(value: unknown): ContactCard {
  const card = asObject(value);
  const name = asObject(card['name']);
  const joined = [asString(name['first_name']), asString(name['last_name'])].filter(Boolean).join(' ');
  return {
    name: asString(name['formatted_name']) ?? (joined === '' ? '?' : joined),
    org: asString(asObject(card['org'])['company']),
    phones: asArray(card['phones']).flatMap((p) => asString(asObject(p)['phone']) ?? []),
    emails: asArray(card['emails']).flatMap((e) => asString(asObject(e)['email']) ?? []),
  };
}

function templateBody(content: Json): MessageBody {
  const language = asObject(content['language']);
  const parameters = asArray(content['components']).flatMap((component) =>
    asArray(asObject(component)['parameters']).flatMap((p) => templateParameterText(asObject(p)) ?? []),
  );
  return { kind: 'template', name: asString(content['name']) ?? '?', language: asString(language['code']) ?? '?', parameters };
}

function templateParameterText(parameter: Json): string | undefined {
  const type = asString(parameter['type']);
  if (type === 'text') return asString(parameter['text']);
  if (type === 'currency' || type === 'date_time') return asString(asObject(parameter[type])['fallback_value']);
  if (type === 'payload') return undefined;
  return type === undefined ? undefined : `[${type}]`;
}
