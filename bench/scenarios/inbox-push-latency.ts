import type { HubPhaseUsage } from '../hub-process.js';
import type { SseEchoReady } from '../sse-echo-process.js';
import { startChild } from '../lib/ipc.js';
import type { PushLatencyResult } from '../lib/push-latency.js';
import type { PreparePushArgs, PushLatencyArgs } from '../load-process.js';
import { waitForDrain, withHubUsage, type BenchContext } from './bench-context.js';

export type InboxPushResult = {
  hub: PushLatencyResult;
  baseline: PushLatencyResult;
  hubUsage: HubPhaseUsage;
  problems: string[];
};

const WARMUP_MESSAGES = 100;
/** A message whose event has not arrived after this long is lost (a fault, not a slow sample). */
const TIMEOUT_MS = 10_000;

/**
 * `inbox_push_latency`: a signed inbound text webhook on `POST /webhooks/whatsapp` → verify, store
 * raw, 200 → `inbound.process` job → message stored → `message.received` → SSE `GET /api/v1/events`.
 * The load process plays the emulator (it posts the webhooks the emulator would post, signed with
 * the sandbox channel's app secret) and the connected browser (one SSE client), so start and stop
 * are read from one clock. Baseline: the same webhooks against a bare Fastify SSE echo.
 */
export async function measureInboxPush(ctx: BenchContext, opts: { messages: number }): Promise<InboxPushResult> {
  const { ready } = ctx.hub;
  const prepare = (name: string, count: number, firstIndex: number) =>
    ctx.load.call<number>('preparePush', { name, number: ready.number, appSecret: ready.appSecret, count, firstIndex } satisfies PreparePushArgs);
  await prepare('push-warmup', WARMUP_MESSAGES, 0);
  await prepare('push', opts.messages, WARMUP_MESSAGES);
  const run = (name: string, port: number, ssePath: string, sseHeaders?: Record<string, string>) =>
    ctx.load.call<PushLatencyResult>('pushLatency', { name, port, ssePath, timeoutMs: TIMEOUT_MS, ...(sseHeaders ? { sseHeaders } : {}) } satisfies PushLatencyArgs);

  const echo = await startChild<SseEchoReady>(new URL('../sse-echo-process.ts', import.meta.url));
  let baseline: PushLatencyResult;
  try {
    await run('push-warmup', echo.ready.port, '/events');
    baseline = await run('push', echo.ready.port, '/events');
  } finally {
    await echo.stop();
  }
  ctx.log(describePush('bare Fastify SSE echo (baseline)', baseline));

  const auth = { authorization: `Bearer ${ready.apiKey}` };
  await run('push-warmup', ready.port, '/api/v1/events', auth);
  await waitForDrain(ctx);
  const { result: hub, hub: hubUsage } = await withHubUsage(ctx, 'inbox_push_latency', async () => {
    const result = await run('push', ready.port, '/api/v1/events', auth);
    ctx.log(describePush('Hub webhook → SSE /api/v1/events', result));
    return result;
  });
  await waitForDrain(ctx);
  const problems: string[] = [];
  for (const [label, result] of [['inbox_push_latency', hub], ['push baseline', baseline]] as const) {
    if (result.lost > 0 || result.rejected > 0) {
      problems.push(`${label}: ${result.rejected} webhooks not acked with 200 ${JSON.stringify(result.statuses)}, ${result.lost} events never arrived within ${TIMEOUT_MS} ms`);
    }
  }
  return { hub, baseline, hubUsage, problems };
}

function describePush(label: string, result: PushLatencyResult): string {
  // NaN (nothing arrived) comes over IPC as null.
  const ms = (value: number | null) => (value === null || Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)} ms`);
  const { p50, p99, max } = result.latencyMs;
  return `${label}: ${result.delivered} messages, p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(max)}`;
}
