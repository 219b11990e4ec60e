import { Type, type Static, type TProperties } from 'typebox';
import { MediaObject } from './outbound-media.js';

/**
 * Outbound `interactive` objects (REFERENCE.md §1.2; [OAS23] `InteractiveObject`, `ActionObject`).
 * Limits that JSON Schema cannot express (≤ 10 list rows in total, unique button ids/titles, section
 * titles required when there are several sections) are checked by `checkInteractiveRules`.
 */
export const INTERACTIVE_LIMITS = {
  headerText: 60,
  body: 1024,
  /** List messages allow 4096 per the list page; [OAS23] `BodyObject` says 1024 (conflict noted in REFERENCE.md). */
  listBody: 4096,
  footer: 60,
  replyButtons: 3,
  replyButtonId: 256,
  replyButtonTitle: 20,
  listButton: 20,
  listSections: 10,
  listRowsTotal: 10,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  sectionTitle: 24,
  ctaDisplayText: 20,
  flowCta: 30,
  productItems: 30,
} as const;

const L = INTERACTIVE_LIMITS;
const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const InteractiveTextHeader = Type.Object({ type: Type.Literal('text'), text: text(L.headerText) });
export const InteractiveHeader = Type.Union([
  InteractiveTextHeader,
  Type.Object({ type: Type.Literal('image'), image: MediaObject }),
  Type.Object({ type: Type.Literal('video'), video: MediaObject }),
  Type.Object({ type: Type.Literal('document'), document: MediaObject }),
]);
export type InteractiveHeader = Static<typeof InteractiveHeader>;

const body = Type.Object({ text: text(L.body) });
const footer = Type.Optional(Type.Object({ text: text(L.footer) }));

function interactive<T extends string, P extends TProperties>(type: T, properties: P) {
  return Type.Object({ type: Type.Literal(type), ...properties });
}

export const ReplyButton = Type.Object({
  type: Type.Literal('reply'),
  reply: Type.Object({ id: text(L.replyButtonId), title: text(L.replyButtonTitle) }),
});

export const InteractiveButton = interactive('button', {
  header: Type.Optional(InteractiveHeader),
  body,
  footer,
  action: Type.Object({ buttons: Type.Array(ReplyButton, { minItems: 1, maxItems: L.replyButtons }) }),
});

export const ListSection = Type.Object({
  title: Type.Optional(text(L.sectionTitle)),
  rows: Type.Array(
    Type.Object({
      id: text(L.rowId),
      title: text(L.rowTitle),
      description: Type.Optional(Type.String({ maxLength: L.rowDescription })),
    }),
    { minItems: 1, maxItems: L.listRowsTotal },
  ),
});

/** List header is text only. */
export const InteractiveList = interactive('list', {
  header: Type.Optional(InteractiveTextHeader),
  body: Type.Object({ text: text(L.listBody) }),
  footer,
  action: Type.Object({
    button: text(L.listButton),
    sections: Type.Array(ListSection, { minItems: 1, maxItems: L.listSections }),
  }),
});

export const InteractiveCtaUrl = interactive('cta_url', {
  header: Type.Optional(InteractiveHeader),
  body,
  footer,
  action: Type.Object({
    name: Type.Literal('cta_url'),
    parameters: Type.Object({ display_text: text(L.ctaDisplayText), url: Type.String({ minLength: 1 }) }),
  }),
});

const flowParameterProperties = {
  flow_message_version: Type.Literal('3'),
  flow_cta: text(L.flowCta),
  flow_token: Type.Optional(Type.String()),
  mode: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])),
  flow_action: Type.Optional(Type.Union([Type.Literal('navigate'), Type.Literal('data_exchange')])),
  flow_action_payload: Type.Optional(
    Type.Object({ screen: Type.Optional(Type.String()), data: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
  ),
};

/** `flow_id` or `flow_name`, not both. */
export const FlowParameters = Type.Union([
  Type.Object({ ...flowParameterProperties, flow_id: Type.String({ minLength: 1 }), flow_name: Type.Optional(Type.Never()) }),
  Type.Object({ ...flowParameterProperties, flow_name: Type.String({ minLength: 1 }), flow_id: Type.Optional(Type.Never()) }),
]);

export const InteractiveFlow = interactive('flow', {
  header: Type.Optional(InteractiveHeader),
  body,
  footer,
  action: Type.Object({ name: Type.Literal('flow'), parameters: FlowParameters }),
});

/** The user's answer arrives as a `location` message with `context`. */
export const InteractiveLocationRequest = interactive('location_request_message', {
  body,
  action: Type.Object({ name: Type.Literal('send_location') }),
});

/** Single-product message: no header, body optional. */
export const InteractiveProduct = interactive('product', {
  body: Type.Optional(body),
  footer,
  action: Type.Object({ catalog_id: Type.String({ minLength: 1 }), product_retailer_id: Type.String({ minLength: 1 }) }),
});

/** Multi-product message: text header required. */
export const InteractiveProductList = interactive('product_list', {
  header: InteractiveTextHeader,
  body,
  footer,
  action: Type.Object({
    catalog_id: Type.String({ minLength: 1 }),
    sections: Type.Array(
      Type.Object({
        title: Type.Optional(text(L.sectionTitle)),
        product_items: Type.Array(Type.Object({ product_retailer_id: Type.String({ minLength: 1 }) }), {
          minItems: 1,
          maxItems: L.productItems,
        }),
      }),
      { minItems: 1, maxItems: L.listSections },
    ),
  }),
});

export const InteractiveCatalogMessage = interactive('catalog_message', {
  body,
  footer,
  action: Type.Object({
    name: Type.Literal('catalog_message'),
    parameters: Type.Optional(Type.Object({ thumbnail_product_retailer_id: Type.String() })),
  }),
});

export const InteractiveCallPermissionRequest = interactive('call_permission_request', {
  body,
  footer,
  action: Type.Object({ name: Type.Literal('call_permission_request') }),
});

export const InteractiveObject = Type.Union([
  InteractiveButton,
  InteractiveList,
  InteractiveCtaUrl,
  InteractiveFlow,
  InteractiveLocationRequest,
  InteractiveProduct,
  InteractiveProductList,
  InteractiveCatalogMessage,
  InteractiveCallPermissionRequest,
]);
export type InteractiveObject = Static<typeof InteractiveObject>;
export type InteractiveType = InteractiveObject['type'];
