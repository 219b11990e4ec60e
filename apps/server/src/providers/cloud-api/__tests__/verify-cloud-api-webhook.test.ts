import { signWebhookBody, toMetaJson } from '@valeo/cloud-api';
import { describe, expect, it } from 'vitest';
import { verifyCloudApiWebhook } from '../verify-cloud-api-webhook.js';
import { loadFixture } from './load-fixture.js';

const SECRET = 'app-secret';
// Meta's bytes: non-ASCII escaped as \uXXXX (the profile name has none, the body below has).
const rawBody = Buffer.from(toMetaJson({ ...loadFixture('webhook-text.json'), note: 'Grüß Gott 👋' }));
const signature = signWebhookBody(rawBody, SECRET);

describe('verifyCloudApiWebhook', () => {
  it('accepts the signature over the raw bytes, whatever the header case or shape', () => {
    expect(verifyCloudApiWebhook({ rawBody, headers: { 'x-hub-signature-256': signature } }, SECRET)).toEqual({ ok: true });
    expect(verifyCloudApiWebhook({ rawBody, headers: { 'X-Hub-Signature-256': signature } }, SECRET)).toEqual({ ok: true });
    expect(verifyCloudApiWebhook({ rawBody, headers: { 'x-hub-signature-256': [signature] } }, SECRET)).toEqual({ ok: true });
  });

  it('rejects re-serialised JSON: only the bytes as received verify', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString())));
    expect(verifyCloudApiWebhook({ rawBody: reserialised, headers: { 'x-hub-signature-256': signature } }, SECRET))
      .toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
  });

  it('distinguishes a missing header from a wrong one', () => {
    expect(verifyCloudApiWebhook({ rawBody, headers: {} }, SECRET)).toEqual({ ok: false, reason: 'SIGNATURE_MISSING' });
    expect(verifyCloudApiWebhook({ rawBody, headers: { 'x-hub-signature-256': '' } }, SECRET)).toEqual({ ok: false, reason: 'SIGNATURE_MISSING' });
    expect(verifyCloudApiWebhook({ rawBody, headers: { 'x-hub-signature-256': 'sha1=abc' } }, SECRET)).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    expect(verifyCloudApiWebhook({ rawBody, headers: { 'x-hub-signature-256': signature } }, 'other')).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
  });
});
