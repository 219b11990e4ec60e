import { safeHttpUrl } from '../../ui/utils/safe-url.js';
import { asArray, asObject, asString, type Json } from './json-reader.js';
import type { MessageBody } from '../types/message-body.js';

/**
 * Interactive messages: the customer's reply (`button_reply`, `list_reply`, a Flow's `nfm_reply`)
 * or what we sent (buttons, a list, a call-to-action link, a Flow, a location request).
 */
export function interactiveBody(content: Json): MessageBody {
  const reply = replyOf(content);
  if (reply !== undefined) return reply;
  const link = ctaLink(asObject(asObject(content['action'])['parameters']));
  return {
    kind: 'interactive',
    header: asString(asObject(content['header'])['text']),
    body: asString(asObject(content['body'])['text']),
    footer: asString(asObject(content['footer'])['text']),
    options: optionsOf(asObject(content['action'])),
    link,
  };
}

function replyOf(content: Json): MessageBody | undefined {
  const button = asObject(content['button_reply']);
  const list = asObject(content['list_reply']);
  const flow = asObject(content['nfm_reply']);
  if (asString(button['title']) !== undefined) {
    return { kind: 'reply', reply: 'button', title: asString(button['title']) ?? '', description: undefined };
  }
  if (asString(list['title']) !== undefined) {
    return { kind: 'reply', reply: 'list', title: asString(list['title']) ?? '', description: asString(list['description']) };
  }
  if (Object.keys(flow).length > 0) {
    return { kind: 'reply', reply: 'button', title: asString(flow['body']) ?? asString(flow['name']) ?? 'Flow', description: undefined };
  }
  return undefined;
}

function optionsOf(action: Json): string[] {
  const buttons = asArray(action['buttons']).flatMap((b) => asString(asObject(asObject(b)['reply'])['title']) ?? []);
  const rows = asArray(action['sections']).flatMap((section) =>
    asArray(asObject(section)['rows']).flatMap((row) => asString(asObject(row)['title']) ?? []),
  );
  const flowCta = asString(asObject(action['parameters'])['flow_cta']);
  const listButton = asString(action['button']);
  return [...(listButton === undefined ? [] : [listButton]), ...buttons, ...rows, ...(flowCta === undefined ? [] : [flowCta])];
}

function ctaLink(parameters: Json): { text: string; href: string } | undefined {
  const href = safeHttpUrl(asString(parameters['url']) ?? '');
  const text = asString(parameters['display_text']);
  return href === undefined || text === undefined ? undefined : { text, href };
}
