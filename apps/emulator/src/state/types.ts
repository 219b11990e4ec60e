import type { TemplateStatus, WebhookError, WebhookPricing } from '@valeo/cloud-api';

/** Data the emulator keeps in memory. Timestamps are ISO strings taken from the emulator clock. */

export type PhoneNumber = {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  accessToken: string;
  appSecret: string;
  /** `null`: events are recorded in the delivery log as `skipped` instead of being POSTed. */
  webhookUrl: string | null;
};

export type StatusName = 'sent' | 'delivered' | 'read' | 'played' | 'failed';


export type StatusRecord = { status: StatusName; at: string; errors?: WebhookError[] };

/** A message a business sent through `POST /{phone-number-id}/messages`. */
export type SentMessage = {
  wamid: string;
  phoneNumberId: string;
  /** `to` exactly as sent. */
  to: string;
  waId: string;
  type: string;
  /** The exact JSON request body. */
  request: Record<string, unknown>;
  acceptedAt: string;
  statuses: StatusRecord[];
  bizOpaqueCallbackData?: string;
  pricing: WebhookPricing;
  /** Why the emulator will fail it asynchronously (e.g. 131047), if it will. */
  failure?: { code: number; details: string };
};

/** A message a simulated customer sent to a business number. */
export type InboundMessage = {
  wamid: string;
  phoneNumberId: string;
  from: string;
  name: string;
  type: string;
  /** The `value.messages[]` item as delivered in the webhook. */
  message: Record<string, unknown>;
  receivedAt: string;
  /** Set when the business marked it (or a later message) as read. */
  readAt: string | null;
  typingIndicator: boolean;
};

export type MediaObject = {
  id: string;
  phoneNumberId: string;
  mimeType: string;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  fileSize: number;
  filename?: string;
  data: Buffer;
  createdAt: string;
  origin: 'upload' | 'inbound';
};

export type { TemplateStatus };

export type TemplateComponent = Record<string, unknown> & { type: string };

export type Template = {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: string;
  status: TemplateStatus;
  parameterFormat: 'positional' | 'named';
  components: TemplateComponent[];
  rejectedReason?: string;
  createdAt: string;
};

export type DeliveryKind = 'message' | 'status' | 'template' | 'error';
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'dropped' | 'skipped';

export type DeliveryAttempt = { at: string; statusCode: number | null; error?: string; durationMs: number };

/** One webhook event and every POST the dispatcher made for it. */
export type Delivery = {
  id: number;
  kind: DeliveryKind;
  phoneNumberId: string | null;
  wabaId: string;
  url: string | null;
  /** Exactly the bytes POSTed (Meta-style ASCII-escaped JSON). */
  rawBody: string;
  signature: string;
  /** `true` for the extra copy sent by the `duplicateWebhooks` fault. */
  duplicate: boolean;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  createdAt: string;
};

export type PersonaScript = 'echo' | 'greeter' | 'button-clicker' | 'silent' | 'unreachable';

export type Persona = {
  /** `null`: the persona answers on every business number. */
  phoneNumberId: string | null;
  waId: string;
  name: string;
  script: PersonaScript;
  replyDelayMs: number;
};
