import type { HubPhaseUsage } from '../hub-process.js';
import type { LoadResult } from '../lib/load-generator.js';
import type { SendReport } from '../lib/hub-probe.js';
import type { Recipe } from '../lib/request-recipes.js';
import { describeLoad, prepareSupply, runLoadPhase, waitForDrain, withHubUsage, type BenchContext } from './bench-context.js';

export type SendPipelineResult = {
  /** Messages that reached `sent` per second, from the first API request to the last `sent`. */
  sentPerSecond: number;
  sent: number;
  /** The API side: 202 answers per second while posting, and their latency. */
  api: LoadResult;
  /** Seconds from the end of posting until the queue was empty. */
  drainSeconds: number;
  report: SendReport;
  /** The Hub process from the first API request until the queue was empty. */
  hub: HubPhaseUsage;
  /** What did not add up (rejected requests, messages not `sent`): the figure is then suspect. */
  problems: string[];
};

/** Distinct request bodies per supply; they repeat after that (each POST still creates a new message). */
const DISTINCT_REQUESTS = 20_000;

/** Baseline: the embedded emulator's Graph send endpoint, called directly with the same concurrency. */
export async function measureGraphBaseline(ctx: BenchContext): Promise<{ load: LoadResult; hub: HubPhaseUsage; problems: string[] }> {
  const { ready } = ctx.hub;
  const recipe: Recipe = { kind: 'graph-sends', path: ready.graphMessagesPath, accessToken: ready.accessToken, distinctRequests: DISTINCT_REQUESTS };
  await prepareSupply(ctx, 'graph', recipe);
  await runLoadPhase(ctx, { name: 'graph', port: ready.port, durationMs: ctx.settings.warmupMs, okStatuses: [200] });
  const { result, hub } = await withHubUsage(ctx, 'graph_baseline', async () => {
    const load = await runLoadPhase(ctx, { name: 'graph', port: ready.port, durationMs: ctx.settings.durationMs, okStatuses: [200] });
    ctx.log(describeLoad('emulator Graph POST (baseline)', load));
    return load;
  });
  const problems = result.errors > 0 ? [`graph_baseline: ${result.errors} failed calls ${JSON.stringify(result.statuses)}`] : [];
  return { load: result, hub, problems };
}

/**
 * POST /api/v1/messages (template to one of 10,000 customers) → `messages.send` job → Cloud API
 * provider → embedded emulator → row `sent`. Warm-up posts and drains first, so the measured window
 * starts with an empty queue; the figure counts rows, not HTTP answers, and includes the time the
 * queue needed to catch up after posting stopped.
 */
export async function measureSendPipeline(ctx: BenchContext): Promise<SendPipelineResult> {
  const { ready } = ctx.hub;
  const recipe: Recipe = { kind: 'api-sends', apiKey: ready.apiKey, channelId: ready.channelId, distinctRequests: DISTINCT_REQUESTS };
  await prepareSupply(ctx, 'api', recipe);
  await runLoadPhase(ctx, { name: 'api', port: ready.port, durationMs: ctx.settings.warmupMs, okStatuses: [202] });
  await waitForDrain(ctx);
  const { result: { api, drainedAt }, hub } = await withHubUsage(ctx, 'send_pipeline', async () => {
    const load = await runLoadPhase(ctx, { name: 'api', port: ready.port, durationMs: ctx.settings.durationMs, okStatuses: [202] });
    ctx.log(describeLoad('API POST /api/v1/messages', load));
    return { api: load, drainedAt: await waitForDrain(ctx) };
  });
  const report = await ctx.hub.call<SendReport>('sendReport', { since: api.startedAt });
  const sent = report.byStatus['sent'] ?? 0;
  const notSent = Object.entries(report.byStatus).filter(([status]) => status !== 'sent');
  const problems: string[] = [];
  if (api.errors > 0) problems.push(`send_pipeline: ${api.errors} API requests not accepted ${JSON.stringify(api.statuses)}${api.firstError ? ` (${api.firstError})` : ''}`);
  if (notSent.length > 0 || sent !== api.ok) {
    problems.push(`send_pipeline: ${api.ok} accepted but ${sent} sent; other statuses ${JSON.stringify(Object.fromEntries(notSent))}`);
  }
  const lastSentAt = report.lastSentAt ?? api.endedAt;
  const sentPerSecond = sent / ((lastSentAt - api.startedAt) / 1000);
  ctx.log(`pipeline: ${sent} messages sent in ${((lastSentAt - api.startedAt) / 1000).toFixed(2)} s = ${Math.round(sentPerSecond)}/s`);
  return { sentPerSecond, sent, api, drainSeconds: Math.max(0, (drainedAt - api.endedAt) / 1000), report, hub, problems };
}
