/**
 * `npm run bench`: the Hub's throughput and memory figures on SQLite, each beside a baseline
 * measured in the same run, printed as one JSON line per figure on stdout (progress goes to
 * stderr) and saved to bench/results/latest.json. Three processes: this orchestrator (idle while
 * measuring), the Hub under test and the load generator, so the two busy ones get a core each.
 *
 * Options: --seconds <n> measured seconds per run (default 5), --warmup <n> (default 1.5),
 * --connections <n> keep-alive connections per run (default 32), --profile writes a V8 CPU profile
 * of the Hub process per measured phase to bench/results/profiles/ (it slows the Hub down),
 * --sql-stats records the Hub's most expensive SQL statements per phase into latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { HubMemory, HubPhaseUsage, HubReady } from './hub-process.js';
import { contentionWarning } from './lib/contention.js';
import { formatFigure, makeFigure, type Figure } from './lib/figures.js';
import { startChild, type ChildHandle } from './lib/ipc.js';
import type { BenchContext, BenchSettings } from './scenarios/bench-context.js';
import { measureGraphBaseline, measureSendPipeline } from './scenarios/send-pipeline.js';
import { measureNoopBaseline, measureWebhookIngest, prepareStatusWebhooks } from './scenarios/webhook-ingest.js';

type Settings = BenchSettings & { profile: boolean; sqlStats: boolean };

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1.5' },
      connections: { type: 'string', default: '32' },
      profile: { type: 'boolean', default: false },
      'sql-stats': { type: 'boolean', default: false },
    },
  });
  const settings = {
    durationMs: Number(values.seconds) * 1000,
    warmupMs: Number(values.warmup) * 1000,
    connections: Number(values.connections),
    drainTimeoutMs: 60_000,
    profile: values.profile,
    sqlStats: values['sql-stats'],
  };
  if (!(settings.durationMs > 0 && settings.warmupMs >= 0 && Number.isInteger(settings.connections) && settings.connections > 0)) {
    throw new Error(`invalid options: ${JSON.stringify(values)}`);
  }
  return settings;
}

async function measureAll(ctx: BenchContext) {
  const startedAt = Date.now();
  const graph = await measureGraphBaseline(ctx);
  const pipeline = await measureSendPipeline(ctx);
  const prepared = await prepareStatusWebhooks(ctx);
  const noop = await measureNoopBaseline(ctx);
  const webhooks = await measureWebhookIngest(ctx, prepared);
  const memory = await ctx.hub.call<HubMemory>('memory');
  const outbound = await ctx.hub.call<Record<string, number>>('outboundByStatus');
  const figures: Figure[] = [
    makeFigure({ name: 'webhook_ingest', unit: 'events/s', value: webhooks.ingest.perSecond, baseline: noop.perSecond }),
    makeFigure({ name: 'webhook_ingest_p99', unit: 'ms', value: webhooks.ingest.latencyMs.p99, baseline: noop.latencyMs.p99 }),
    makeFigure({ name: 'webhook_apply', unit: 'statuses/s', value: webhooks.appliedPerSecond, baseline: webhooks.ingest.perSecond }),
    makeFigure({ name: 'send_pipeline', unit: 'messages/s', value: pipeline.sentPerSecond, baseline: graph.load.perSecond }),
    makeFigure({ name: 'peak_rss', unit: 'MB', value: memory.peakRssMb, baseline: ctx.hub.ready.idleRssMb }),
  ];
  const details = { graph, pipeline, noop, webhooks, memory, outboundByStatus: outbound, perHubCpuSecond: perHubCpuSecond({ graph, pipeline, webhooks }) };
  const warning = contentionWarning([graph.hub, pipeline.hub, webhooks.hub]);
  const problems = [...graph.problems, ...pipeline.problems, ...webhooks.problems];
  if (noop.errors > 0) problems.push(`noop baseline: ${noop.errors} failed requests ${JSON.stringify(noop.statuses)}`);
  return { figures, details, problems, elapsedSeconds: (Date.now() - startedAt) / 1000, ...(warning ? { warning } : {}) };
}

/**
 * Work per second of Hub CPU time: unlike the figures, this barely moves when other processes
 * compete for the cores, so it tells a slow Hub from a busy machine.
 */
function perHubCpuSecond(phases: {
  graph: Awaited<ReturnType<typeof measureGraphBaseline>>;
  pipeline: Awaited<ReturnType<typeof measureSendPipeline>>;
  webhooks: Awaited<ReturnType<typeof measureWebhookIngest>>;
}) {
  const cpuSeconds = (hub: HubPhaseUsage) => (hub.cpuPercent / 100) * (hub.wallMs / 1000);
  return {
    graphCalls: Math.round(phases.graph.load.ok / cpuSeconds(phases.graph.hub)),
    messagesSent: Math.round(phases.pipeline.sent / cpuSeconds(phases.pipeline.hub)),
    webhooksAckedAndApplied: Math.round(phases.webhooks.applied / cpuSeconds(phases.webhooks.hub)),
  };
}

function writeResults(result: Awaited<ReturnType<typeof measureAll>>, settings: Settings, loadAtStart: number[]): void {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const environment = {
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    totalMemMb: Math.round(totalmem() / 2 ** 20),
    loadAverage1m: { atStart: loadAtStart[0], atEnd: loadavg()[0] },
  };
  const document = { at: new Date().toISOString(), database: 'sqlite', settings, environment, ...result };
  writeFileSync(new URL('latest.json', dir), `${JSON.stringify(document, null, 2)}\n`);
}

function hubArgs(settings: Settings): string[] {
  return [...(settings.profile ? ['--profile'] : []), ...(settings.sqlStats ? ['--sql-stats'] : [])];
}

async function main(): Promise<void> {
  const settings = readSettings();
  const loadAtStart = loadavg();
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  const children: ChildHandle<unknown>[] = [];
  try {
    const [hub, load] = await Promise.all([
      startChild<HubReady>(new URL('./hub-process.ts', import.meta.url), { args: hubArgs(settings) }),
      startChild<{ pid: number }>(new URL('./load-process.ts', import.meta.url)),
    ]);
    children.push(hub, load);
    if ((loadAtStart[0] ?? 0) > cpus().length / 2) log(`note: load average ${loadAtStart[0]?.toFixed(1)} on ${cpus().length} cores before the start; other work may distort the figures`);
    log(`Hub pid ${hub.pid} on port ${hub.ready.port} (SQLite ${hub.ready.sqlitePath}), idle RSS ${hub.ready.idleRssMb.toFixed(1)} MB; load generator pid ${load.pid}; ${settings.connections} connections, ${settings.warmupMs / 1000} s warm-up + ${settings.durationMs / 1000} s per run`);
    const result = await measureAll({ hub, load, settings, log });
    for (const figure of result.figures) process.stdout.write(`${formatFigure(figure)}\n`);
    writeResults(result, settings, loadAtStart);
    if (result.warning) log(`WARNING: ${result.warning}`);
    log(`work per second of Hub CPU time: ${JSON.stringify(result.details.perHubCpuSecond)}`);
    for (const problem of result.problems) log(`FAILED CHECK: ${problem}`);
    if (result.problems.length > 0) process.exitCode = 1;
    log(`done in ${result.elapsedSeconds.toFixed(1)} s; details in bench/results/latest.json`);
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
