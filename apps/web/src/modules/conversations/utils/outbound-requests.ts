import type { Conversation, SendMessageRequest, UploadMediaType } from '@valeo/contracts';

type Target = Pick<Conversation, 'channelId' | 'contact'>;

function to(conversation: Target): { channelId: string; to: string } {
  return { channelId: conversation.channelId, to: `+${conversation.contact.waId}` };
}

/** A free-form text to the conversation's customer. */
export function textMessageRequest(conversation: Target, body: string): SendMessageRequest {
  return { ...to(conversation), type: 'text', text: { body } };
}

/**
 * A medium we uploaded, sent by its provider media id. WhatsApp shows captions on images, videos
 * and documents only, and a document's file name to the customer.
 */
export function mediaMessageRequest(
  conversation: Target,
  media: { type: UploadMediaType; providerMediaId: string; caption?: string | undefined; filename?: string | undefined },
): SendMessageRequest {
  const object: Record<string, string> = { id: media.providerMediaId };
  const caption = media.caption?.trim();
  if (caption && media.type !== 'audio' && media.type !== 'sticker') object['caption'] = caption;
  if (media.type === 'document' && media.filename) object['filename'] = media.filename;
  return { ...to(conversation), type: media.type, [media.type]: object };
}

export type TemplateParameterValues = { header: string[]; body: string[]; names?: { header: string[]; body: string[] } };

/**
 * An approved template with its parameters filled in, as the Cloud API wants them: one component
 * per part that has placeholders, each value a `text` parameter (named templates add `parameter_name`).
 */
export function templateMessageRequest(
  conversation: Target,
  template: { name: string; language: string },
  values: TemplateParameterValues,
): SendMessageRequest {
  const parameters = (texts: string[], names: string[] | undefined) =>
    texts.map((text, i) => (names?.[i] === undefined ? { type: 'text', text } : { type: 'text', parameter_name: names[i], text }));
  const components = [
    ...(values.header.length > 0 ? [{ type: 'header', parameters: parameters(values.header, values.names?.header) }] : []),
    ...(values.body.length > 0 ? [{ type: 'body', parameters: parameters(values.body, values.names?.body) }] : []),
  ];
  return {
    ...to(conversation),
    type: 'template',
    template: { name: template.name, language: { code: template.language }, ...(components.length > 0 ? { components } : {}) },
  };
}

/** The same request as a reply to `wamid` (WhatsApp shows the quoted message above it); unchanged without one. */
export function asReplyTo(request: SendMessageRequest, wamid: string | undefined): SendMessageRequest {
  return wamid === undefined ? request : { ...request, context: { message_id: wamid } };
}
