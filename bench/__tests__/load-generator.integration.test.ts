import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeRequest } from '../lib/keep-alive-client.js';
import { runLoad } from '../lib/load-generator.js';

describe('runLoad against a real HTTP server', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<unknown>();
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        bodies.push(body);
        if (body === 'hang-up') {
          request.socket.destroy();
          return;
        }
        // Every third request fails, so the tally of errors can be checked.
        const status = Number(body) % 3 === 0 ? 500 : 200;
        const answer = JSON.stringify({ echo: body });
        // Framed by Content-Length, as Fastify answers (the client refuses chunked bodies).
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
      });
    });
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends every request of a finite supply over keep-alive connections and tallies the answers', async () => {
    const requests = Array.from({ length: 30 }, (_, i) => serializeRequest({ method: 'POST', path: '/', host: '127.0.0.1', body: String(i + 1) }));
    let next = 0;
    const result = await runLoad({ host: '127.0.0.1', port, connections: 4, durationMs: 10_000, next: () => requests[next++], okStatuses: [200] });
    expect(result.ok).toBe(20);
    expect(result.errors).toBe(10);
    expect(result.statuses).toEqual({ 200: 20, 500: 10 });
    expect(result.latencyMs.count).toBe(20);
    expect(result.perSecond).toBeGreaterThan(0);
    expect(bodies.slice().sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    // Four connections, reused: not one per request.
    expect(sockets.size).toBe(4);
  });

  it('counts a dropped connection as an error, reconnects and goes on', async () => {
    const requests = ['a', 'hang-up', 'b', 'c'].map((body) => serializeRequest({ method: 'POST', path: '/', host: '127.0.0.1', body }));
    let next = 0;
    const result = await runLoad({ host: '127.0.0.1', port, connections: 1, durationMs: 10_000, next: () => requests[next++], okStatuses: [200] });
    expect(result.ok).toBe(3);
    expect(result.errors).toBe(1);
    expect(result.firstError).toMatch(/closed|reset/i);
  });
});
