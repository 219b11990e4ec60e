/**
 * Pure helpers of the webhook hot path: is the body a WhatsApp webhook envelope, and which channels
 * does it concern? Deliberately shallow (full parsing happens in the `inbound.process` job, off the
 * request path); deep enough that routing never guesses.
 */

/** Where a webhook body must be routed: phone numbers for `messages`, WABAs for account-level fields. */
export type WebhookRouting = {
  /** `value.metadata.phone_number_id` of every change that has one, de-duplicated, in order. */
  phoneNumberIds: string[];
  /** `entry[].id` of every change WITHOUT a phone number id (template, quality, account fields). */
  wabaIds: string[];
};

type Json = Record<string, unknown>;

/**
 * Distinct phone numbers / WABAs one body may name. A real POST concerns one Meta app's numbers;
 * the cap keeps an unsigned body from forcing thousands of channel lookups before it is rejected.
 */
export const MAX_ROUTING_KEYS = 100;

/** Parses the raw bytes as JSON; `undefined` when they are not JSON (→ 400). */
export function parseJsonBody(rawBody: Buffer): unknown {
  if (rawBody.length === 0) return undefined;
  try {
    return JSON.parse(rawBody.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The routing keys of a Cloud API envelope
 * (`{object: "whatsapp_business_account", entry: [{id, changes: [{field, value}]}]}`, REFERENCE.md §4.3),
 * or `undefined` when the body is not such an envelope or names more than {@link MAX_ROUTING_KEYS}.
 */
export function readWebhookRouting(body: unknown): WebhookRouting | undefined {
  if (!isObject(body) || body['object'] !== 'whatsapp_business_account') return undefined;
  const entries = body['entry'];
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const phoneNumberIds = new Set<string>();
  const wabaIds = new Set<string>();
  for (const entry of entries) {
    if (!isObject(entry) || !Array.isArray(entry['changes'])) return undefined;
    const wabaId = typeof entry['id'] === 'string' ? entry['id'] : '';
    for (const change of entry['changes']) {
      if (!isObject(change) || typeof change['field'] !== 'string' || !isObject(change['value'])) return undefined;
      const phoneNumberId = phoneNumberIdOf(change['value']);
      if (phoneNumberId !== undefined) phoneNumberIds.add(phoneNumberId);
      else if (wabaId !== '') wabaIds.add(wabaId);
      else return undefined;
    }
    if (phoneNumberIds.size + wabaIds.size > MAX_ROUTING_KEYS) return undefined;
  }
  return { phoneNumberIds: [...phoneNumberIds], wabaIds: [...wabaIds] };
}

function phoneNumberIdOf(value: Json): string | undefined {
  const metadata = value['metadata'];
  if (!isObject(metadata)) return undefined;
  const id = metadata['phone_number_id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * `sha256=` + 64 hex digits, the only shape Meta sends. Anything else is rejected before we spend an
 * HMAC on it, and never reaches `timingSafeEqual` with a different length (RELIABILITY.md §2.2).
 */
export function isWellFormedSignature(header: string | undefined): header is string {
  return header !== undefined && header.length === 71 && /^sha256=[0-9a-fA-F]{64}$/.test(header);
}

export function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
