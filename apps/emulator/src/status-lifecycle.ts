import { buildStatus, type WebhookError, type WebhookStatus } from '@valeo/cloud-api';
import type { EmulatorClock } from './clock.js';
import type { FaultController } from './faults.js';
import type { StatusDelays } from './options.js';
import type { Scheduler } from './scheduler.js';
import type { EmulatorStore } from './state/emulator-store.js';
import type { SentMessage, StatusName, StatusRecord } from './state/types.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';
import { messagesEnvelope } from './webhook-payloads.js';

export type LifecycleDeps = {
  store: EmulatorStore;
  clock: EmulatorClock;
  scheduler: Scheduler;
  faults: FaultController;
  dispatcher: WebhookDispatcher;
  onError: (err: unknown) => void;
};

const RANK: Record<StatusName, number> = { sent: 1, delivered: 2, read: 3, played: 4, failed: 5 };

export type LifecyclePlan = {
  delays: StatusDelays;
  /** Reactions only ever get `sent` (REFERENCE.md §1.2). */
  onlySent: boolean;
  onRead?: () => void;
};

/**
 * Status webhooks of business messages: `sent → delivered → read` on timers, any status on command,
 * `failed` with `errors[]`. Shape is v24: no `conversation`; per-message `pricing` on `sent` and on
 * `delivered` (or on `read` when `delivered` was skipped), `biz_opaque_callback_data` echoed.
 */
export class StatusLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  /** Records `status` and sends its webhook now, whatever came before (used by commands). */
  emit(message: SentMessage, status: StatusName, errors?: WebhookError[]): void {
    const record: StatusRecord = { status, at: this.deps.clock.now().toISOString(), ...(errors ? { errors } : {}) };
    const item = this.statusItem(message, record);
    message.statuses.push(record);
    const number = this.deps.store.phoneNumbers.get(message.phoneNumberId);
    if (number) this.deps.dispatcher.dispatch('status', number, messagesEnvelope(number, { statuses: [item] }));
  }

  /** Automatic statuses never go backwards and never follow `failed`. */
  private emitForward(message: SentMessage, status: StatusName): boolean {
    const top = Math.max(0, ...message.statuses.map((s) => RANK[s.status]));
    if (top >= RANK[status]) return false;
    this.emit(message, status);
    return true;
  }

  run(message: SentMessage, plan: LifecyclePlan): void {
    const steps: (keyof StatusDelays)[] = plan.onlySent ? ['sent'] : ['sent', 'delivered', 'read'];
    if (this.deps.faults.take('reorderStatuses')) return this.runReordered(message, steps, plan);
    for (const status of steps) {
      this.later(plan.delays[status], () => {
        if (this.emitForward(message, status) && status === 'read') plan.onRead?.();
      });
    }
  }

  /** The reorder fault: every status at the last delay, newest first (Meta guarantees no order). */
  private runReordered(message: SentMessage, steps: (keyof StatusDelays)[], plan: LifecyclePlan): void {
    const last = Math.max(...steps.map((s) => plan.delays[s]));
    this.later(last, () => {
      for (const status of [...steps].reverse()) this.emit(message, status);
      if (steps.includes('read')) plan.onRead?.();
    });
  }

  fail(message: SentMessage, errors: WebhookError[], delayMs: number): void {
    this.later(delayMs, () => {
      if (!message.statuses.some((s) => s.status === 'failed')) this.emit(message, 'failed', errors);
    });
  }

  private later(delayMs: number, task: () => void): void {
    this.deps.scheduler.schedule(delayMs, task, this.deps.onError);
  }

  private statusItem(message: SentMessage, record: StatusRecord): WebhookStatus {
    const hasDelivered = message.statuses.some((s) => s.status === 'delivered');
    const withPricing = record.status === 'sent' || record.status === 'delivered' || (record.status === 'read' && !hasDelivered);
    return buildStatus({
      messageId: message.wamid,
      status: record.status,
      timestamp: Date.parse(record.at),
      recipientId: message.waId,
      ...(message.bizOpaqueCallbackData !== undefined ? { bizOpaqueCallbackData: message.bizOpaqueCallbackData } : {}),
      ...(withPricing ? { pricing: message.pricing } : {}),
      ...(record.errors ? { errors: record.errors } : {}),
    });
  }
}
