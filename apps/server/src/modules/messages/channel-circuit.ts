import type { Clock } from '../../core/clock.js';

export type CircuitAdmission = { admitted: true } | { admitted: false; retryInMs: number };

/** How a send's outcome bears on its channel: `auth` = token expired/revoked, `transient` = 5xx/timeout. */
export type CircuitOutcome = 'success' | 'auth' | 'transient';

export type ChannelCircuitOptions = {
  clock: Clock;
  /** Consecutive transient failures that open the circuit. @defaultValue 5 */
  failureThreshold?: number;
  /** First open period after transient failures; each failed probe doubles it. @defaultValue 30 s */
  openMs?: number;
  /** Longest open period. @defaultValue 5 min */
  maxOpenMs?: number;
  /** Open period after an auth failure: one probe call per period until the token works. @defaultValue 60 s */
  authOpenMs?: number;
  /** How long other sends wait while the probe is in flight. @defaultValue 1 s */
  probeWaitMs?: number;
  /** A probe that reported nothing for this long (its job died) no longer blocks the next. @defaultValue 30 s */
  probeTimeoutMs?: number;
};

export type CircuitState = 'closed' | 'open' | 'half-open';

type ChannelState = { failures: number; openUntil: number | null; openMs: number; probingSince: number | null };

/**
 * A circuit breaker per channel (RELIABILITY.md OUT-08/09), in this process. When a channel's token
 * has expired or the Graph API keeps failing, hammering it helps nobody and, for the token case,
 * would fail every queued message for good. Instead the circuit opens: sends of that channel are
 * deferred (not attempted, not failed), one probe call goes out per open period, and the first
 * success closes it again so the backlog drains. Any answer that proves the channel works (a
 * business error such as an invalid recipient, a rate limit) counts as success.
 */
export class ChannelCircuitBreaker {
  readonly #clock: Clock;
  readonly #failureThreshold: number;
  readonly #openMs: number;
  readonly #maxOpenMs: number;
  readonly #authOpenMs: number;
  readonly #probeWaitMs: number;
  readonly #probeTimeoutMs: number;
  readonly #channels = new Map<string, ChannelState>();

  constructor(opts: ChannelCircuitOptions) {
    this.#clock = opts.clock;
    this.#failureThreshold = opts.failureThreshold ?? 5;
    this.#openMs = opts.openMs ?? 30_000;
    this.#maxOpenMs = opts.maxOpenMs ?? 5 * 60_000;
    this.#authOpenMs = opts.authOpenMs ?? 60_000;
    this.#probeWaitMs = opts.probeWaitMs ?? 1_000;
    this.#probeTimeoutMs = opts.probeTimeoutMs ?? 30_000;
  }

  /** May a send of this channel call the provider now? While open, no; once due, one probe may. */
  admit(channelId: string): CircuitAdmission {
    const state = this.#channels.get(channelId);
    if (state === undefined || state.openUntil === null) return { admitted: true };
    const now = this.#clock.now().getTime();
    if (now < state.openUntil) return { admitted: false, retryInMs: state.openUntil - now };
    if (state.probingSince !== null && now - state.probingSince < this.#probeTimeoutMs) return { admitted: false, retryInMs: this.#probeWaitMs };
    state.probingSince = now;
    return { admitted: true };
  }

  /** Milliseconds until the channel's open period ends (0 when closed or due for a probe); no side effects. */
  pausedForMs(channelId: string): number {
    const openUntil = this.#channels.get(channelId)?.openUntil ?? null;
    return openUntil === null ? 0 : Math.max(0, openUntil - this.#clock.now().getTime());
  }

  record(channelId: string, outcome: CircuitOutcome): void {
    if (outcome === 'success') {
      this.#channels.delete(channelId);
      return;
    }
    const now = this.#clock.now().getTime();
    const state = this.#channels.get(channelId) ?? { failures: 0, openUntil: null, openMs: this.#openMs, probingSince: null };
    this.#channels.set(channelId, state);
    const wasProbe = state.probingSince !== null;
    state.probingSince = null;
    if (outcome === 'auth') {
      state.openUntil = now + this.#authOpenMs;
      return;
    }
    state.failures += 1;
    if (state.openUntil !== null) {
      // Sends that were in flight when it opened fail too; only a failed probe lengthens the pause.
      if (wasProbe) {
        state.openMs = Math.min(this.#maxOpenMs, state.openMs * 2);
        state.openUntil = now + state.openMs;
      }
      return;
    }
    if (state.failures >= this.#failureThreshold) state.openUntil = now + state.openMs;
  }

  state(channelId: string): CircuitState {
    const state = this.#channels.get(channelId);
    if (state === undefined || state.openUntil === null) return 'closed';
    return this.#clock.now().getTime() < state.openUntil ? 'open' : 'half-open';
  }
}
