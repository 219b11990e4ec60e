import type { DomainEventMap, DomainEventName } from './domain-events.js';

export type EventHandler<N extends DomainEventName> = (payload: DomainEventMap[N]) => Promise<void> | void;

/** Publish/subscribe for domain events. Handlers never break the publisher: failures are logged. */
export interface EventBus {
  publish<N extends DomainEventName>(name: N, payload: DomainEventMap[N]): void;
  subscribe<N extends DomainEventName>(name: N, handler: EventHandler<N>): () => void;
}
