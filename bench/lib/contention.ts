/**
 * The Hub and the load generator each need a core. When other processes take the CPU, the Hub
 * waits on the run queue and every figure drops for reasons that have nothing to do with the Hub;
 * such a run must say so instead of reporting quietly wrong numbers.
 */
export type PhaseCpu = { phase: string; runQueueWaitPercent?: number | undefined };

/** Waiting for a CPU more than this share of a phase makes its figures unreliable. */
export const MAX_RUN_QUEUE_WAIT_PERCENT = 10;

/** A warning naming the phases in which the Hub waited for a CPU too long; undefined when none did. */
export function contentionWarning(phases: readonly PhaseCpu[], maxWaitPercent = MAX_RUN_QUEUE_WAIT_PERCENT): string | undefined {
  const contended = phases.filter((p) => p.runQueueWaitPercent !== undefined && p.runQueueWaitPercent > maxWaitPercent);
  if (contended.length === 0) return undefined;
  const list = contended.map((p) => `${p.phase} ${Math.round(p.runQueueWaitPercent as number)} %`).join(', ');
  return `the Hub waited for a CPU (${list}): other processes were using the cores, so these figures understate the Hub; rerun on an idle machine`;
}
