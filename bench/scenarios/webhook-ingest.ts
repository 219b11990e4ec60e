import type { HubPhaseUsage } from '../hub-process.js';
import type { NoopReady } from '../noop-process.js';
import type { IngestReport, OutboundTarget } from '../lib/hub-probe.js';
import { startChild } from '../lib/ipc.js';
import type { LoadResult } from '../lib/load-generator.js';
import type { Recipe } from '../lib/request-recipes.js';
import { describeLoad, prepareSupply, runLoadPhase, waitForDrain, withHubUsage, type BenchContext } from './bench-context.js';

export type WebhookIngestResult = {
  /** HTTP acks (200) of signed status webhooks. */
  ingest: LoadResult;
  /** Status webhooks processed (stored event → status applied to its message) per second, until the queue drained. */
  appliedPerSecond: number;
  applied: number;
  report: IngestReport;
  meanBodyBytes: number;
  /** Webhooks available (two per sent message: delivered, then read). */
  supply: number;
  /** The Hub process from the first measured webhook until the queue was empty. */
  hub: HubPhaseUsage;
  /** What did not add up (rejected webhooks, events not processed, statuses that matched no message). */
  problems: string[];
};

const SUPPLY = 'webhooks';
/** Messages the webhooks update: 2 webhooks each, enough for warm-up + run at several thousand per second. */
const TARGET_MESSAGES = 16_000;
const WEBHOOK_PATH = '/webhooks/whatsapp';

/**
 * Builds signed status webhooks for outbound messages in the Hub's database, `delivered` for all,
 * then `read` for all. The messages come from the send pipeline, topped up by copies of them.
 */
export async function prepareStatusWebhooks(ctx: BenchContext): Promise<{ requests: number; meanBodyBytes: number; targets: OutboundTarget[] }> {
  const { ready } = ctx.hub;
  const sent = await ctx.hub.call<OutboundTarget[]>('outboundTargets', { limit: TARGET_MESSAGES });
  const seeded = await ctx.hub.call<number>('seedSentMessages', { count: TARGET_MESSAGES - sent.length });
  if (seeded > 0) ctx.log(`the pipeline left ${sent.length} sent messages; copied them into ${seeded} more, so ${TARGET_MESSAGES} exist`);
  const targets = await ctx.hub.call<OutboundTarget[]>('outboundTargets', { limit: TARGET_MESSAGES });
  const recipe: Recipe = {
    kind: 'status-webhooks', path: WEBHOOK_PATH, number: ready.number, appSecret: ready.appSecret, targets, statuses: ['delivered', 'read'],
  };
  const prepared = await prepareSupply(ctx, SUPPLY, recipe);
  ctx.log(`prepared ${prepared.requests} signed status webhooks for ${targets.length} sent messages, ${Math.round(prepared.meanBodyBytes)} bytes each`);
  return { ...prepared, targets };
}

/** Baseline: the same bodies against a no-op Fastify route in its own process. */
export async function measureNoopBaseline(ctx: BenchContext): Promise<LoadResult> {
  // (Its errors, if any, show in the result; a no-op route has nothing else to verify.)
  const noop = await startChild<NoopReady>(new URL('../noop-process.ts', import.meta.url));
  try {
    const run = (durationMs: number) => runLoadPhase(ctx, { name: SUPPLY, port: noop.ready.port, durationMs, okStatuses: [200], cycle: true });
    await run(ctx.settings.warmupMs);
    const result = await run(ctx.settings.durationMs);
    ctx.log(describeLoad('no-op Fastify route (baseline)', result));
    return result;
  } finally {
    await noop.stop();
    await ctx.load.call('rewind', { name: SUPPLY });
  }
}

/**
 * Signed status webhooks against the Hub's intake while its workers apply them. Warm-up, drain,
 * then the measured run; afterwards waits for the queue to drain and reads from the database how
 * many events were processed and when the last one finished.
 */
