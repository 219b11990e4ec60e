/**
 * Baseline server for the push latency: a bare Fastify app with an event stream (GET /events)
 * and a webhook route (POST /webhooks/whatsapp) that parses the body and writes one
 * `message.received` event naming the sender to every open stream before answering 200. It is the
 * floor of "HTTP in, JSON parse, SSE out" on this machine, with no signature check, storage or
 * queue: what the Hub adds on top is the ratio.
 */
import type { ServerResponse } from 'node:http';
import Fastify from 'fastify';
import { serveParent } from './lib/ipc.js';

export type SseEchoReady = { port: number };

type InboundBody = { entry?: { changes?: { value?: { messages?: { from?: string; id?: string }[] } }[] }[] };

const streams = new Set<ServerResponse>();
const app = Fastify({ logger: false });
app.get('/events', (_request, reply) => {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
  response.write('retry: 2000\n\n');
  streams.add(response);
  response.on('close', () => streams.delete(response));
});
app.post('/webhooks/whatsapp', async (request, reply) => {
  const message = (request.body as InboundBody).entry?.[0]?.changes?.[0]?.value?.messages?.[0];
  const chunk = `event: message.received\ndata: ${JSON.stringify({ contactWaId: message?.from, wamid: message?.id })}\n\n`;
  for (const stream of streams) stream.write(chunk);
  return reply.code(200).send();
});
app.addHook('preClose', async () => {
  for (const stream of streams) stream.end();
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');

serveParent({ port: address.port } satisfies SseEchoReady, {
  stop: () => app.close(),
});
