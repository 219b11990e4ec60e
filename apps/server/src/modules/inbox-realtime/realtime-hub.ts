import { REALTIME_EVENT_NAMES, type RealtimeEventMap, type RealtimeEventName } from '@valeo/contracts';
import type { DomainEventMap } from '../../core/events/domain-events.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { silentLogger, type Logger } from '../../core/logger.js';

/** Receives one event for its tenant; must not throw (the hub logs and carries on if it does). */
export type RealtimeListener = <N extends RealtimeEventName>(name: N, data: RealtimeEventMap[N]) => void;

/**
 * Fans domain events out to the connected clients of each tenant. It holds one bus subscription
 * per event name while at least one client is connected and none otherwise, so idle servers pay
 * nothing and a disconnect leaves no handler behind. Tenant isolation is by the event's own
 * `tenantId`: a listener only ever sees its tenant's events.
 *
 * In a scaled deployment (PROCESS_ROLE=api/worker) the bus is Redis pub/sub (ADR 0007), so
 * events published in a worker process reach the hub of every API process.
 */
export class RealtimeHub {
  private readonly byTenant = new Map<string, Set<RealtimeListener>>();
  /** tenant → user → open streams: who is online (the `Presence` port of auto-assignment). */
  private readonly online = new Map<string, Map<string, number>>();
  private unsubscribers: (() => void)[] = [];
  private connections = 0;

  constructor(private readonly events: EventBus, private readonly logger: Logger = silentLogger) {}

  /** Adds a listener for one tenant (a signed-in user's counts as them being online); returns the idempotent disconnect. */
  connect(tenantId: string, listener: RealtimeListener, userId?: string): () => void {
    if (this.connections === 0) this.subscribeAll();
    if (userId) this.countOnline(tenantId, userId, +1);
    const set = this.byTenant.get(tenantId) ?? new Set<RealtimeListener>();
    set.add(listener);
    this.byTenant.set(tenantId, set);
    this.connections += 1;
    let connected = true;
    return () => {
      if (!connected) return;
      connected = false;
      if (userId) this.countOnline(tenantId, userId, -1);
      set.delete(listener);
      if (set.size === 0 && this.byTenant.get(tenantId) === set) this.byTenant.delete(tenantId);
      this.connections -= 1;
      if (this.connections === 0) this.unsubscribeAll();
    };
  }

  /** Users of the tenant with at least one open stream to this process. */
  onlineUserIds(tenantId: string): ReadonlySet<string> {
    return new Set(this.online.get(tenantId)?.keys());
  }

  private countOnline(tenantId: string, userId: string, delta: number): void {
    const users = this.online.get(tenantId) ?? new Map<string, number>();
    const count = (users.get(userId) ?? 0) + delta;
    if (count > 0) users.set(userId, count);
    else users.delete(userId);
    if (users.size > 0) this.online.set(tenantId, users);
    else this.online.delete(tenantId);
  }

  /** Connected listeners (all tenants) and bus subscriptions held: for tests and metrics. */
  stats(): { connections: number; tenants: number; busSubscriptions: number } {
    return { connections: this.connections, tenants: this.byTenant.size, busSubscriptions: this.unsubscribers.length };
  }

  private subscribeAll(): void {
    this.unsubscribers = REALTIME_EVENT_NAMES.map((name) => this.events.subscribe(name, (payload) => this.dispatch(name, toRealtime(name, payload))));
  }

  private unsubscribeAll(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
  }

  private dispatch<N extends RealtimeEventName>(name: N, data: RealtimeEventMap[N]): void {
    const listeners = this.byTenant.get(data.tenantId);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(name, data);
      } catch (error) {
        this.logger.warn({ err: error, event: name }, 'realtime listener failed');
      }
    }
  }
}

/**
 * The SSE data is the domain event's payload as is; this signature makes the compiler check that
 * every domain payload still satisfies the published contract.
 */
function toRealtime<N extends RealtimeEventName>(_name: N, payload: DomainEventMap[N]): RealtimeEventMap[N] {
  return payload;
}
