import { signWebhookBody, toMetaJson } from '@valeo/cloud-api';
import type { EmulatorClock } from './clock.js';
import type { FaultController } from './faults.js';
import type { Scheduler } from './scheduler.js';
import type { EmulatorStore } from './state/emulator-store.js';
import type { Delivery, DeliveryKind, PhoneNumber } from './state/types.js';

export type DispatcherDeps = {
  store: EmulatorStore;
  clock: EmulatorClock;
  scheduler: Scheduler;
  faults: FaultController;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  onError: (err: unknown) => void;
};

/**
 * Sends webhooks the way Meta does: POST to the number's callback URL, body = Meta-style JSON
 * (`toMetaJson`), `X-Hub-Signature-256` = HMAC-SHA256 of those exact bytes with the app secret.
 * Meta counts only HTTP 200 as delivered ("a status code other than 200" is a failure, RELIABILITY.md §1.1)
 * and retries with decreasing frequency; we retry on the configured backoff, then give up (`failed`).
 * Every attempt is logged in `store.deliveries` so tests can observe it.
 */
export class WebhookDispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** Queues one event for `number`; returns the delivery records (two with the duplicate fault). */
  dispatch(kind: DeliveryKind, number: PhoneNumber, envelope: unknown): Delivery[] {
    const rawBody = toMetaJson(envelope);
    const first = this.createDelivery(kind, number, rawBody, false);
    if (!number.webhookUrl) return [this.finish(first, 'skipped')];
    if (this.deps.faults.take('dropWebhooks')) return [this.finish(first, 'dropped')];
    const deliveries = [first];
    if (this.deps.faults.take('duplicateWebhooks')) deliveries.push(this.createDelivery(kind, number, rawBody, true));
    for (const delivery of deliveries) this.scheduleAttempt(delivery, 0);
    return deliveries;
  }

  /** Template events go to the callback of every number of the WABA (one per distinct URL). */
  dispatchToWaba(kind: DeliveryKind, wabaId: string, envelope: unknown): Delivery[] {
    const seen = new Set<string>();
    const targets = this.deps.store.numbersOfWaba(wabaId).filter((n) => {
      const key = `${n.webhookUrl ?? ''}|${n.appSecret}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return targets.flatMap((number) => this.dispatch(kind, number, envelope));
  }

  private createDelivery(kind: DeliveryKind, number: PhoneNumber, rawBody: string, duplicate: boolean): Delivery {
    const delivery: Delivery = {
      id: this.deps.store.nextDeliveryId(),
      kind,
      phoneNumberId: number.phoneNumberId,
      wabaId: number.wabaId,
      url: number.webhookUrl,
      rawBody,
      signature: signWebhookBody(rawBody, number.appSecret),
      duplicate,
      state: 'pending',
      attempts: [],
      createdAt: this.deps.clock.now().toISOString(),
    };
    this.deps.store.logDelivery(delivery);
    return delivery;
  }

  private finish(delivery: Delivery, state: Delivery['state']): Delivery {
    delivery.state = state;
    return delivery;
  }

  private scheduleAttempt(delivery: Delivery, delayMs: number): void {
    const generation = this.deps.scheduler.currentGeneration;
    this.deps.scheduler.schedule(delayMs, () => this.attempt(delivery, generation), this.deps.onError);
  }

  private async attempt(delivery: Delivery, generation: number): Promise<void> {
    const startedAt = Date.now();
    const at = this.deps.clock.now().toISOString();
    const { statusCode, error } = await this.post(delivery);
    // A reset while the request was in flight: the delivery belongs to a cleared store.
    if (generation !== this.deps.scheduler.currentGeneration) return;
    delivery.attempts.push({ at, statusCode, durationMs: Date.now() - startedAt, ...(error ? { error } : {}) });
    if (statusCode === 200) return void this.finish(delivery, 'delivered');
    const nextDelay = this.deps.retryDelaysMs[delivery.attempts.length - 1];
    if (nextDelay === undefined) return void this.finish(delivery, 'failed');
    this.scheduleAttempt(delivery, nextDelay);
  }

  private async post(delivery: Delivery): Promise<{ statusCode: number | null; error?: string }> {
    try {
      const response = await fetch(delivery.url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': delivery.signature, 'user-agent': 'facebookexternalua' },
        body: delivery.rawBody,
        signal: AbortSignal.timeout(this.deps.timeoutMs),
      });
      await response.arrayBuffer(); // drain so the socket is reused
      return { statusCode: response.status };
    } catch (err) {
      return { statusCode: null, error: err instanceof Error ? err.message : String(err) };
    }
  }
}
