import { Type, type Static } from 'typebox';

/**
 * `interactive` object of an inbound reply to an interactive message (REFERENCE.md §4.4).
 * `nfm_reply.response_json` is a JSON *string* (Flow or address_message answer).
 */
export const WebhookButtonReply = Type.Object({
  type: Type.Literal('button_reply'),
  button_reply: Type.Object({ id: Type.String(), title: Type.String() }),
});

export const WebhookListReply = Type.Object({
  type: Type.Literal('list_reply'),
  list_reply: Type.Object({
    id: Type.String(),
    title: Type.String(),
    description: Type.Optional(Type.String()),
  }),
});

export const WebhookNfmReply = Type.Object({
  type: Type.Literal('nfm_reply'),
  nfm_reply: Type.Object({
    name: Type.Optional(Type.String()),
    body: Type.Optional(Type.String()),
    response_json: Type.String(),
  }),
});

export const WebhookInteractiveReply = Type.Union([WebhookButtonReply, WebhookListReply, WebhookNfmReply]);
export type WebhookInteractiveReply = Static<typeof WebhookInteractiveReply>;
