import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { DomainEventMap, DomainEventName } from './domain-events.js';
import type { EventBus, EventHandler } from './event-bus.js';

/** Delivers events to handlers in this process, asynchronously, after the publisher returns. */
export class InProcessEventBus implements EventBus {
  private readonly handlers = new Map<DomainEventName, Set<EventHandler<DomainEventName>>>();

  constructor(private readonly logger: Logger = silentLogger) {}

  publish<N extends DomainEventName>(name: N, payload: DomainEventMap[N]): void {
    const set = this.handlers.get(name);
    if (!set || set.size === 0) return;
    for (const handler of set) {
      queueMicrotask(() => {
        Promise.resolve()
          .then(() => (handler as EventHandler<N>)(payload))
          .catch((error: unknown) => this.logger.error({ err: error, event: name }, 'event handler failed'));
      });
    }
  }

  subscribe<N extends DomainEventName>(name: N, handler: EventHandler<N>): () => void {
    const set = this.handlers.get(name) ?? new Set();
    set.add(handler as EventHandler<DomainEventName>);
    this.handlers.set(name, set);
    return () => set.delete(handler as EventHandler<DomainEventName>);
  }
}
