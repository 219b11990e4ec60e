/**
 * The Hub under test, in its own process: `startHub` exactly as `npm start` runs it (HTTP, workers,
 * the emulator embedded under /sandbox, the sandbox channel) on a fresh SQLite file. The emulator's
 * throughput cap is lifted and its automatic status webhooks are off, so the benchmark alone decides
 * what traffic arrives. Reports port, API key and sandbox credentials to the parent, then answers
 * probes (queue depth, row counts, memory) until `stop`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { SANDBOX_NUMBER } from '../apps/server/src/composition/bootstrap.js';
import { startHub } from '../apps/server/src/composition/start-hub.js';
import { loadConfig } from '../apps/server/src/config/load-config.js';
import { InProcessJobQueue } from '../apps/server/src/queue/in-process/in-process-job-queue.js';
import type { Logger } from '../apps/server/src/core/logger.js';
import { ingestReport, outboundByStatus, outboundTargets, queueDepth, sendReport } from './lib/hub-probe.js';
import { serveParent } from './lib/ipc.js';
import { PhaseProfiler } from './lib/phase-profiler.js';
import { conversationCursorAt, seedConversations } from './lib/seed-conversations.js';
import { seedSentMessages } from './lib/seed-messages.js';
import { createBenchSchema } from './lib/postgres-schema.js';
import { installSqlStats, takeSqlStats, type SqlStatementStats } from './lib/sql-stats.js';

export type HubReady = {
  port: number;
  apiKey: string;
  channelId: string;
  number: { wabaId: string; phoneNumberId: string; displayPhoneNumber: string };
  appSecret: string;
  accessToken: string;
  /** Path of the embedded emulator's Graph send endpoint, e.g. /sandbox/v24.0/{phone}/messages. */
  graphMessagesPath: string;
  /** RSS after start-up and a short settle, MB. */
  idleRssMb: number;
  /** `SQLite <path>` or `PostgreSQL schema <name>`. */
  database: string;
};

export type HubMemory = { rssMb: number; peakRssMb: number };

/** How busy the Hub was during a phase: event-loop utilisation (1 = never idle) and CPU time / wall time. */
export type HubPhaseUsage = {
  phase: string;
  wallMs: number;
  eventLoopUtilization: number;
  cpuPercent: number;
  /**
   * Share of the phase the event-loop thread was runnable but waiting for a CPU (Linux
   * /proc/self/schedstat). High means other processes took the cores: the figures are not reliable.
   */
  runQueueWaitPercent?: number;
  sql?: SqlStatementStats[];
  profile?: string;
};

const postgresAt = process.argv.indexOf('--postgres');
const postgresUrl = postgresAt >= 0 ? process.argv[postgresAt + 1] : undefined;
if (postgresAt >= 0 && !postgresUrl) throw new Error('--postgres needs a URL');
// The statement statistics patch better-sqlite3; run-all refuses the combination.
const sqlStats = process.argv.includes('--sql-stats') && postgresUrl === undefined;
if (sqlStats) installSqlStats();
const profiler = process.argv.includes('--profile') ? new PhaseProfiler(new URL('./results/profiles/', import.meta.url)) : undefined;

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
const apiKey = `vhub_bench_${randomBytes(24).toString('hex')}`;
const schema = postgresUrl === undefined ? undefined : await createBenchSchema(postgresUrl);
const config = loadConfig({
  NODE_ENV: 'production',
  SECRETS_KEY: randomBytes(32).toString('base64'),
  HTTP_HOST: '127.0.0.1',
  HTTP_PORT: '0',
  LOG_LEVEL: 'warn',
  ...(schema ? { DB_TYPE: 'postgres', DB_POSTGRES_URL: schema.hubUrl } : { DB_TYPE: 'sqlite', DB_SQLITE_PATH: join(dir, 'hub.sqlite') }),
  MEDIA_STORAGE_PATH: join(dir, 'media'),
  AUTH_BOOTSTRAP_API_KEY: apiKey,
  // Meta's per-number cap is lifted in the emulator (throughputPerSecond: 0), so lift our pacing of
  // it too: the figure is the pipeline's own capacity, not Meta's 80 messages/s.
  WA_SEND_RATE_PER_SECOND: '0',
});
// Warnings and errors (failed sends, retries) go to stderr, so a broken run says why.
const logger = pino({ level: config.log.level }, pino.destination(2)) as unknown as Logger;
const hub = await startHub({
  config,
  logger,
  httpLogger: false,
  emulator: { throughputPerSecond: 0, statusDelaysMs: null, personas: 'none' },
});
if (!hub.sandbox) throw new Error('the sandbox channel was not created');
const channel = await hub.container.channels.service.getChannelContext(hub.tenantId, hub.sandbox.channelId);
const db = hub.container.database.db;
await sleep(1_000);

