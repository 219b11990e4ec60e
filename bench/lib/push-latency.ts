import { performance } from 'node:perf_hooks';
import { KeepAliveConnection } from './keep-alive-client.js';
import { summarizeLatencies, type LatencySummary } from './percentile.js';
import { openSseStream, type SseMessage } from './sse-reader.js';
import type { InboundWebhookRequest } from './inbound-webhooks.js';

export type PushLatencyOptions = {
  port: number;
  /** The event stream, e.g. /api/v1/events, and its credentials. */
  ssePath: string;
  sseHeaders?: Record<string, string>;
  webhooks: InboundWebhookRequest[];
  /** A message whose event did not arrive within this long counts as lost. */
  timeoutMs: number;
};

export type PushLatencyResult = {
  /** Messages whose event arrived. */
  delivered: number;
  lost: number;
  /** Webhook answers other than 200. */
  rejected: number;
  statuses: Record<string, number>;
  /** From the first byte of the webhook written to the socket until its SSE event was parsed, ms. */
  latencyMs: LatencySummary;
  elapsedMs: number;
};

/**
 * One SSE client and one webhook sender in this process (one clock): for each message, the clock
 * starts right before the signed webhook's bytes are written to the socket and stops when the
 * `message.received` event naming that customer has been read from the stream. Messages go one at
 * a time (the next after the previous event and HTTP answer), so the figure is the push path's own
 * latency, not a queue under load.
 */
export async function measurePushLatency(opts: PushLatencyOptions): Promise<PushLatencyResult> {
  const waiting = new Map<string, (at: number) => void>();
  const onMessage = (message: SseMessage) => {
    if (message.event !== 'message.received') return;
    const at = performance.now();
    const { contactWaId } = JSON.parse(message.data) as { contactWaId?: string };
    if (contactWaId !== undefined) waiting.get(contactWaId)?.(at);
  };
  const stream = await openSseStream({ port: opts.port, path: opts.ssePath, ...(opts.sseHeaders ? { headers: opts.sseHeaders } : {}), onMessage });
  let connection = await KeepAliveConnection.open('127.0.0.1', opts.port);
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  let lost = 0;
  let rejected = 0;
  const started = performance.now();
  try {
    for (const webhook of opts.webhooks) {
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<number | undefined>((resolve) => {
        waiting.set(webhook.waId, resolve);
        timer = setTimeout(() => resolve(undefined), opts.timeoutMs);
      });
      const sentAt = performance.now();
      const status = await connection.send(webhook.request).catch(() => -1);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 200) rejected += 1;
      if (connection.closed) connection = await KeepAliveConnection.open('127.0.0.1', opts.port);
      const at = status === 200 ? await arrived : undefined;
      clearTimeout(timer);
      waiting.delete(webhook.waId);
      if (at === undefined) lost += status === 200 ? 1 : 0;
      else samples.push(at - sentAt);
    }
  } finally {
    connection.close();
    stream.close();
  }
  return { delivered: samples.length, lost, rejected, statuses, latencyMs: summarizeLatencies(samples), elapsedMs: performance.now() - started };
}
