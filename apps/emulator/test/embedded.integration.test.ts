import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorPlugin } from '../src/index.js';
import { CUSTOMER, NUMBER } from './helpers/emulator-harness.js';

describe('emulator embedded as a plugin', () => {
  let host: FastifyInstance;
  afterEach(() => host.close());

  it('serves Graph and control routes under the host prefix next to host routes, with prefixed media URLs', async () => {
    host = Fastify({ forceCloseConnections: true });
    host.get('/health', async () => ({ ok: true }));
    const { plugin, context } = createEmulatorPlugin({ statusDelaysMs: null });
    await host.register(plugin, { prefix: '/sandbox' });
    const origin = await host.listen({ port: 0, host: '127.0.0.1' });
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    expect((await post('/sandbox/_emulator/phone-numbers', { ...NUMBER, webhookUrl: null })).status).toBe(200);
    const inbound = await post('/sandbox/_emulator/inbound', { phoneNumberId: NUMBER.phoneNumberId, from: CUSTOMER, message: { type: 'image', image: {} } });
    const image = ((await inbound.json()) as { message: { image: { url: string } } }).message.image;
    expect(image.url.startsWith(`${origin}/sandbox/whatsapp_business/attachments/?mid=`)).toBe(true);

    const sent = await post(`/sandbox/v24.0/${NUMBER.phoneNumberId}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'hi' } }, NUMBER.accessToken);
    expect(sent.status).toBe(200);
    expect(context.store.sentMessages.size).toBe(1);
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    expect((await fetch(image.url, { headers: { authorization: `Bearer ${NUMBER.accessToken}` } })).status).toBe(200);
  });
});
