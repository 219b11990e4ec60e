/**
 * `npm run bench`: the Hub's throughput and memory figures on SQLite, each beside a baseline
 * measured in the same run, printed as one JSON line per figure on stdout (progress goes to
 * stderr) and saved to bench/results/latest.json. Three processes: this orchestrator (idle while
 * measuring), the Hub under test and the load generator, so the two busy ones get a core each.
 *
 * Options: --seconds <n> measured seconds per run (default 5), --warmup <n> (default 1.5),
 * --connections <n> keep-alive connections per run (default 32), --profile writes a V8 CPU profile
 * of the Hub process per measured phase to bench/results/profiles/ (it slows the Hub down),
 * --sql-stats records the Hub's most expensive SQL statements per phase into latest.json,
 * --only <names> runs only these scenarios (comma-separated: throughput, inbox_push_latency,
 * conversation_list; a figure's name selects its scenario), --push-messages <n> (default 1000),
 * --conversations <n> seeded for the list (default 100000), --postgres runs the Hub on PostgreSQL
 * instead of SQLite (in a throw-away schema of --postgres-url, default $DB_POSTGRES_URL or the
 * local test database; the database server shares the machine's cores with the Hub).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { HubMemory, HubPhaseUsage, HubReady } from './hub-process.js';
import { contentionWarning } from './lib/contention.js';
import { selectScenarios, type Scenario } from './lib/scenarios.js';
import { formatFigure, makeFigure, type Figure } from './lib/figures.js';
import { startChild, type ChildHandle } from './lib/ipc.js';
import type { BenchContext, BenchSettings } from './scenarios/bench-context.js';
import { measureConversationList, type ConversationListResult } from './scenarios/conversation-list.js';
import { measureInboxPush, type InboxPushResult } from './scenarios/inbox-push-latency.js';
import { measureGraphBaseline, measureSendPipeline } from './scenarios/send-pipeline.js';
import { measureNoopBaseline, measureWebhookIngest, measureWebhookIntakeAlone, prepareStatusWebhooks } from './scenarios/webhook-ingest.js';

type Settings = BenchSettings & {
  profile: boolean; sqlStats: boolean; scenarios: Scenario[]; pushMessages: number; conversations: number;
  /** PostgreSQL URL when the Hub runs on PostgreSQL (`--postgres`), else SQLite. */
  postgresUrl: string | undefined;
};

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';


function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1.5' },
      connections: { type: 'string', default: '32' },
      profile: { type: 'boolean', default: false },
      'sql-stats': { type: 'boolean', default: false },
      only: { type: 'string' },
      'push-messages': { type: 'string', default: '1000' },
      conversations: { type: 'string', default: '100000' },
      postgres: { type: 'boolean', default: false },
      'postgres-url': { type: 'string' },
    },
  });
  const settings = {
    durationMs: Number(values.seconds) * 1000,
    warmupMs: Number(values.warmup) * 1000,
    connections: Number(values.connections),
    drainTimeoutMs: 60_000,
    profile: values.profile,
    sqlStats: values['sql-stats'],
    scenarios: selectScenarios(values.only),
    pushMessages: Number(values['push-messages']),
    conversations: Number(values.conversations),
    postgresUrl: values.postgres || values['postgres-url'] ? values['postgres-url'] ?? process.env['DB_POSTGRES_URL'] ?? DEFAULT_POSTGRES_URL : undefined,
  };
  if (settings.postgresUrl !== undefined && settings.sqlStats) throw new Error('--sql-stats reads SQLite statement statistics; it does not combine with --postgres');
  const positive = (n: number) => Number.isInteger(n) && n > 0;
  if (!(settings.durationMs > 0 && settings.warmupMs >= 0 && positive(settings.connections) && positive(settings.pushMessages) && settings.conversations > 100)) {
    throw new Error(`invalid options: ${JSON.stringify(values)}`);
  }
  return settings;
}

async function measureAll(ctx: BenchContext, settings: Settings) {
  const startedAt = Date.now();
  const throughput = settings.scenarios.includes('throughput') ? await measureThroughput(ctx) : undefined;
  // peak_rss keeps its meaning (the throughput runs' high-water mark): read before the inbox
  // scenarios, whose 100k seeded conversations raise the peak; the end value goes to the details.
  const afterThroughput = throughput ? await ctx.hub.call<HubMemory>('memory') : undefined;
  const push = settings.scenarios.includes('inbox_push_latency') ? await measureInboxPush(ctx, { messages: settings.pushMessages }) : undefined;
  const list = settings.scenarios.includes('conversation_list') ? await measureConversationList(ctx, { conversations: settings.conversations }) : undefined;
  const atEnd = await ctx.hub.call<HubMemory>('memory');
  const memory = { afterThroughput, atEnd };
  const figures: Figure[] = [
    ...(throughput?.figures ?? []),
    ...(push ? pushFigures(push) : []),
    ...(list ? listFigures(list) : []),
    makeFigure({ name: 'peak_rss', unit: 'MB', value: (afterThroughput ?? atEnd).peakRssMb, baseline: ctx.hub.ready.idleRssMb }),
  ];
  const phases = [...(throughput?.phases ?? []), ...(push ? [push.hubUsage] : []), ...(list ? [list.hub] : [])];
  const warning = contentionWarning(phases);
  const problems = [...(throughput?.problems ?? []), ...(push?.problems ?? []), ...(list?.problems ?? [])];
  const details = { ...throughput?.details, ...(push ? { push } : {}), ...(list ? { list } : {}), memory };
  return { figures, details, problems, elapsedSeconds: (Date.now() - startedAt) / 1000, ...(warning ? { warning } : {}) };
}

