/**
 * The emulator's notion of "now": the injected wall clock plus an offset that
 * `POST /_emulator/clock` moves forward, so tests can close a 24-hour window without waiting.
 * Timers (status delays, retries) still run on real time; only timestamps and rules read this clock.
 */
export class EmulatorClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date) {}

  now(): Date {
    return new Date(this.base().getTime() + this.offsetMs);
  }

  nowMs(): number {
    return this.now().getTime();
  }

  /** Unix seconds as a string, the way Meta writes `timestamp` in message/status webhooks. */
  unixSeconds(): string {
    return String(Math.floor(this.nowMs() / 1000));
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
