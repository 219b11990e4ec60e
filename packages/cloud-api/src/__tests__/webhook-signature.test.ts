import { describe, expect, it } from 'vitest';
import { isValidWebhookSignature, SIGNATURE_HEADER, signWebhookBody, toMetaJson } from '../webhook-signature.js';

const SECRET = 'app-secret';

describe('webhook signature', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('signs as sha256=<hex> and verifies its own signature', () => {
    const signature = signWebhookBody(body, SECRET);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isValidWebhookSignature(body, signature, SECRET)).toBe(true);
    expect(isValidWebhookSignature(body.toString('utf8'), signature, SECRET)).toBe(true);
    expect(SIGNATURE_HEADER).toBe('x-hub-signature-256');
  });

  it('matches a known HMAC-SHA256 vector', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    expect(signWebhookBody('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('rejects a tampered byte', () => {
    const signature = signWebhookBody(body, SECRET);
    const tampered = Buffer.from(body);
    tampered[5] = (tampered[5] ?? 0) ^ 1;
    expect(isValidWebhookSignature(tampered, signature, SECRET)).toBe(false);
  });

  it('rejects a wrong secret, a missing header and malformed headers', () => {
    const signature = signWebhookBody(body, SECRET);
    expect(isValidWebhookSignature(body, signWebhookBody(body, 'other'), SECRET)).toBe(false);
    expect(isValidWebhookSignature(body, undefined, SECRET)).toBe(false);
    expect(isValidWebhookSignature(body, '', SECRET)).toBe(false);
    expect(isValidWebhookSignature(body, signature.slice('sha256='.length), SECRET)).toBe(false);
    expect(isValidWebhookSignature(body, `${signature}00`, SECRET)).toBe(false);
    expect(isValidWebhookSignature(body, signature.replace('sha256=', 'sha1='), SECRET)).toBe(false);
  });

  it('toMetaJson escapes non-ASCII and slashes like Meta, and the escaped bytes verify', () => {
    const value = { text: { body: 'Grüße 👍 https://x.de/a' } };
    const raw = toMetaJson(value);
    expect(raw).toBe('{"text":{"body":"Gr\\u00fc\\u00dfe \\ud83d\\udc4d https:\\/\\/x.de\\/a"}}');
    expect(/^[ -~]*$/.test(raw)).toBe(true);
    expect(JSON.parse(raw)).toEqual(value);

    const signature = signWebhookBody(raw, SECRET);
    expect(isValidWebhookSignature(Buffer.from(raw, 'utf8'), signature, SECRET)).toBe(true);
    // Re-serialising with plain JSON.stringify changes the bytes, so the signature no longer matches.
    expect(isValidWebhookSignature(JSON.stringify(JSON.parse(raw)), signature, SECRET)).toBe(false);
  });
});
