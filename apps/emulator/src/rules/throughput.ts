/**
 * Per-number throughput (Meta default 80 messages/s, error 130429 above it): a sliding one-second
 * window of accepted sends per business number, read from the emulator clock.
 * @see REFERENCE.md §5 "Throughput per business number"
 */
export class ThroughputLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limitPerSecond: number,
    private readonly nowMs: () => number,
  ) {}

  /** Counts one send for `key` and answers whether it fits; `0` disables the limit. */
  tryAcquire(key: string): boolean {
    if (this.limitPerSecond <= 0) return true;
    const now = this.nowMs();
    const recent = (this.windows.get(key) ?? []).filter((at) => now - at < 1000);
    if (recent.length >= this.limitPerSecond) {
      this.windows.set(key, recent);
      return false;
    }
    recent.push(now);
    this.windows.set(key, recent);
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}

export const THROUGHPUT_DETAILS = 'Cloud API message throughput has been reached.';
