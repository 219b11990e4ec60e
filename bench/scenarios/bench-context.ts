import { setTimeout as sleep } from 'node:timers/promises';
import type { HubPhaseUsage, HubReady } from '../hub-process.js';
import type { ChildHandle } from '../lib/ipc.js';
import type { LoadResult } from '../lib/load-generator.js';
import type { QueueDepth } from '../lib/hub-probe.js';
import type { PrepareResult, RunArgs } from '../load-process.js';

export type BenchSettings = {
  /** Keep-alive connections of every load run (the same for a figure and its baseline). */
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Longest wait for the Hub's queue to empty after a run. */
  drainTimeoutMs: number;
};

export type BenchContext = {
  hub: ChildHandle<HubReady>;
  load: ChildHandle<{ pid: number }>;
  settings: BenchSettings;
  /** Progress for humans, on stderr (stdout carries only the figure lines). */
  log(message: string): void;
};

export function runLoadPhase(ctx: BenchContext, args: Omit<RunArgs, 'connections'>): Promise<LoadResult> {
  return ctx.load.call<LoadResult>('run', { ...args, connections: ctx.settings.connections } satisfies RunArgs);
}

export function prepareSupply(ctx: BenchContext, name: string, recipe: unknown): Promise<PrepareResult> {
  return ctx.load.call<PrepareResult>('prepare', { name, recipe });
}

/** Polls the Hub until no job is pending or running; returns when that was seen (epoch ms). */
export async function waitForDrain(ctx: BenchContext): Promise<number> {
  const deadline = Date.now() + ctx.settings.drainTimeoutMs;
  for (;;) {
    const depth = await ctx.hub.call<QueueDepth>('queueDepth');
    if (depth.open === 0) return Date.now();
    if (Date.now() > deadline) throw new Error(`queue did not drain within ${ctx.settings.drainTimeoutMs} ms: ${JSON.stringify(depth.byName)}`);
    await sleep(50);
  }
}

/** A load result in one line for the progress log. */
export function describeLoad(label: string, result: LoadResult): string {
  const errors = result.errors > 0 ? `, ${result.errors} errors (${JSON.stringify(result.statuses)}${result.firstError ? `; ${result.firstError}` : ''})` : '';
  // NaN (no successful request) arrives as null over IPC.
  const ms = (value: number | null) => (value === null || Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)} ms`);
  return `${label}: ${result.ok} ok in ${(result.elapsedMs / 1000).toFixed(2)} s = ${Math.round(result.perSecond)}/s, p50 ${ms(result.latencyMs.p50)}, p99 ${ms(result.latencyMs.p99)}${errors}`;
}

/** Runs `fn` and reports how busy the Hub process was meanwhile (and, with --sql-stats, its top statements). */
export async function withHubUsage<T>(ctx: BenchContext, phase: string, fn: () => Promise<T>): Promise<{ result: T; hub: HubPhaseUsage }> {
  await ctx.hub.call('phaseStart', { name: phase });
  const result = await fn();
  const hub = await ctx.hub.call<HubPhaseUsage>('phaseEnd');
  const waiting = hub.runQueueWaitPercent === undefined ? '' : `, waited for a CPU ${hub.runQueueWaitPercent.toFixed(0)} % of the time`;
  ctx.log(`  Hub process: event loop ${(hub.eventLoopUtilization * 100).toFixed(0)} % busy, CPU ${hub.cpuPercent.toFixed(0)} % of one core${waiting}`);
  return { result, hub };
}
