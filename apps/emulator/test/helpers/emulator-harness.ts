import type { FastifyInstance } from 'fastify';
import { buildEmulatorApp, type EmulatorOptions } from '../../src/index.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

export const NUMBER = {
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  displayPhoneNumber: '+1 555-078-3881',
  accessToken: 'EAAG-test-token',
  appSecret: 'test-app-secret',
};
export const CUSTOMER = '16505551234';

export type Harness = {
  app: FastifyInstance;
  /** Origin + prefix of the emulator, e.g. `http://127.0.0.1:1234/sandbox`. */
  baseUrl: string;
  receiver: WebhookReceiver;
  /** fetch against the emulator with JSON; `token: null` sends no Authorization header. */
  call: (method: string, path: string, body?: unknown, token?: string | null) => Promise<{ status: number; body: Record<string, unknown> }>;
  close: () => Promise<void>;
};

/** Starts the emulator on port 0 plus a webhook receiver, and registers {@link NUMBER} pointing at it. */
export async function startHarness(opts: EmulatorOptions = {}): Promise<Harness> {
  const receiver = await startWebhookReceiver(NUMBER.appSecret);
  const app = await buildEmulatorApp({ webhookRetryDelaysMs: [20, 40], ...opts });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `${origin}${opts.prefix ?? ''}`;
  const call: Harness['call'] = async (method, path, body, token = NUMBER.accessToken) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const registered = await call('POST', '/_emulator/phone-numbers', { ...NUMBER, webhookUrl: receiver.url }, null);
  if (registered.status !== 200) throw new Error(`registration failed: ${JSON.stringify(registered.body)}`);
  return {
    app, baseUrl, receiver, call,
    close: async () => {
      await app.close();
      await receiver.close();
    },
  };
}

/** A customer writes first, so the 24-hour window is open. */
export async function openWindow(h: Harness, from = CUSTOMER): Promise<string> {
  const res = await h.call('POST', '/_emulator/inbound', { phoneNumberId: NUMBER.phoneNumberId, from, message: { type: 'text', text: { body: 'hi' } } }, null);
  return String(res.body['wamid']);
}

export const sendPath = `/v24.0/${NUMBER.phoneNumberId}/messages`;
