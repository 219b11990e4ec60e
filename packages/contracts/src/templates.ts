import { Type, type Static } from 'typebox';

/**
 * `GET /api/v1/channels/{id}/templates`: the message templates of the channel's WhatsApp Business
 * Account, read live from the provider (Meta's `GET /{waba-id}/message_templates`, or the emulator).
 * Only `APPROVED` templates can be sent; send one as `type: "template"` with the filled-in parameters.
 */
export const TemplateButton = Type.Object({
  type: Type.String({ description: 'QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, …' }),
  text: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  phone_number: Type.Optional(Type.String()),
});

export const TemplateComponent = Type.Object({
  type: Type.String({ description: 'HEADER, BODY, FOOTER or BUTTONS (upper case).' }),
  format: Type.Optional(Type.String({ description: 'Header format: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION.' })),
  text: Type.Optional(Type.String({ description: 'With {{1}} (positional) or {{name}} (named) placeholders.' })),
  buttons: Type.Optional(Type.Array(TemplateButton)),
});
export type TemplateComponent = Static<typeof TemplateComponent>;

export const ChannelTemplate = Type.Object({
  id: Type.String(),
  name: Type.String(),
  language: Type.String({ description: 'e.g. de, en_US' }),
  status: Type.String({ description: 'APPROVED, PENDING, REJECTED, PAUSED, DISABLED, …' }),
  category: Type.String(),
  parameterFormat: Type.Union([Type.Literal('positional'), Type.Literal('named')]),
  components: Type.Array(TemplateComponent),
});
export type ChannelTemplate = Static<typeof ChannelTemplate>;

export const ChannelTemplatesQuery = Type.Object(
  { status: Type.Optional(Type.String({ pattern: '^[A-Za-z_]{1,32}$', description: 'Only templates with this status, e.g. APPROVED.' })) },
  { additionalProperties: false },
);
export type ChannelTemplatesQuery = Static<typeof ChannelTemplatesQuery>;

export const ChannelTemplateList = Type.Object({ data: Type.Array(ChannelTemplate) });
export type ChannelTemplateList = Static<typeof ChannelTemplateList>;
