import { Type, type Static } from 'typebox';
import { caseInsensitivePattern } from './case-insensitive.js';

/**
 * Template management (Business Management API; REFERENCE.md §3): `GET|POST|DELETE
 * /{waba-id}/message_templates`, `GET|POST /{template-id}`. Enumerations are matched case-insensitively
 * because Meta's own examples use both `UTILITY` and `utility`, `HEADER` and `header`.
 */
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** Values of the status-update webhook `event` enum (REFERENCE.md §3.3). Only APPROVED can be sent. */
export const TEMPLATE_STATUSES = [
  'APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED',
  'ARCHIVED', 'LIMIT_EXCEEDED', 'FLAGGED', 'REINSTATED', 'LOCKED',
] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const TEMPLATE_QUALITY_SCORES = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

export const TEMPLATE_DEFINITION_LIMITS = {
  name: 512,
  headerText: 60,
  body: 1024,
  footer: 60,
  buttons: 10,
  buttonText: 25,
  urlButtons: 2,
  urlLength: 2000,
  phoneNumberButtons: 1,
  phoneNumberLength: 20,
  copyCodeButtons: 1,
} as const;

/** Lowercase letters, digits and underscores. */
export const TEMPLATE_NAME_PATTERN = '^[a-z0-9_]+$';

export const TemplateDefinitionButton = Type.Object({
  /** QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, MPM, CATALOG, FLOW, SPM, REQUEST_CONTACT_INFO … */
  type: Type.String({ minLength: 1 }),
  text: Type.Optional(Type.String({ maxLength: TEMPLATE_DEFINITION_LIMITS.buttonText })),
  url: Type.Optional(Type.String({ maxLength: TEMPLATE_DEFINITION_LIMITS.urlLength })),
  phone_number: Type.Optional(Type.String({ maxLength: TEMPLATE_DEFINITION_LIMITS.phoneNumberLength })),
  otp_type: Type.Optional(Type.String()),
  example: Type.Optional(Type.Union([Type.Array(Type.String()), Type.String()])),
});
export type TemplateDefinitionButton = Static<typeof TemplateDefinitionButton>;

/**
 * One component of a template definition. A single lenient shape (not a union) because `type` comes in
 * either case; per-type limits (header ≤ 60, body ≤ 1024, footer ≤ 60) are for the reviewer (emulator).
 * `example`: positional `header_text[]`, `body_text[[…]]`; named `header_text_named_params[]`,
 * `body_text_named_params[{param_name, example}]`; media `header_handle[]`.
 */
export const TemplateDefinitionComponent = Type.Object({
  type: Type.String({ pattern: caseInsensitivePattern(['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER']) }),
  format: Type.Optional(Type.String({ pattern: caseInsensitivePattern(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'PRODUCT']) })),
  text: Type.Optional(Type.String()),
  example: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  buttons: Type.Optional(Type.Array(TemplateDefinitionButton, { minItems: 1, maxItems: TEMPLATE_DEFINITION_LIMITS.buttons })),
  add_security_recommendation: Type.Optional(Type.Boolean()),
  code_expiration_minutes: Type.Optional(Type.Integer()),
});
export type TemplateDefinitionComponent = Static<typeof TemplateDefinitionComponent>;

const category = Type.String({ pattern: caseInsensitivePattern(TEMPLATE_CATEGORIES) });
const parameterFormat = Type.String({ pattern: caseInsensitivePattern(['positional', 'named']) });

/** `POST /{waba-id}/message_templates`. */
export const TemplateCreateRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: TEMPLATE_DEFINITION_LIMITS.name, pattern: TEMPLATE_NAME_PATTERN }),
  category,
  language: Type.String({ minLength: 1 }),
  /** @defaultValue 'positional' */
  parameter_format: Type.Optional(parameterFormat),
  components: Type.Array(TemplateDefinitionComponent, { minItems: 1 }),
  message_send_ttl_seconds: Type.Optional(Type.Integer()),
  allow_category_change: Type.Optional(Type.Boolean()),
});
export type TemplateCreateRequest = Static<typeof TemplateCreateRequest>;

export const TemplateCreateResponse = Type.Object({
  id: Type.String({ minLength: 1 }),
  status: Type.String(),
  category: Type.String(),
});
export type TemplateCreateResponse = Static<typeof TemplateCreateResponse>;

/** `POST /{template-id}`: category or components (components replace all). Answers `{success:true}`. */
export const TemplateEditRequest = Type.Object({
  category: Type.Optional(category),
  components: Type.Optional(Type.Array(TemplateDefinitionComponent, { minItems: 1 })),
  message_send_ttl_seconds: Type.Optional(Type.Integer()),
});
export type TemplateEditRequest = Static<typeof TemplateEditRequest>;

export const TemplateQualityScore = Type.Object({
  score: Type.String(),
  date: Type.Optional(Type.Number()),
});

/**
 * A template as returned by list/get. Only `id` is always there: `?fields=` selects the rest.
 */
export const TemplateInfo = Type.Object({
  id: Type.String({ minLength: 1 }),
  name: Type.Optional(Type.String()),
  language: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  previous_category: Type.Optional(Type.String()),
  parameter_format: Type.Optional(Type.String()),
  components: Type.Optional(Type.Array(TemplateDefinitionComponent)),
  quality_score: Type.Optional(TemplateQualityScore),
  rejected_reason: Type.Optional(Type.String()),
  message_send_ttl_seconds: Type.Optional(Type.Integer()),
});
export type TemplateInfo = Static<typeof TemplateInfo>;

export const GraphPaging = Type.Object({
  cursors: Type.Optional(Type.Object({ before: Type.Optional(Type.String()), after: Type.Optional(Type.String()) })),
  next: Type.Optional(Type.String()),
  previous: Type.Optional(Type.String()),
});
export type GraphPaging = Static<typeof GraphPaging>;

export const TemplateListResponse = Type.Object({
  data: Type.Array(TemplateInfo),
  paging: Type.Optional(GraphPaging),
});
export type TemplateListResponse = Static<typeof TemplateListResponse>;

/** Query of `GET /{waba-id}/message_templates` (all strings, as parsed from the URL). */
export const TemplateListQuery = Type.Object({
  fields: Type.Optional(Type.String()),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  after: Type.Optional(Type.String()),
  before: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  language: Type.Optional(Type.String()),
});
export type TemplateListQuery = Static<typeof TemplateListQuery>;

/** Query of `DELETE /{waba-id}/message_templates`: by `name` (all languages) or `hsm_id` + `name` (one). */
export const TemplateDeleteQuery = Type.Object({
  name: Type.String({ minLength: 1 }),
  hsm_id: Type.Optional(Type.String({ minLength: 1 })),
});
export type TemplateDeleteQuery = Static<typeof TemplateDeleteQuery>;

/** `GET /{template-id}?fields=quality_score`. */
export const TemplateQualityScoreResponse = Type.Object({ id: Type.String(), quality_score: TemplateQualityScore });
export type TemplateQualityScoreResponse = Static<typeof TemplateQualityScoreResponse>;