export async function measureWebhookIngest(ctx: BenchContext, prepared: { requests: number; meanBodyBytes: number }): Promise<WebhookIngestResult> {
  const { port } = ctx.hub.ready;
  await runLoadPhase(ctx, { name: SUPPLY, port, durationMs: ctx.settings.warmupMs, okStatuses: [200] });
  await waitForDrain(ctx);
  const { result: ingest, hub } = await withHubUsage(ctx, 'webhook_ingest', async () => {
    const load = await runLoadPhase(ctx, { name: SUPPLY, port, durationMs: ctx.settings.durationMs, okStatuses: [200] });
    ctx.log(describeLoad('Hub POST /webhooks/whatsapp', load));
    const remaining = await ctx.load.call<number>('remaining', { name: SUPPLY });
    if (remaining === 0) ctx.log('note: the webhook supply ran out before the duration ended (the rate is still per elapsed second)');
    await waitForDrain(ctx);
    return load;
  });
  const report = await ctx.hub.call<IngestReport>('ingestReport', { since: ingest.startedAt });
  const applied = report.byStatus['processed'] ?? 0;
  const problems: string[] = [];
  if (ingest.errors > 0) problems.push(`webhook_ingest: ${ingest.errors} webhooks not acked with 200 ${JSON.stringify(ingest.statuses)}${ingest.firstError ? ` (${ingest.firstError})` : ''}`);
  if (applied !== ingest.ok || report.withNote > 0 || Object.keys(report.byStatus).some((s) => s !== 'processed')) {
    problems.push(`webhook_apply: ${ingest.ok} acked, events ${JSON.stringify(report.byStatus)}, ${report.withNote} with a note (unmatched statuses?)`);
  }
  const lastAt = report.lastProcessedAt ?? ingest.endedAt;
  const appliedPerSecond = applied / ((lastAt - ingest.startedAt) / 1000);
  ctx.log(`apply: ${applied} status webhooks processed in ${((lastAt - ingest.startedAt) / 1000).toFixed(2)} s = ${Math.round(appliedPerSecond)}/s`);
  return { ingest, appliedPerSecond, applied, report, meanBodyBytes: prepared.meanBodyBytes, supply: prepared.requests, hub, problems };
}

export type WebhookIntakeAloneResult = {
  /** HTTP acks (200) while `inbound.process` was paused: verify + store + enqueue only. */
  ingest: LoadResult;
  hub: HubPhaseUsage;
  /** Seconds the paused backlog took to apply once resumed (its statuses repeat applied ones). */
  backlogSeconds: number;
  problems: string[];
};

const ALONE_SUPPLY = 'webhooks-intake-alone';
const PROCESS_JOB = 'inbound.process';

/**
 * The intake without the work that applies what it stored: `inbound.process` is paused in the Hub,
 * so the figure is what verify → store raw → enqueue → 200 costs on its own (the same bodies' shape
 * and size; other bytes than the main supply, so nothing is a duplicate at intake). Runs after
 * {@link measureWebhookIngest} on the warmed Hub, so no warm-up and the main figures are untouched;
 * the backlog is applied afterwards (its statuses repeat those already applied, so its rate is not a
 * figure).
 */
export async function measureWebhookIntakeAlone(ctx: BenchContext, targets: OutboundTarget[]): Promise<WebhookIntakeAloneResult> {
  const { ready } = ctx.hub;
  const recipe: Recipe = {
    kind: 'status-webhooks', path: WEBHOOK_PATH, number: ready.number, appSecret: ready.appSecret, targets,
    statuses: ['sent', 'delivered', 'read'], sequenceOffset: 1_000_000,
  };
  await prepareSupply(ctx, ALONE_SUPPLY, recipe);
  await ctx.hub.call('pauseJobs', { name: PROCESS_JOB });
  let resumed = false;
  try {
    const { result: ingest, hub } = await withHubUsage(ctx, 'webhook_intake_alone', async () => {
      const load = await runLoadPhase(ctx, { name: ALONE_SUPPLY, port: ready.port, durationMs: ctx.settings.durationMs, okStatuses: [200] });
      ctx.log(describeLoad('Hub POST /webhooks/whatsapp, inbound.process paused', load));
      if ((await ctx.load.call<number>('remaining', { name: ALONE_SUPPLY })) === 0) ctx.log('note: the intake-alone supply ran out before the duration ended (the rate is still per elapsed second)');
      return load;
    });
    const resumedAt = Date.now();
    await ctx.hub.call('resumeJobs', { name: PROCESS_JOB });
    resumed = true;
    const drainedAt = await waitForDrain(ctx);
    const backlogSeconds = (drainedAt - resumedAt) / 1000;
    ctx.log(`  the paused backlog of ${ingest.ok} events was applied in ${backlogSeconds.toFixed(1)} s after resuming`);
    const problems = ingest.errors > 0 ? [`webhook_intake_alone: ${ingest.errors} webhooks not acked with 200 ${JSON.stringify(ingest.statuses)}`] : [];
    return { ingest, hub, backlogSeconds, problems };
  } finally {
    if (!resumed) await ctx.hub.call('resumeJobs', { name: PROCESS_JOB });
  }
}
