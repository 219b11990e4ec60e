import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../messaging-provider.js';
import { createCloudApiClient } from '../cloud-api.client.js';

/** Real sockets: what undici actually throws for each failure, not what we assume it throws. */
let server: Server | undefined;

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<ChannelContext> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return context(`http://127.0.0.1:${port}`);
}

function context(graphBaseUrl: string): ChannelContext {
  return { channelId: 'c', phoneNumberId: '1', wabaId: 'w', accessToken: 't', appSecret: 's', graphBaseUrl, graphApiVersion: 'v24.0' };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe('CloudApiClient over real sockets', () => {
  it('connection refused → TEMPORARY (nothing was sent)', async () => {
    const ctx = await serve(() => undefined);
    const { port } = server?.address() as AddressInfo;
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    await expect(createCloudApiClient({ ...ctx, graphBaseUrl: `http://127.0.0.1:${port}` }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it('the server reads the request, then resets the connection → OUTCOME_UNKNOWN', async () => {
    let received = '';
    const ctx = await serve((req) => {
      req.on('data', (chunk: Buffer) => { received += chunk.toString(); });
      req.on('end', () => req.socket.destroy());
    });
    await expect(createCloudApiClient(ctx).request({ method: 'POST', path: '/1/messages', json: { to: '49151' } }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(received).toBe('{"to":"49151"}');
  });

  it('the server accepts and never answers → OUTCOME_UNKNOWN after the client timeout', async () => {
    const ctx = await serve(() => undefined);
    await expect(createCloudApiClient(ctx, { timeoutMs: 50 }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
  });

  it('a GET that times out → TEMPORARY (safe to repeat)', async () => {
    const ctx = await serve(() => undefined);
    await expect(createCloudApiClient(ctx).request({ method: 'GET', path: '/1', timeoutMs: 50 }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it('sends multipart bodies the server can read', async () => {
    let contentType = '';
    let body = '';
    const ctx = await serve((req, res) => {
      contentType = req.headers['content-type'] ?? '';
      req.on('data', (chunk: Buffer) => { body += chunk.toString('latin1'); });
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"m1"}'));
    });
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('file', new Blob([Buffer.from('PNGDATA')], { type: 'image/png' }), 'a.png');
    await expect(createCloudApiClient(ctx).request({ method: 'POST', path: '/1/media', form })).resolves.toEqual({ id: 'm1' });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toContain('name="file"; filename="a.png"');
    expect(body).toContain('PNGDATA');
  });
});
