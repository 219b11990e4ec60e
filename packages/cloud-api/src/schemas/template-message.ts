import { Type, type Static, type TProperties } from 'typebox';
import { MediaObject } from './outbound-media.js';

/**
 * Outbound `template` object (REFERENCE.md §1.3; [OAS23] `TemplateObject`). Positional templates send
 * parameters in order; named templates (`parameter_format: "named"`) add `parameter_name` to each.
 * Whether counts and names match the approved template is the emulator's job (132000/132012).
 */
export const TEMPLATE_TEXT_PARAMETER_MAX_LENGTH = 32768;
/** Lowercase letters, digits and `_`, starting with a letter or `_` (Meta: "lowercase + underscore"). */
export const PARAMETER_NAME_PATTERN = '^[a-z_][a-z0-9_]*$';

const parameterName = { parameter_name: Type.Optional(Type.String({ pattern: PARAMETER_NAME_PATTERN })) };

function parameter<T extends string, P extends TProperties>(type: T, properties: P) {
  return Type.Object({ type: Type.Literal(type), ...parameterName, ...properties });
}

export const TextParameter = parameter('text', {
  text: Type.String({ maxLength: TEMPLATE_TEXT_PARAMETER_MAX_LENGTH }),
});
export const CurrencyParameter = parameter('currency', {
  currency: Type.Object({ fallback_value: Type.String(), code: Type.String(), amount_1000: Type.Integer() }),
});
/** Cloud API always renders `fallback_value`; the other date fields are accepted and ignored. */
export const DateTimeParameter = parameter('date_time', {
  date_time: Type.Object({ fallback_value: Type.String() }),
});
export const ImageParameter = parameter('image', { image: MediaObject });
export const VideoParameter = parameter('video', { video: MediaObject });
/** PDF only; no caption. */
export const DocumentParameter = parameter('document', { document: MediaObject });
export const LocationParameter = parameter('location', {
  location: Type.Object({
    latitude: Type.Union([Type.Number(), Type.String()]),
    longitude: Type.Union([Type.Number(), Type.String()]),
    name: Type.Optional(Type.String()),
    address: Type.Optional(Type.String()),
  }),
});
export const ProductParameter = parameter('product', {
  product: Type.Object({ product_retailer_id: Type.String(), catalog_id: Type.Optional(Type.String()) }),
});
/** Quick-reply button payload, echoed in the inbound `button` message. */
export const PayloadParameter = parameter('payload', { payload: Type.String() });
export const CouponCodeParameter = parameter('coupon_code', { coupon_code: Type.String() });
/** Flow / catalog / MPM button action. */
export const ActionParameter = parameter('action', { action: Type.Record(Type.String(), Type.Unknown()) });
export const TtlMinutesParameter = parameter('ttl_minutes', { ttl_minutes: Type.Integer() });

export const TemplateParameter = Type.Union([
  TextParameter,
  CurrencyParameter,
  DateTimeParameter,
  ImageParameter,
  VideoParameter,
  DocumentParameter,
  LocationParameter,
  ProductParameter,
  PayloadParameter,
  CouponCodeParameter,
  ActionParameter,
  TtlMinutesParameter,
]);
export type TemplateParameter = Static<typeof TemplateParameter>;

export const TemplateHeaderComponent = Type.Object({
  type: Type.Literal('header'),
  parameters: Type.Array(TemplateParameter, { minItems: 1 }),
});
export const TemplateBodyComponent = Type.Object({
  type: Type.Literal('body'),
  parameters: Type.Optional(Type.Array(TemplateParameter)),
});
/**
 * `sub_type`: `quick_reply`, `url`, `copy_code`, `catalog`, `mpm`, `flow`, `voice_call`, `order_details`, …
 * (Meta's own coupon example writes `COPY_CODE`). `index` is a string in [OAS23] but a number in some
 * Meta examples; both are accepted.
 */
export const TemplateButtonComponent = Type.Object({
  type: Type.Literal('button'),
  sub_type: Type.String({ minLength: 1 }),
  index: Type.Union([Type.String({ pattern: '^[0-9]+$' }), Type.Integer({ minimum: 0 })]),
  parameters: Type.Optional(Type.Array(TemplateParameter)),
});
/** Carousel templates: one entry per card with its own header/body/button components. */
export const TemplateCarouselComponent = Type.Object({
  type: Type.Literal('carousel'),
  cards: Type.Array(Type.Object({ card_index: Type.Integer({ minimum: 0 }), components: Type.Array(Type.Unknown()) })),
});
export const TemplateLimitedTimeOfferComponent = Type.Object({
  type: Type.Literal('limited_time_offer'),
  parameters: Type.Array(Type.Unknown()),
});
export const TemplateTapTargetComponent = Type.Object({
  type: Type.Literal('tap_target_configuration'),
  parameters: Type.Array(Type.Unknown()),
});

export const TemplateComponent = Type.Union([
  TemplateHeaderComponent,
  TemplateBodyComponent,
  TemplateButtonComponent,
  TemplateCarouselComponent,
  TemplateLimitedTimeOfferComponent,
  TemplateTapTargetComponent,
]);
export type TemplateComponent = Static<typeof TemplateComponent>;

/** `language.policy` is "required" in [OAS23] but omitted in every Meta example: optional here. */
export const TemplateObject = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 512 }),
  language: Type.Object({ code: Type.String({ minLength: 1 }), policy: Type.Optional(Type.Literal('deterministic')) }),
  components: Type.Optional(Type.Array(TemplateComponent)),
});
export type TemplateObject = Static<typeof TemplateObject>;
