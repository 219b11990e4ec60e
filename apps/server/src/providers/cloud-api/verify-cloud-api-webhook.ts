import { isValidWebhookSignature, SIGNATURE_HEADER } from '@valeo/cloud-api';
import type { RawWebhookRequest, WebhookVerdict } from '../messaging-provider.js';

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC of the raw body with the app secret>` (REFERENCE.md §4.2).
 * Must run on the bytes as received: re-serialised JSON changes Meta's `\uXXXX` escapes.
 */
export function verifyCloudApiWebhook(request: RawWebhookRequest, appSecret: string): WebhookVerdict {
  const header = headerValue(request.headers, SIGNATURE_HEADER);
  if (header === undefined || header === '') return { ok: false, reason: 'SIGNATURE_MISSING' };
  return isValidWebhookSignature(request.rawBody, header, appSecret)
    ? { ok: true }
    : { ok: false, reason: 'SIGNATURE_INVALID' };
}

/** Header names are case-insensitive; Node lower-cases them, but a caller may not have. */
function headerValue(headers: RawWebhookRequest['headers'], name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}
