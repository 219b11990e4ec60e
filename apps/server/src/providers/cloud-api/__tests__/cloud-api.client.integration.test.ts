import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelContext } from '../../messaging-provider.js';
import { createCloudApiClient } from '../cloud-api.client.js';
import { createGraphDispatcher, MAX_GRAPH_ANSWER_BYTES } from '../graph-json-call.js';

/** Real sockets: what undici actually throws for each failure, not what we assume it throws. */
let server: Server | undefined;
let connections = 0;

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<ChannelContext> {
  server = createServer(handler);
  connections = 0;
  server.on('connection', () => { connections += 1; });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return context(`http://127.0.0.1:${port}`);
}

function context(graphBaseUrl: string): ChannelContext {
  return { channelId: 'c', phoneNumberId: '1', wabaId: 'w', accessToken: 't', appSecret: 's', graphBaseUrl, graphApiVersion: 'v24.0' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    req.on('end', () => resolve(body));
  });
}

/** Streams `total` bytes without buffering them, honouring backpressure; resolves whether the response finished. */
function streamBytes(res: ServerResponse, total: number): Promise<boolean> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  return new Promise((resolve) => {
    res.on('close', () => resolve(res.writableFinished));
    const pump = (): void => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe('CloudApiClient JSON calls over real sockets (undici)', () => {
  it('sends the JSON, bearer, content-type and query, and reuses keep-alive sockets, also after error answers', async () => {
    const seen: { method: string | undefined; url: string | undefined; auth: string | undefined; type: string | undefined; body: string }[] = [];
    const ctx = await serve((req, res) => {
      void readBody(req).then((body) => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], body });
        if (req.url?.startsWith('/v24.0/1/bad')) {
          // Far above undici's 64 KiB highWaterMark: unread, it would stall the socket mid-answer.
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: '(#100) Invalid parameter', code: 100, padding: 'x'.repeat(300_000) } }));
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"messages":[{"id":"wamid.1"}]}');
        }
      });
    });
    const dispatcher = createGraphDispatcher();
    const client = createCloudApiClient(ctx, { dispatcher });
    await expect(client.request({ method: 'POST', path: '/1/messages', json: { to: '49151' } })).resolves.toEqual({ messages: [{ id: 'wamid.1' }] });
    await expect(client.request({ method: 'GET', path: '/1/bad', query: { fields: 'id' } })).rejects.toMatchObject({ code: 'INVALID_REQUEST', vendorCode: 100 });
    await expect(client.request({ method: 'DELETE', path: '/1/thing' })).resolves.toBeDefined();
    expect(seen).toEqual([
      { method: 'POST', url: '/v24.0/1/messages', auth: 'Bearer t', type: 'application/json', body: '{"to":"49151"}' },
      { method: 'GET', url: '/v24.0/1/bad?fields=id', auth: 'Bearer t', type: undefined, body: '' },
      { method: 'DELETE', url: '/v24.0/1/thing', auth: 'Bearer t', type: undefined, body: '' },
    ]);
    for (let i = 0; i < 3; i += 1) {
      await client.request({ method: 'GET', path: '/1/ok' });
      await client.request({ method: 'GET', path: '/1/bad' }).catch(() => undefined);
    }
    // Sequential calls alternate between at most two sockets (undici frees a socket just after the
    // body ends). A large answer body left unread would pin its socket and force a new one per error.
    expect(connections).toBeLessThanOrEqual(2);
    // Shutdown: closing the pool with idle keep-alive sockets returns at once.
    await dispatcher.close();
  });

  it('connection refused → TEMPORARY (nothing was sent)', async () => {
    const ctx = await serve(() => undefined);
    const { port } = server?.address() as AddressInfo;
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    await expect(createCloudApiClient({ ...ctx, graphBaseUrl: `http://127.0.0.1:${port}` }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY', message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('the server reads the request, then resets the connection → OUTCOME_UNKNOWN for a send, TEMPORARY when retry-safe', async () => {
    let received = '';
    const ctx = await serve((req) => {
      void readBody(req).then((body) => {
        received = body;
        req.socket.destroy();
      });
    });
    await expect(createCloudApiClient(ctx).request({ method: 'POST', path: '/1/messages', json: { to: '49151' } }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/) });
    expect(received).toBe('{"to":"49151"}');
    await expect(createCloudApiClient(ctx).request({ method: 'POST', path: '/1/messages', json: {}, retrySafe: true }))
      .rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it('the server accepts and never answers → OUTCOME_UNKNOWN after the client timeout', async () => {
    const ctx = await serve(() => undefined);
    await expect(createCloudApiClient(ctx, { timeoutMs: 50 }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/timed out/) });
  });

  it('a GET that times out → TEMPORARY (safe to repeat)', async () => {
    const ctx = await serve(() => undefined);
    await expect(createCloudApiClient(ctx).request({ method: 'GET', path: '/1', timeoutMs: 50 }))
      .rejects.toMatchObject({ code: 'TEMPORARY', message: expect.stringMatching(/timed out/) });
  });

  it('the timeout also covers a body that stalls after the headers', async () => {
    const ctx = await serve((req, res) => {
      void readBody(req).then(() => res.writeHead(200, { 'content-type': 'application/json' }).write('{"messages":'));
    });
    await expect(createCloudApiClient(ctx, { timeoutMs: 100 }).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/timed out/) });
  });

  it("undici's own headers timeout (UND_ERR_HEADERS_TIMEOUT) is the ambiguous timeout too", async () => {
    const ctx = await serve(() => undefined);
    const dispatcher = new Agent({ headersTimeout: 50 });
    try {
      const error: unknown = await createCloudApiClient(ctx, { dispatcher }).request({ method: 'POST', path: '/1/messages', json: {} }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/timed out/), cause: { code: 'UND_ERR_HEADERS_TIMEOUT' } });
    } finally {
      await dispatcher.destroy();
    }
  });

  it('stops reading an oversized 2xx answer and closes the socket: OUTCOME_UNKNOWN for a send', async () => {
    let finished: Promise<boolean> | undefined;
    const ctx = await serve((req, res) => {
      void readBody(req).then(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        finished = streamBytes(res, 64 * MAX_GRAPH_ANSWER_BYTES);
      });
    });
    await expect(createCloudApiClient(ctx).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', message: expect.stringMatching(/over 1048576 bytes/) });
    // The server never got to write its 64 MiB: we dropped the connection instead of reading on.
    expect(await finished).toBe(false);
  });

  it('refuses a declared Content-Length over the cap without waiting for the body', async () => {
    const ctx = await serve((req, res) => {
      void readBody(req).then(() => res.writeHead(200, { 'content-length': String(2 * MAX_GRAPH_ANSWER_BYTES) }).write('{'));
    });
    await expect(createCloudApiClient(ctx, { timeoutMs: 5_000 }).request({ method: 'GET', path: '/1' }))
      .rejects.toMatchObject({ code: 'TEMPORARY', message: expect.stringMatching(/over 1048576 bytes/) });
  });

  it('an oversized error page keeps the status classification (502 → TEMPORARY)', async () => {
    const ctx = await serve((req, res) => {
      void readBody(req).then(() => {
        res.writeHead(502, { 'content-type': 'text/html' });
        void streamBytes(res, 4 * MAX_GRAPH_ANSWER_BYTES);
      });
    });
    await expect(createCloudApiClient(ctx).request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY', message: expect.stringMatching(/HTTP 502/) });
  });

  it('a non-JSON 5xx → TEMPORARY; a Graph envelope → its code, with Retry-After', async () => {
    const ctx = await serve((req, res) => {
      void readBody(req).then(() => {
        if (req.url?.endsWith('/gateway')) res.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>');
        else res.writeHead(400, { 'content-type': 'application/json', 'retry-after': '3' }).end(JSON.stringify({ error: { message: '(#130429) Rate limit hit', code: 130429 } }));
      });
    });
    const client = createCloudApiClient(ctx);
    await expect(client.request({ method: 'POST', path: '/1/gateway', json: {} }))
      .rejects.toMatchObject({ code: 'TEMPORARY', vendorDetails: '<html>502 Bad Gateway</html>' });
    await expect(client.request({ method: 'POST', path: '/1/messages', json: {} }))
      .rejects.toMatchObject({ code: 'RATE_LIMITED', vendorCode: 130429, retryAfterMs: 3_000 });
  });
});

describe('CloudApiClient multipart uploads over real sockets (fetch)', () => {
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