/** The foundation's figures: sends through the pipeline, then signed status webhooks updating them. */
async function measureThroughput(ctx: BenchContext) {
  const graph = await measureGraphBaseline(ctx);
  const pipeline = await measureSendPipeline(ctx);
  const prepared = await prepareStatusWebhooks(ctx);
  const noop = await measureNoopBaseline(ctx);
  const webhooks = await measureWebhookIngest(ctx, prepared);
  const intakeAlone = await measureWebhookIntakeAlone(ctx, prepared.targets);
  const outbound = await ctx.hub.call<Record<string, number>>('outboundByStatus');
  const figures: Figure[] = [
    makeFigure({ name: 'webhook_ingest', unit: 'events/s', value: webhooks.ingest.perSecond, baseline: noop.perSecond }),
    makeFigure({ name: 'webhook_ingest_p99', unit: 'ms', value: webhooks.ingest.latencyMs.p99, baseline: noop.latencyMs.p99 }),
    makeFigure({ name: 'webhook_apply', unit: 'statuses/s', value: webhooks.appliedPerSecond, baseline: webhooks.ingest.perSecond }),
    makeFigure({ name: 'webhook_intake_alone', unit: 'events/s', value: intakeAlone.ingest.perSecond, baseline: noop.perSecond }),
    makeFigure({ name: 'send_pipeline', unit: 'messages/s', value: pipeline.sentPerSecond, baseline: graph.load.perSecond }),
  ];
  const details = { graph, pipeline, noop, webhooks, intakeAlone, outboundByStatus: outbound, perHubCpuSecond: perHubCpuSecond({ graph, pipeline, webhooks }) };
  const problems = [...graph.problems, ...pipeline.problems, ...webhooks.problems, ...intakeAlone.problems];
  if (noop.errors > 0) problems.push(`noop baseline: ${noop.errors} failed requests ${JSON.stringify(noop.statuses)}`);
  return { figures, details, problems, phases: [graph.hub, pipeline.hub, webhooks.hub, intakeAlone.hub] };
}

function pushFigures(push: InboxPushResult): Figure[] {
  return [
    makeFigure({ name: 'inbox_push_latency_p50', unit: 'ms', value: push.hub.latencyMs.p50, baseline: push.baseline.latencyMs.p50 }),
    makeFigure({ name: 'inbox_push_latency_p99', unit: 'ms', value: push.hub.latencyMs.p99, baseline: push.baseline.latencyMs.p99 }),
  ];
}

function listFigures(list: ConversationListResult): Figure[] {
  return [
    makeFigure({ name: 'conversation_list_p50', unit: 'ms', value: list.firstPage.latencyMs.p50, baseline: list.health.latencyMs.p50 }),
    makeFigure({ name: 'conversation_list_p99', unit: 'ms', value: list.firstPage.latencyMs.p99, baseline: list.health.latencyMs.p99 }),
    makeFigure({ name: 'conversation_list_deep_p50', unit: 'ms', value: list.deepPage.latencyMs.p50, baseline: list.health.latencyMs.p50 }),
    makeFigure({ name: 'conversation_list_deep_p99', unit: 'ms', value: list.deepPage.latencyMs.p99, baseline: list.health.latencyMs.p99 }),
  ];
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
  const document = { at: new Date().toISOString(), database: settings.postgresUrl === undefined ? 'sqlite' : 'postgres', settings: { ...settings, postgresUrl: undefined }, environment, ...result };
  writeFileSync(new URL('latest.json', dir), `${JSON.stringify(document, null, 2)}\n`);
}

function hubArgs(settings: Settings): string[] {
  return [
    ...(settings.profile ? ['--profile'] : []),
    ...(settings.sqlStats ? ['--sql-stats'] : []),
    ...(settings.postgresUrl === undefined ? [] : ['--postgres', settings.postgresUrl]),
  ];
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
    log(`Hub pid ${hub.pid} on port ${hub.ready.port} (${hub.ready.database}), idle RSS ${hub.ready.idleRssMb.toFixed(1)} MB; load generator pid ${load.pid}; ${settings.connections} connections, ${settings.warmupMs / 1000} s warm-up + ${settings.durationMs / 1000} s per run`);
    const result = await measureAll({ hub, load, settings, log }, settings);
    for (const figure of result.figures) process.stdout.write(`${formatFigure(figure)}\n`);
    writeResults(result, settings, loadAtStart);
    if (result.warning) log(`WARNING: ${result.warning}`);
    if (result.details.perHubCpuSecond) log(`work per second of Hub CPU time: ${JSON.stringify(result.details.perHubCpuSecond)}`);
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
