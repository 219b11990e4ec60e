/**
 * Baseline server for webhook ingestion: a bare Fastify app whose POST /webhooks/whatsapp does
 * nothing but answer 200 (Fastify still reads and JSON-parses the body, as any route would). It is
 * the ceiling of "HTTP + Fastify + one ~1.3 KB JSON body" on this machine, measured with the same
 * bodies, connections and load generator as the Hub.
 */
import Fastify from 'fastify';
import { serveParent } from './lib/ipc.js';

export type NoopReady = { port: number };

const app = Fastify({ logger: false });
app.post('/webhooks/whatsapp', async (_request, reply) => reply.code(200).send());
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');

serveParent({ port: address.port } satisfies NoopReady, {
  stop: () => app.close(),
});