const ready: HubReady = {
  port: Number(new URL(hub.publicBaseUrl).port),
  apiKey,
  channelId: hub.sandbox.channelId,
  number: { wabaId: channel.wabaId, phoneNumberId: channel.phoneNumberId, displayPhoneNumber: SANDBOX_NUMBER.displayPhoneNumber },
  appSecret: channel.appSecret,
  accessToken: channel.accessToken,
  graphMessagesPath: `${new URL(channel.graphBaseUrl).pathname.replace(/\/+$/, '')}/${channel.graphApiVersion}/${channel.phoneNumberId}/messages`,
  idleRssMb: process.memoryUsage().rss / MB,
  database: schema ? `PostgreSQL schema ${schema.name}` : `SQLite ${config.db.sqlitePath}`,
};

function inProcessQueue(): InProcessJobQueue {
  const queue = hub.container.queue;
  if (!(queue instanceof InProcessJobQueue)) throw new Error('the bench Hub runs the in-process queue');
  return queue;
}

/** Nanoseconds the main thread waited on a run queue so far; undefined where /proc is unavailable. */
function runQueueWaitNs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/schedstat', 'utf8').trim().split(/\s+/);
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

const startPhase = (name: string) => ({ name, elu: performance.eventLoopUtilization(), cpu: process.cpuUsage(), waitNs: runQueueWaitNs(), at: performance.now() });
let phase = startPhase('idle');

serveParent(ready, {
  phaseStart: async (args: { name: string }) => {
    if (sqlStats) takeSqlStats();
    await profiler?.start();
    phase = startPhase(args.name);
  },
  phaseEnd: async (): Promise<HubPhaseUsage> => {
    const wallMs = performance.now() - phase.at;
    const cpu = process.cpuUsage(phase.cpu);
    const elu = performance.eventLoopUtilization(phase.elu).utilization;
    const waitNs = runQueueWaitNs();
    const profile = await profiler?.stop(phase.name);
    return {
      phase: phase.name,
      wallMs,
      eventLoopUtilization: elu,
      cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
      ...(waitNs !== undefined && phase.waitNs !== undefined ? { runQueueWaitPercent: ((waitNs - phase.waitNs) / 1e6 / wallMs) * 100 } : {}),
      ...(sqlStats ? { sql: takeSqlStats() } : {}),
      ...(profile ? { profile } : {}),
    };
  },
  queueDepth: () => queueDepth(db),
  // The webhook scenario measures the intake alone too, with the jobs that apply it held back.
  pauseJobs: (args: { name: string }) => inProcessQueue().pause(args.name),
  resumeJobs: (args: { name: string }) => inProcessQueue().resume(args.name),
  sendReport: (args: { since: number }) => sendReport(db, new Date(args.since)),
  ingestReport: (args: { since: number }) => ingestReport(db, new Date(args.since)),
  outboundTargets: (args: { limit: number }) => outboundTargets(db, args.limit),
  outboundByStatus: () => outboundByStatus(db),
  seedSentMessages: (args: { count: number }) => seedSentMessages(db, { count: args.count, now: new Date() }),
  seedConversations: (args: { count: number }) => seedConversations(db, { tenantId: hub.tenantId, channelId: ready.channelId, count: args.count, now: new Date() }),
  conversationCursorAt: (args: { offset: number }) => conversationCursorAt(db, { tenantId: hub.tenantId, offset: args.offset }),
  // maxRSS is the kernel's high-water mark for this process (kB): the true peak, not a sample.
  memory: (): HubMemory => ({ rssMb: process.memoryUsage().rss / MB, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
  stop: async () => {
    await hub.close();
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  },
});
