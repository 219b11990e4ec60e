import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs each webhook POST with HMAC-SHA256 of the raw request bytes, keyed by the app
 * secret, and sends it as `X-Hub-Signature-256: sha256=<hex>`. Verification must use the raw
 * bytes exactly as received: re-serialising parsed JSON changes escapes and breaks the match.
 * @see https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads
 */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

export function signWebhookBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

export function isValidWebhookSignature(
  rawBody: Buffer | string,
  signatureHeader: string | undefined,
  appSecret: string,
): boolean {
  if (!signatureHeader || !signatureHeader.startsWith('sha256=')) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, appSecret));
  const given = Buffer.from(signatureHeader);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Meta serialises webhook JSON with non-ASCII characters escaped as `\uXXXX` and `/` as `\/`
 * (PHP json_encode defaults), so a verifier that re-encodes UTF-8 would compute a different HMAC.
 * The emulator uses this to send byte-for-byte the same shape.
 */
export function toMetaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
