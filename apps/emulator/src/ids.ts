import { randomBytes, randomInt } from 'node:crypto';

/**
 * Meta's wamids are base64 of a small binary record: 0x1c 0x18 <len> <wa_id> 0x15 0x02 0x00 <dir> 0x18
 * <len> <hex id> 0x00, where <dir> is 0x11 for business-sent messages (18 hex chars) and 0x12 for
 * customer messages (20 hex chars) — see the examples in payloads/send-text-response.json and
 * payloads/webhook-text.json. We reproduce the shape so parsers that peek into it keep working.
 */
export function createWamid(waId: string, direction: 'outbound' | 'inbound'): string {
  const idLength = direction === 'outbound' ? 9 : 10;
  const hexId = randomBytes(idLength).toString('hex').toUpperCase();
  const digits = Buffer.from(waId.replace(/\D/g, '').slice(0, 32), 'ascii');
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]),
    digits,
    Buffer.from([0x15, 0x02, 0x00, direction === 'outbound' ? 0x11 : 0x12, 0x18, hexId.length]),
    Buffer.from(hexId, 'ascii'),
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}

/**
 * Graph object ids (media, templates) are 16-digit decimal strings like `1689556908129832`. Keeping
 * them below 2^53 matters: template webhooks carry the id as a JSON number.
 */
export function createGraphId(): string {
  return `1${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

/** Digits only: Meta accepts `+`, spaces, dashes and brackets in `to` and answers with the bare wa_id. */
export function toWaId(phone: string): string {
  return phone.replace(/\D/g, '');
}
