import type { DeliveryStatus, InboundEvent, VendorError } from '../messaging-provider.js';
import { ProviderError, ProviderErrorCode } from '../provider-error.js';

type Json = Record<string, unknown>;
type EventOf<K extends InboundEvent['kind']> = Extract<InboundEvent, { kind: K }>;

const DELIVERY_STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'played', 'failed', 'deleted'];

/**
 * Flattens a Cloud API webhook body into domain events. It walks EVERY entry × change × item:
 * Meta batches up to 1,000 updates per POST, and reading only `[0]` (as Chatwoot and
 * whatsapp-api-js do) silently loses messages (REFERENCE.md §4.2, §4.6).
 *
 * - `field: "messages"` → one event per `messages[]`, `statuses[]` and a single `error` event for
 *   `value.errors[]`; a `messages` change with none of those is kept as `other`.
 * - any other field (template status, quality, account alerts, user preferences…) → `other`.
 * - a body that is not the envelope, or an item without its identifying fields →
 *   `ProviderError(INVALID_REQUEST)` naming the path, so the stored raw event can be inspected.
 */
export function parseCloudApiWebhook(body: unknown): InboundEvent[] {
  if (!isObject(body) || body['object'] !== 'whatsapp_business_account' || !Array.isArray(body['entry'])) {
    throw malformed('body is not a whatsapp_business_account webhook envelope');
  }
  const events: InboundEvent[] = [];
  body['entry'].forEach((entry: unknown, e) => {
    const path = `entry[${e}]`;
    if (!isObject(entry) || !Array.isArray(entry['changes'])) throw malformed(`${path}.changes is not an array`);
    const wabaId = String(entry['id'] ?? '');
    entry['changes'].forEach((change: unknown, c) => {
      events.push(...parseChange(change, wabaId, `${path}.changes[${c}]`));
    });
  });
  return events;
}

function parseChange(change: unknown, wabaId: string, path: string): InboundEvent[] {
  if (!isObject(change) || typeof change['field'] !== 'string' || !isObject(change['value'])) {
    throw malformed(`${path} needs a string field and an object value`);
  }
  const { field, value } = change as { field: string; value: Json };
  if (field !== 'messages') return [{ kind: 'other', field, wabaId, value }];
  const phoneNumberId = readPhoneNumberId(value);
  const events: InboundEvent[] = [
    ...arrayAt(value, 'messages', path).map((m, i) =>
      parseMessage({ item: m, value, phoneNumberId, path: `${path}.value.messages[${i}]` })),
    ...arrayAt(value, 'statuses', path).map((s, i) =>
      parseStatus({ item: s, phoneNumberId, wabaId, path: `${path}.value.statuses[${i}]` })),
  ];
  const errors = arrayAt(value, 'errors', path);
  if (errors.length > 0) {
    const event: EventOf<'error'> = { kind: 'error', errors: errors.map(toVendorError), raw: value };
    if (phoneNumberId !== '') event.phoneNumberId = phoneNumberId;
    events.push(event);
  }
  return events.length > 0 ? events : [{ kind: 'other', field, wabaId, value }];
}

type ItemInput = { item: Json; value: Json; phoneNumberId: string; path: string };

function parseMessage({ item, value, phoneNumberId, path }: ItemInput): EventOf<'message'> {
  // From 2026, users with a username may arrive without a phone number, only a BSUID (`from_user_id`).
  const from = requireString(item['from'] ?? item['from_user_id'], `${path}.from`);
  const type = requireString(item['type'], `${path}.type`);
  const typed = item[type];
  const event: EventOf<'message'> = {
    kind: 'message',
    phoneNumberId,
    wamid: requireString(item['id'], `${path}.id`),
    from,
    timestamp: parseTimestamp(item['timestamp'], `${path}.timestamp`),
    type,
    content: isObject(typed) ? typed : Array.isArray(typed) ? { [type]: typed } : {},
    raw: item,
  };
  const profileName = findProfileName(value, from);
  if (profileName !== undefined) event.profileName = profileName;
  const context = item['context'];
  if (isObject(context) && typeof context['id'] === 'string') event.contextWamid = context['id'];
  if (Array.isArray(item['errors'])) event.errors = item['errors'].filter(isObject).map(toVendorError);
  return event;
}

