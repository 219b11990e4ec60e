/**
 * Polls until `fn` stops throwing (or resolves), then returns its result. The replacement for
 * sleeps-as-assertions (ARCHITECTURE.md §10, Twenty's `expect-eventually.util.ts`): write the
 * assertion inside `fn` with `expect(...)`, and it is retried every `intervalMs` until it holds or
 * `timeoutMs` has passed, when the LAST assertion error is rethrown (so the failure message is the
 * real one, not "timed out").
 *
 * `timeoutMs` is a safety net, not a measurement: pick it generously; speed lives in `bench/`.
 *
 * @example
 *   await eventually(async () => expect(await countDone()).toBe(10));
 *   const row = await eventually(() => findRowOrThrow(id), { timeoutMs: 10_000 });
 */
export type EventuallyOptions = {
  /** Give up after this long. @defaultValue 5000 */
  timeoutMs?: number;
  /** Wait between attempts. @defaultValue 20 */
  intervalMs?: number;
};

export async function eventually<T>(fn: () => T | Promise<T>, opts: EventuallyOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const intervalMs = opts.intervalMs ?? 20;
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      return await fn();
    } catch (error) {
      if (Date.now() >= deadline) throw withAttempts(error, attempts, timeoutMs);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function withAttempts(error: unknown, attempts: number, timeoutMs: number): unknown {
  if (error instanceof Error) {
    error.message = `${error.message}\n(eventually: still failing after ${attempts} attempts in ${timeoutMs} ms)`;
    return error;
  }
  return new Error(`eventually: still failing after ${attempts} attempts in ${timeoutMs} ms: ${String(error)}`, { cause: error });
}
