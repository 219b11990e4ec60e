import { Type, type Static } from 'typebox';

/**
 * Response of a successful send: accepted for processing only; delivery arrives by webhook
 * (REFERENCE.md §1.4). `wa_id` may differ from `input`. `message_status` appears only for paced
 * template sends (`accepted`, `held_for_quality_assessment`, `paused`); kept a string so a new value
 * never makes a successful send look failed.
 */
export const SendMessageResponse = Type.Object({
  messaging_product: Type.Literal('whatsapp'),
  contacts: Type.Array(Type.Object({ input: Type.String(), wa_id: Type.String() })),
  messages: Type.Array(
    Type.Object({
      id: Type.String({ minLength: 1 }),
      message_status: Type.Optional(Type.String()),
      group_id: Type.Optional(Type.String()),
    }),
    { minItems: 1 },
  ),
});
export type SendMessageResponse = Static<typeof SendMessageResponse>;

export const MESSAGE_PACING_STATUSES = ['accepted', 'held_for_quality_assessment', 'paused'] as const;

/** `{ "success": true }`: mark-read, typing indicator, media delete, template edit/delete. */
export const SuccessResponse = Type.Object({ success: Type.Boolean() });
export type SuccessResponse = Static<typeof SuccessResponse>;
