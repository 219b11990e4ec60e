import { randomBytes } from 'node:crypto';
import { buildEmulatorApp } from '@valeo/emulator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestTenant } from '../../../../test/helpers/build-test-app.js';
import { testDialect } from '../../../../test/helpers/test-database.js';
import { CloudApiProvider } from '../../../providers/cloud-api/cloud-api.provider.js';
import { createProviderRegistry } from '../../../providers/provider-registry.js';
import { InProcessJobQueue } from '../../../queue/in-process/in-process-job-queue.js';
import type { Channel } from '../../channels/index.js';
import { createMediaModule, InMemoryMediaStorage } from '../index.js';

const TOKEN = 'media-routes-token';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2_000)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(800)]);

type Part = { name: string; value: string } | { name: string; data: Buffer; type: string; filename: string };

/** A multipart body as a browser or the ERP's HTTP client would send it. */
async function multipart(parts: Part[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const part of parts) {
    if ('value' in part) form.append(part.name, part.value);
    else form.append(part.name, new Blob([part.data], { type: part.type }), part.filename);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

describe(`/api/v1/media (${testDialect()})`, () => {
  let emulator: FastifyInstance;
  let emulatorUrl: string;
  let hub: TestApp;
  let queue: InProcessJobQueue;
  let storage: InMemoryMediaStorage;
  let channel: Channel;
  let stranger: TestTenant;

  beforeAll(async () => {
    emulator = await buildEmulatorApp({ statusDelaysMs: null, throughputPerSecond: 0 });
    emulatorUrl = await emulator.listen({ port: 0, host: '127.0.0.1' });
    storage = new InMemoryMediaStorage();
    hub = await buildTestApp({
      extend: ({ database, config, modules }) => {
        queue = new InProcessJobQueue({ database });
        const media = createMediaModule({
          db: database.db, queue, storage, channels: modules.channels.service,
          providers: createProviderRegistry([new CloudApiProvider()]), maxBytes: config.media.maxBytes,
        });
        return { apiPlugins: [media.routes] };
      },
    });
    channel = await hub.modules.channels.service.createChannel({
      tenantId: hub.tenantId, name: 'media', provider: 'cloud-api', phoneNumberId: '4440001', wabaId: '94440001',
      displayPhoneNumber: '+49 30 4440001', accessToken: TOKEN, appSecret: 's', webhookVerifyToken: 'v', graphBaseUrl: emulatorUrl,
    });
    await fetch(`${emulatorUrl}/_emulator/phone-numbers`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumberId: '4440001', wabaId: '94440001', displayPhoneNumber: '+49 30 4440001', accessToken: TOKEN, appSecret: 's', webhookUrl: null }),
    });
    stranger = await hub.createTenant();
  });
  afterAll(async () => {
    await queue.stop({ drainMs: 0 });
    await hub.close();
    await emulator.close();
  });

  const upload = async (parts: Part[], auth: { authorization: string } = hub.authHeader) => {
    const body = await multipart(parts);
    return hub.app.inject({ method: 'POST', url: '/api/v1/media', headers: { ...auth, ...body.headers }, payload: body.payload });
  };
  const file = (data: Buffer, type: string, filename = 'file.bin'): Part => ({ name: 'file', data, type, filename });
  const get = (url: string, auth: { authorization: string } = hub.authHeader) => hub.app.inject({ method: 'GET', url, headers: auth });

  /** What Meta (the emulator) now holds under that media id. */
  async function bytesAtMeta(providerMediaId: string): Promise<Buffer> {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const info = (await (await fetch(`${emulatorUrl}/v24.0/${providerMediaId}`, { headers: auth })).json()) as { url: string };
    return Buffer.from(await (await fetch(info.url, { headers: auth })).arrayBuffer());
  }

  it('uploads an image to the provider, keeps a copy and answers the id to send with', async () => {
    const response = await upload([{ name: 'channelId', value: channel.id }, file(PNG, 'image/png', 'photo.png')]);
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ providerMediaId: expect.any(String), mimeType: 'image/png', fileSize: PNG.length, type: 'image', status: 'uploaded' });
    expect((await bytesAtMeta(created.providerMediaId)).equals(PNG)).toBe(true);

    expect((await get(`/api/v1/media/${created.id}`)).json()).toEqual(created);
    const content = await get(`/api/v1/media/${created.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(PNG)).toBe(true);
    expect(content.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    expect(content.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('serves documents as attachments, with the name encoded per RFC 5987', async () => {
    const created = (await upload([{ name: 'channelId', value: channel.id }, file(PDF, 'application/pdf', 'Angebot Müller.pdf')])).json();
    const content = await get(`/api/v1/media/${created.id}/content`);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Angebot M_ller.pdf"; filename*=UTF-8''Angebot%20M%C3%BCller.pdf`);
    expect(content.headers['content-security-policy']).toContain('sandbox');
    expect(content.rawPayload.equals(PDF)).toBe(true);
  });

  it('streams uploads larger than the API\'s JSON body limit (1 MB) through to the provider', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(1_500_000)]);
    const response = await upload([{ name: 'channelId', value: channel.id }, file(big, 'application/pdf', 'big.pdf')]);
    expect(response.statusCode).toBe(201);
    expect((await bytesAtMeta(response.json().providerMediaId)).equals(big)).toBe(true);
  });

  it('hides one tenant\'s media and channels from another (404)', async () => {
    const created = (await upload([{ name: 'channelId', value: channel.id }, file(PNG, 'image/png')])).json();
    expect((await get(`/api/v1/media/${created.id}`, stranger.authHeader)).statusCode).toBe(404);
    const content = await get(`/api/v1/media/${created.id}/content`, stranger.authHeader);
    expect(content.statusCode).toBe(404);
    expect(content.json()).toMatchObject({ error: { code: 'MEDIA_NOT_FOUND' } });
    const foreignChannel = await upload([{ name: 'channelId', value: channel.id }, file(PNG, 'image/png')], stranger.authHeader);
    expect(foreignChannel.statusCode).toBe(404);
    expect(foreignChannel.json()).toMatchObject({ error: { code: 'MEDIA_CHANNEL_NOT_FOUND' } });
  });

  it.each([
    ['a type WhatsApp refuses', [file(Buffer.from('<svg onload=alert(1)>'), 'image/svg+xml')], 415, 'MEDIA_TYPE_NOT_ALLOWED'],
    ['an image over 5 MB', [file(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png')], 413, 'MEDIA_TOO_LARGE'],
    ['markup declared as PNG', [file(Buffer.from('<html><script>alert(1)</script>'), 'image/png')], 400, 'MEDIA_CONTENT_MISMATCH'],
    ['no file', [], 400, 'MEDIA_UPLOAD_INVALID'],
    ['two files', [file(PNG, 'image/png'), { ...file(PNG, 'image/png'), name: 'other' }], 413, 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s', async (_name, parts, status, code) => {
    const before = storage.size;
    const response = await upload([{ name: 'channelId', value: channel.id }, ...(parts as Part[])]);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(storage.size).toBe(before);
  });

  it('refuses an upload without channelId, or one that is not multipart', async () => {
    expect((await upload([file(PNG, 'image/png')])).json()).toMatchObject({ error: { code: 'MEDIA_UPLOAD_INVALID' } });
    const json = await hub.app.inject({ method: 'POST', url: '/api/v1/media', headers: hub.authHeader, payload: { channelId: channel.id } });
    expect(json.statusCode).toBe(400);
  });

  it('needs an API key with messages:send to upload and messages:read to read', async () => {
    const created = (await upload([{ name: 'channelId', value: channel.id }, file(PNG, 'image/png')])).json();
    const readOnly = await hub.createApiKey(['messages:read']);
    expect((await upload([{ name: 'channelId', value: channel.id }, file(PNG, 'image/png')], readOnly.authHeader)).statusCode).toBe(403);
    expect((await get(`/api/v1/media/${created.id}`, readOnly.authHeader)).statusCode).toBe(200);
    const sendOnly = await hub.createApiKey(['messages:send']);
    expect((await get(`/api/v1/media/${created.id}/content`, sendOnly.authHeader)).statusCode).toBe(403);
    expect((await hub.app.inject({ method: 'GET', url: `/api/v1/media/${created.id}` })).statusCode).toBe(401);
  });

  it('answers 502 and keeps nothing when the provider refuses the upload', async () => {
    await fetch(`${emulatorUrl}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serverErrors: true }) });
    try {
      const before = storage.size;
      const response = await upload([{ name: 'channelId', value: channel.id }, file(PNG, 'image/png')]);
      expect(response.statusCode).toBe(502);
      expect(response.json()).toMatchObject({ error: { code: 'MEDIA_UPLOAD_FAILED' } });
      expect(storage.size).toBe(before);
    } finally {
      await fetch(`${emulatorUrl}/_emulator/faults`, { method: 'DELETE' });
    }
  });
});
