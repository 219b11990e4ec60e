import { isValidWebhookSignature, parseWebhookPayload, type ValidationIssue } from '@valeo/cloud-api';
import Fastify from 'fastify';

export type ReceivedWebhook = {
  rawBody: string;
  body: Record<string, unknown>;
  signature: string | undefined;
  validSignature: boolean;
  /** Problems found by the shared webhook schema of `@valeo/cloud-api` (empty = conforms). */
  schemaErrors: ValidationIssue[];
};

/**
 * A tiny HTTP endpoint on port 0 that records every webhook POST and checks its signature over the
 * raw bytes. `respondWith` decides the status per call (default 200). GET answers Meta's handshake for
 * the verify token `verify-me`.
 */
export async function startWebhookReceiver(appSecret: string) {
  const received: ReceivedWebhook[] = [];
  let respondWith: (callIndex: number) => number = () => 200;
  let calls = 0;
  const app = Fastify();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.get<{ Querystring: Record<string, string> }>('/webhook', async (request, reply) => {
    const q = request.query;
    if (q['hub.mode'] === 'subscribe' && q['hub.verify_token'] === 'verify-me') return reply.send(q['hub.challenge']);
    return reply.code(403).send('forbidden');
  });
  app.post('/webhook', async (request, reply) => {
    const rawBody = String(request.body);
    const signature = request.headers['x-hub-signature-256'] as string | undefined;
    const body = JSON.parse(rawBody) as Record<string, unknown>;
    const parsed = parseWebhookPayload(body);
    received.push({
      rawBody,
      body,
      schemaErrors: parsed.ok ? [] : parsed.errors,
      signature,
      validSignature: isValidWebhookSignature(rawBody, signature, appSecret) && request.headers['content-type'] === 'application/json',
    });
    return reply.code(respondWith(calls++)).send('ok');
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `${address}/webhook`,
    received,
    respond(fn: (callIndex: number) => number): void {
      respondWith = fn;
    },
    close: () => app.close(),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

type Json = Record<string, unknown>;
const first = (value: unknown): Json => ((Array.isArray(value) ? value[0] : undefined) ?? {}) as Json;

/** `entry[0].changes[0].value` of a webhook body. */
export function valueOf(body: Json): Json {
  return (first(first(body['entry'])['changes'])['value'] ?? {}) as Json;
}

export function fieldOf(body: Json): string {
  return String(first(first(body['entry'])['changes'])['field']);
}

/** Every status item received so far, in arrival order. */
export function statusesOf(received: ReceivedWebhook[]): Json[] {
  return received.flatMap((w) => (valueOf(w.body)['statuses'] as Json[] | undefined) ?? []);
}

export function messagesOf(received: ReceivedWebhook[]): Json[] {
  return received.flatMap((w) => (valueOf(w.body)['messages'] as Json[] | undefined) ?? []);
}
