import { Type, type Static } from 'typebox';
import { Label } from './labels.js';

/**
 * The contact side panel.
 *
 * - `GET /api/v1/contacts/:id` → `ContactDetail` (scope `messages:read`).
 * - `PATCH /api/v1/contacts/:id` `UpdateContactRequest` → 200 `ContactDetail` (scope `contacts:manage`).
 *   The name is WhatsApp's profile name and is not editable here (the next message would overwrite it).
 *   `attributes` merges: a string sets a key, `null` removes it; at most `CONTACT_ATTRIBUTES_MAX` keys
 *   afterwards, else 422 `CONTACT_ATTRIBUTES_LIMIT`. `consent` records a new state; the server stamps
 *   `updatedAt`. `erpCustomerId: null` clears the ERP link.
 */
export const CONTACT_ATTRIBUTES_MAX = 50;
export const CONTACT_ATTRIBUTE_VALUE_MAX_LENGTH = 500;
export const CONTACT_PAST_CONVERSATIONS_MAX = 20;

export const CONSENT_STATUSES = ['opted_in', 'opted_out', 'unknown'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const ConsentStatusSchema = Type.Union([Type.Literal('opted_in'), Type.Literal('opted_out'), Type.Literal('unknown')]);

export const ContactConsent = Type.Object({
  status: ConsentStatusSchema,
  /** When the state was last recorded; null while it was never recorded. */
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** How it was given or withdrawn, e.g. "web form", "phone call", "ERP". */
  source: Type.Union([Type.String(), Type.Null()]),
});
export type ContactConsent = Static<typeof ContactConsent>;

/** One of the contact's conversations (one per channel), most recent first. */
export const ContactConversationSummary = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  lastMessageAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastMessagePreview: Type.Union([Type.String(), Type.Null()]),
});
export type ContactConversationSummary = Static<typeof ContactConversationSummary>;

export const ContactDetail = Type.Object({
  id: Type.String(),
  waId: Type.String(),
  profileName: Type.Union([Type.String(), Type.Null()]),
  lastInboundAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  erpCustomerId: Type.Union([Type.String(), Type.Null()]),
  attributes: Type.Record(Type.String(), Type.String()),
  labels: Type.Array(Label),
  consent: ContactConsent,
  conversations: Type.Array(ContactConversationSummary),
});
export type ContactDetail = Static<typeof ContactDetail>;

const AttributeKey = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';

export const UpdateContactRequest = Type.Object(
  {
    erpCustomerId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_./-]*$' }), Type.Null()])),
    attributes: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String({ maxLength: CONTACT_ATTRIBUTE_VALUE_MAX_LENGTH }), Type.Null()]), {
        maxProperties: CONTACT_ATTRIBUTES_MAX,
        propertyNames: Type.String({ pattern: AttributeKey }),
        description: 'Keys: letters, digits, _ . - (1–64, starting with a letter or digit). null removes a key.',
      }),
    ),
    consent: Type.Optional(
      Type.Object(
        { status: ConsentStatusSchema, source: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateContactRequest = Static<typeof UpdateContactRequest>;

export const ContactIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ContactErrorCode = {
  CONTACT_NOT_FOUND: 'CONTACT_NOT_FOUND',
  CONTACT_ATTRIBUTES_LIMIT: 'CONTACT_ATTRIBUTES_LIMIT',
} as const;
