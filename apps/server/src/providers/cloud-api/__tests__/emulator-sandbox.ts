import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildEmulatorApp } from '@valeo/emulator';
import type { FastifyInstance } from 'fastify';
import { eventually } from '../../../../test/helpers/eventually.js';
import type { ChannelContext, RawWebhookRequest } from '../../messaging-provider.js';

export type CapturedWebhook = RawWebhookRequest & { headers: IncomingHttpHeaders };

/**
 * The emulator on port 0 plus a webhook receiver that keeps the exact bytes and headers the
 * emulator POSTed: verification must run on what went over the wire, not on re-serialised JSON.
 */
export type EmulatorSandbox = {
  baseUrl: string;
  received: CapturedWebhook[];
  control<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** Resets the emulator and registers one business number whose webhooks reach the receiver. */
  freshChannel(): Promise<ChannelContext>;
  /** A customer sends a text; resolves with its wamid and the signed webhook that carried it. */
  customerSays(ctx: ChannelContext, from: string, body: string): Promise<{ wamid: string; webhook: CapturedWebhook }>;
  close(): Promise<void>;
};

export const BUSINESS_DISPLAY_NUMBER = '+49 30 1234567';

export async function startEmulatorSandbox(): Promise<EmulatorSandbox> {
  // No automatic status webhooks, so the receiver only sees what a test triggers.
  const app: FastifyInstance = await buildEmulatorApp({ statusDelaysMs: null, throughputPerSecond: 0, webhookRetryDelaysMs: [] });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const received: CapturedWebhook[] = [];
  const receiver = await startReceiver(received);

  async function control<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`emulator ${method} ${path} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    baseUrl,
    received,
    control,
    async freshChannel() {
      await control('POST', '/_emulator/reset', {});
      received.length = 0;
      const ctx: ChannelContext = {
        channelId: 'ch_sandbox', phoneNumberId: '1000001', wabaId: '2000001', accessToken: 'sandbox-token',
        appSecret: 'sandbox-app-secret', graphBaseUrl: baseUrl, graphApiVersion: 'v24.0',
      };
      await control('POST', '/_emulator/phone-numbers', {
        phoneNumberId: ctx.phoneNumberId, wabaId: ctx.wabaId, displayPhoneNumber: BUSINESS_DISPLAY_NUMBER,
        accessToken: ctx.accessToken, appSecret: ctx.appSecret, webhookUrl: receiver.url,
      });
      return ctx;
    },
    async customerSays(ctx, from, body) {
      const { wamid } = await control<{ wamid: string }>('POST', '/_emulator/inbound', {
        phoneNumberId: ctx.phoneNumberId, from, name: 'Erika Muster', message: { type: 'text', text: { body } },
      });
      const webhook = await eventually(() => {
        const hit = received.find((w) => w.rawBody.toString('utf8').includes(wamid));
        if (hit === undefined) throw new Error(`no webhook carrying ${wamid} yet`);
        return hit;
      });
      return { wamid, webhook };
    },
    async close() {
      await app.close();
      await new Promise((resolve) => receiver.server.close(resolve));
    },
  };
}

async function startReceiver(received: CapturedWebhook[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ rawBody: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/webhooks/whatsapp` };
}
