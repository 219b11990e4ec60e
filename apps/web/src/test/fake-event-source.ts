import type { EventSourceLike } from '../modules/conversations/utils/live-events.js';

/** Stands in for the browser's EventSource: the test opens it, pushes named events and drops it. */
export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();

  constructor(readonly url = '') {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, listener);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  /** `data` as the server frames it: a string as is, anything else as JSON. */
  emit(name: string, data: unknown): void {
    this.listeners.get(name)?.(new MessageEvent(name, { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }

  fail(readyState: number): void {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}