type StatusInput = { item: Json; phoneNumberId: string; wabaId: string; path: string };

function parseStatus({ item, phoneNumberId, wabaId, path }: StatusInput): InboundEvent {
  const status = requireString(item['status'], `${path}.status`);
  // A status value we do not model yet is kept, not dropped; the caller logs `other` events.
  if (!DELIVERY_STATUSES.includes(status)) return { kind: 'other', field: 'messages', wabaId, value: item };
  const event: EventOf<'status'> = {
    kind: 'status',
    phoneNumberId,
    wamid: requireString(item['id'], `${path}.id`),
    recipientId: requireString(item['recipient_id'] ?? item['recipient_user_id'], `${path}.recipient_id`),
    status: status as DeliveryStatus,
    timestamp: parseTimestamp(item['timestamp'], `${path}.timestamp`),
    raw: item,
  };
  if (typeof item['biz_opaque_callback_data'] === 'string') {
    event.bizOpaqueCallbackData = item['biz_opaque_callback_data'];
  }
  if (Array.isArray(item['errors'])) event.errors = item['errors'].filter(isObject).map(toVendorError);
  if (isObject(item['pricing'])) event.pricing = toPricing(item['pricing']);
  return event;
}

function toPricing(pricing: Json): NonNullable<EventOf<'status'>['pricing']> {
  const out: NonNullable<EventOf<'status'>['pricing']> = {};
  if (typeof pricing['billable'] === 'boolean') out.billable = pricing['billable'];
  if (typeof pricing['category'] === 'string') out.category = pricing['category'];
  if (typeof pricing['pricing_model'] === 'string') out.pricingModel = pricing['pricing_model'];
  if (typeof pricing['type'] === 'string') out.type = pricing['type'];
  return out;
}

/** Webhook errors: `{code, title, message, error_data: {details}, href}` (REFERENCE.md §4.5). */
export function toVendorError(error: Json): VendorError {
  const out: VendorError = {
    code: typeof error['code'] === 'number' ? error['code'] : Number(error['code'] ?? 0),
    title: typeof error['title'] === 'string' ? error['title'] : String(error['message'] ?? ''),
  };
  if (typeof error['message'] === 'string') out.message = error['message'];
  const data = error['error_data'];
  if (isObject(data) && typeof data['details'] === 'string') out.details = data['details'];
  return out;
}

function findProfileName(value: Json, from: string): string | undefined {
  const contacts = Array.isArray(value['contacts']) ? value['contacts'].filter(isObject) : [];
  const contact = contacts.find((c) => c['wa_id'] === from || c['user_id'] === from);
  const profile = contact?.['profile'];
  return isObject(profile) && typeof profile['name'] === 'string' ? profile['name'] : undefined;
}

function readPhoneNumberId(value: Json): string {
  const metadata = value['metadata'];
  return isObject(metadata) && typeof metadata['phone_number_id'] === 'string' ? metadata['phone_number_id'] : '';
}

/** Cloud API timestamps are strings of Unix seconds in messages/statuses (REFERENCE.md §4.3). */
function parseTimestamp(raw: unknown, path: string): Date {
  const seconds = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(seconds)) throw malformed(`${path} is not a Unix timestamp`);
  return new Date(seconds * 1000);
}

function arrayAt(value: Json, key: string, path: string): Json[] {
  const items = value[key];
  if (items === undefined) return [];
  if (!Array.isArray(items) || !items.every(isObject)) throw malformed(`${path}.value.${key} is not an array of objects`);
  return items;
}

function requireString(raw: unknown, path: string): string {
  if (typeof raw !== 'string' || raw === '') throw malformed(`${path} is missing`);
  return raw;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(detail: string): ProviderError {
  return new ProviderError({
    code: ProviderErrorCode.INVALID_REQUEST,
    message: `Malformed Cloud API webhook: ${detail}`,
  });
}
