import { Type, type Static } from 'typebox';

/**
 * Degradations tests switch on at runtime (ARCHITECTURE.md §9, Twenty-style proxies).
 * A trigger fires on the next `count` occasions, or with `probability` per occasion, or both
 * (`{count: 2, probability: 0.5}` = twice, each occasion with 50 %). A bare number means `count`,
 * `true` means "every time", `false`/`0` switches the fault off.
 */
const triggerFields = {
  count: Type.Optional(Type.Integer({ minimum: 0 })),
  probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
};
const TriggerObject = Type.Object(triggerFields);
const Trigger = Type.Union([Type.Boolean(), Type.Integer({ minimum: 0 }), TriggerObject]);

export const FaultsInput = Type.Object({
  /** Sends answer 130429 (Graph error, HTTP 400 as in Meta's current table). */
  rateLimit: Type.Optional(Trigger),
  /** Graph calls answer a server error; `code` defaults to 131000 (HTTP 500), e.g. 2 → 503, 131016 → 500. */
  serverErrors: Type.Optional(Type.Union([
    Type.Boolean(), Type.Integer({ minimum: 0 }), Type.Object({ ...triggerFields, code: Type.Optional(Type.Integer()) }),
  ])),
  /** Every Graph response is delayed by this many ms. */
  latencyMs: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Webhooks are recorded as `dropped` and never POSTed. */
  dropWebhooks: Type.Optional(Trigger),
  /** Webhooks are POSTed twice (the copy is marked `duplicate` in the delivery log). */
  duplicateWebhooks: Type.Optional(Trigger),
  /** Automatic status webhooks of a message are sent read → delivered → sent. */
  reorderStatuses: Type.Optional(Trigger),
  /** The send is accepted and recorded, then the HTTP answer waits `ms` (a number = ms, every send). */
  timeoutAfterAccept: Type.Optional(Type.Union([
    Type.Integer({ minimum: 0 }),
    Type.Object({ ...triggerFields, ms: Type.Integer({ minimum: 0 }) }),
  ])),
});
export type FaultsInput = Static<typeof FaultsInput>;

type TriggerState = { remaining: number | null; probability: number | null };
export type FaultName = 'rateLimit' | 'serverErrors' | 'dropWebhooks' | 'duplicateWebhooks' | 'reorderStatuses' | 'timeoutAfterAccept';

export type FaultsSnapshot = Partial<Record<FaultName, TriggerState>> & {
  latencyMs: number;
  serverErrorCode: number;
  timeoutAfterAcceptMs: number;
};

function toTriggerState(input: boolean | number | Static<typeof TriggerObject>): TriggerState | null {
  if (input === false || input === 0) return null;
  if (input === true) return { remaining: null, probability: null };
  if (typeof input === 'number') return { remaining: input, probability: null };
  if (input.count === 0 || input.probability === 0) return null;
  return { remaining: input.count ?? null, probability: input.probability ?? null };
}

export class FaultController {
  private triggers = new Map<FaultName, TriggerState>();
  private latency = 0;
  private serverErrorCode = 131000;
  private timeoutMs = 0;

  constructor(private readonly random: () => number) {}

  /** Replaces the faults named in `input`; others stay as they are. */
  configure(input: FaultsInput): void {
    if (input.latencyMs !== undefined) this.latency = input.latencyMs;
    if (typeof input.serverErrors === 'object' && input.serverErrors.code !== undefined) {
      this.serverErrorCode = input.serverErrors.code;
    }
    if (input.timeoutAfterAccept !== undefined) {
      const spec = input.timeoutAfterAccept;
      this.timeoutMs = typeof spec === 'number' ? spec : spec.ms;
      this.setTrigger('timeoutAfterAccept', typeof spec === 'number' ? spec > 0 : spec);
    }
    for (const name of ['rateLimit', 'serverErrors', 'dropWebhooks', 'duplicateWebhooks', 'reorderStatuses'] as const) {
      const spec = input[name];
      if (spec !== undefined) this.setTrigger(name, spec);
    }
  }

  private setTrigger(name: FaultName, spec: boolean | number | Static<typeof TriggerObject>): void {
    const state = toTriggerState(spec);
    if (state) this.triggers.set(name, state);
    else this.triggers.delete(name);
  }

  clear(): void {
    this.triggers.clear();
    this.latency = 0;
    this.serverErrorCode = 131000;
    this.timeoutMs = 0;
  }

  /** Consumes one occasion of `name`: true when the fault fires now. */
  take(name: FaultName): boolean {
    const state = this.triggers.get(name);
    if (!state) return false;
    if (state.probability !== null && this.random() >= state.probability) return false;
    if (state.remaining !== null) {
      state.remaining -= 1;
      if (state.remaining <= 0) this.triggers.delete(name);
    }
    return true;
  }

  get latencyMs(): number {
    return this.latency;
  }

  get serverErrorCodeValue(): number {
    return this.serverErrorCode;
  }

  get timeoutAfterAcceptMs(): number {
    return this.timeoutMs;
  }

  snapshot(): FaultsSnapshot {
    return {
      ...Object.fromEntries([...this.triggers].map(([name, state]) => [name, { ...state }])),
      latencyMs: this.latency,
      serverErrorCode: this.serverErrorCode,
      timeoutAfterAcceptMs: this.timeoutMs,
    };
  }
}
