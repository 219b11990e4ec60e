import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers/eventually.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import type { Channel } from '../../channels/index.js';
import { mediaStorageKey } from '../../media/index.js';
import { buildHubTestApp, type HubTestApp } from './hub-test-app.js';

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WEBP_HEADER = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);

type MediaRow = { id: string; status: string; error: string | null; mime_type: string | null; file_size: number | null; sha256: string | null; storage_key: string | null };

/**
 * A simulated customer sends media through the emulator; the emulator's signed webhook reaches the
 * Hub over HTTP; `inbound.process` records the message and schedules `media.fetch`, which downloads
 * from the emulator (as Meta) into storage — or refuses.
 */
describe(`inbound media, emulator → webhook → media.fetch (${testDialect()})`, () => {
  let hub: HubTestApp;
  let channel: Channel;

  beforeAll(async () => {
    hub = await buildHubTestApp();
    channel = await hub.createChannel({ phoneNumberId: '3330001', appSecret: 'media-secret', registerInEmulator: { webhookUrl: await hub.listen() } });
    await hub.queue.start();
  });
  afterAll(async () => hub.close());

  async function customerSends(message: Record<string, unknown>): Promise<{ wamid: string; providerMediaId: string }> {
    const result = await hub.emulator.control<{ wamid: string; message: Record<string, Record<string, unknown>> }>('POST', '/_emulator/inbound', {
      phoneNumberId: channel.phoneNumberId, from: '4915122223333', message,
    });
    const type = String(message['type']);
    return { wamid: result.wamid, providerMediaId: String(result.message[type]?.['id']) };
  }

  /** The media row of an inbound message, once media.fetch has finished with it. */
  async function settledMedia(wamid: string): Promise<MediaRow> {
    return eventually(async () => {
      const row = await hub.database.db.selectFrom('media')
        .innerJoin('messages', 'messages.id', 'media.message_id')
        .select(['media.id', 'media.status', 'media.error', 'media.mime_type', 'media.file_size', 'media.sha256', 'media.storage_key'])
        .where('messages.wamid', '=', wamid)
        .executeTakeFirst();
      expect(row?.status).toMatch(/^(stored|rejected|failed)$/);
      return row as MediaRow;
    }, { timeoutMs: 10_000 });
  }

  const downloadsOf = (providerMediaId: string) =>
    hub.emulator.requests.filter((r) => r.includes('/whatsapp_business/attachments') && r.includes(`mid=${providerMediaId}`));
  const lookupsOf = (providerMediaId: string) => hub.emulator.requests.filter((r) => r.startsWith(`GET /v24.0/${providerMediaId}`));

  it('downloads an inbound image into storage, byte for byte, and serves it to the tenant', async () => {
    const bytes = Buffer.concat([PNG_HEADER, randomBytes(4_000)]);
    const sent = await customerSends({ type: 'image', image: { data: bytes.toString('base64'), mime_type: 'image/png', caption: 'Lieferschein' } });
    const media = await settledMedia(sent.wamid);
    expect(media).toMatchObject({ status: 'stored', error: null, mime_type: 'image/png', file_size: bytes.length });
    expect(media.storage_key).toBe(mediaStorageKey(hub.tenantId, media.id));
    expect((await hub.storage.get(media.storage_key!))?.equals(bytes)).toBe(true);

    const content = await hub.app.inject({ method: 'GET', url: `/api/v1/media/${media.id}/content`, headers: hub.authHeader });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(bytes)).toBe(true);
    expect(content.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    const meta = await hub.app.inject({ method: 'GET', url: `/api/v1/media/${media.id}`, headers: hub.authHeader });
    expect(meta.json()).toMatchObject({ id: media.id, direction: 'inbound', type: 'image', status: 'stored', providerMediaId: sent.providerMediaId });
  });

  it("rejects a sticker over Meta's static-sticker limit without downloading it", async () => {
    const bytes = Buffer.concat([WEBP_HEADER, randomBytes(150 * 1024)]);
    const sent = await customerSends({ type: 'sticker', sticker: { data: bytes.toString('base64'), mime_type: 'image/webp', animated: false } });
    const media = await settledMedia(sent.wamid);
    expect(media.status).toBe('rejected');
    expect(media.error).toMatch(/exceeds the limit of 102400/);
    expect(lookupsOf(sent.providerMediaId)).toHaveLength(1);
    expect(downloadsOf(sent.providerMediaId)).toEqual([]);
    expect(media.storage_key).toBeNull();
  });

  it('rejects a document of a type WhatsApp does not allow before any call to Meta', async () => {
    const sent = await customerSends({
      type: 'document', document: { data: Buffer.from('<html><script>alert(1)</script></html>').toString('base64'), mime_type: 'text/html', filename: 'x.html' },
    });
    const media = await settledMedia(sent.wamid);
    expect(media).toMatchObject({ status: 'rejected', error: 'MIME type text/html is not allowed for document', storage_key: null });
    expect(lookupsOf(sent.providerMediaId)).toEqual([]);
    expect(downloadsOf(sent.providerMediaId)).toEqual([]);
  });

  it('serves a stored PDF as an attachment with its file name', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(500)]);
    // ASCII name: the emulator cannot put a non-ASCII name into its own download header (HTTP 500).
    const sent = await customerSends({ type: 'document', document: { data: pdf.toString('base64'), mime_type: 'application/pdf', filename: 'Rechnung 2026.pdf' } });
    const media = await settledMedia(sent.wamid);
    expect(media.status).toBe('stored');
    const content = await hub.app.inject({ method: 'GET', url: `/api/v1/media/${media.id}/content`, headers: hub.authHeader });
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Rechnung 2026.pdf"; filename*=UTF-8''Rechnung%202026.pdf`);
    expect(content.headers['content-security-policy']).toContain('sandbox');
    expect(content.rawPayload.equals(pdf)).toBe(true);
  });

  it('fetches once even when the emulator delivers the webhook twice', async () => {
    await hub.emulator.control('POST', '/_emulator/faults', { duplicateWebhooks: true });
    try {
      const bytes = Buffer.concat([PNG_HEADER, randomBytes(300)]);
      const sent = await customerSends({ type: 'image', image: { data: bytes.toString('base64'), mime_type: 'image/png' } });
      expect((await settledMedia(sent.wamid)).status).toBe('stored');
      const rows = await hub.database.db.selectFrom('media').select('id').where('provider_media_id', '=', sent.providerMediaId).execute();
      expect(rows).toHaveLength(1);
      expect(downloadsOf(sent.providerMediaId)).toHaveLength(1);
    } finally {
      await hub.emulator.control('DELETE', '/_emulator/faults');
    }
  });
});
