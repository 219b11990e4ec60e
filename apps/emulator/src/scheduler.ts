/**
 * Owns every pending timer (status lifecycles, webhook retries, persona replies) so that
 * `reset` and app close cancel them all and nothing fires into a cleared store.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private generation = 0;

  /** Runs `task` after `delayMs`; errors are reported to `onError` instead of crashing the process. */
  schedule(delayMs: number, task: () => void | Promise<void>, onError?: (err: unknown) => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      Promise.resolve()
        .then(task)
        .catch((err: unknown) => onError?.(err));
    }, Math.max(0, delayMs));
    timer.unref?.();
    this.timers.add(timer);
  }

  /** Incremented on every cancel; async work compares it to drop results that outlived a reset. */
  get currentGeneration(): number {
    return this.generation;
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.generation += 1;
  }

  get pendingCount(): number {
    return this.timers.size;
  }
}
