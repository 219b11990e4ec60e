import { randomBytes } from 'node:crypto';
import { EmulatorClock } from './clock.js';
import { FaultController } from './faults.js';
import type { ResolvedOptions } from './options.js';
import { ThroughputLimiter } from './rules/throughput.js';
import { Scheduler } from './scheduler.js';
import { EmulatorStore } from './state/emulator-store.js';
import { StatusLifecycle } from './status-lifecycle.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** Everything one emulator instance owns; routes and services receive it explicitly. */
export type EmulatorContext = {
  options: ResolvedOptions;
  clock: EmulatorClock;
  store: EmulatorStore;
  scheduler: Scheduler;
  faults: FaultController;
  throughput: ThroughputLimiter;
  dispatcher: WebhookDispatcher;
  lifecycle: StatusLifecycle;
  /** Keys the `hash` of media download URLs so they cannot be forged or extended. */
  mediaUrlSecret: string;
  /** Prefix the plugin is mounted under (`''` or e.g. `/sandbox`). */
  mountPrefix: string;
  /** Origin of the last request, for URLs built outside a request (persona replies). */
  lastSeenOrigin: string | null;
  reportError: (err: unknown) => void;
};

export function createEmulatorContext(options: ResolvedOptions, reportError: (err: unknown) => void): EmulatorContext {
  const clock = new EmulatorClock(options.now);
  const store = new EmulatorStore(options.maxStoredMessages);
  const scheduler = new Scheduler();
  const faults = new FaultController(options.random);
  const dispatcher = new WebhookDispatcher({
    store, clock, scheduler, faults,
    retryDelaysMs: options.webhookRetryDelaysMs,
    timeoutMs: options.webhookTimeoutMs,
    onError: reportError,
  });
  return {
    options, clock, store, scheduler, faults, dispatcher,
    throughput: new ThroughputLimiter(options.throughputPerSecond, () => clock.nowMs()),
    lifecycle: new StatusLifecycle({ store, clock, scheduler, faults, dispatcher, onError: reportError }),
    mediaUrlSecret: randomBytes(16).toString('hex'),
    mountPrefix: options.prefix,
    lastSeenOrigin: null,
    reportError,
  };
}

/** Base URL (origin + mount prefix) for links the emulator hands out. */
export function baseUrlOf(ctx: EmulatorContext): string {
  return `${ctx.options.publicBaseUrl ?? ctx.lastSeenOrigin ?? 'http://localhost'}${ctx.mountPrefix}`;
}
