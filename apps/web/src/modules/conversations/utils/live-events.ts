import type { RealtimeEvent, RealtimeEventMap, RealtimeEventName } from '@valeo/contracts';

export type LiveState = 'connecting' | 'live' | 'offline';

/** The subset of `EventSource` we use, so tests can drive a fake stream. */
export type EventSourceLike = {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
};

export type LiveEventsOptions = {
  url: string;
  eventNames: readonly RealtimeEventName[];
  /** `new EventSource(url)` in the browser. */
  open: (url: string) => EventSourceLike;
  onEvent: (event: RealtimeEvent) => void;
  /** After every (re)connect: nothing is replayed, so whatever is shown must be refetched. */
  onConnected: () => void;
  /** The stream was refused or closed for good (e.g. 401 after the session ended). */
  onClosed: () => void;
  onStateChange: (state: LiveState) => void;
  /** Delay before reopening a closed stream; grows per attempt. Default 1 s, 2 s, 4 s … 30 s. */
  backoffMs?: (attempt: number) => number;
};

const CLOSED = 2;

/** The id each event is about (what the client refetches); a payload without it is dropped. */
const SUBJECT_ID: { [N in RealtimeEventName]: keyof RealtimeEventMap[N] & string } = {
  'message.received': 'conversationId',
  'message.status-changed': 'conversationId',
  'message.queued': 'conversationId',
  'conversation.updated': 'conversationId',
  'media.stored': 'conversationId',
  'contact.updated': 'contactId',
  'team.updated': 'teamId',
  'label.updated': 'labelId',
};
const defaultBackoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

/**
 * One SSE subscription to `/api/v1/events`. The browser retries a dropped stream by itself (the
 * server sends `retry: 2000`); when it gives up (`readyState` CLOSED: an HTTP error such as 401 or
 * 503), we reopen with backoff. Every successful open triggers `onConnected` to refetch.
 */
export class LiveEvents {
  readonly #opts: LiveEventsOptions;
  #source: EventSourceLike | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #stopped = false;

  constructor(opts: LiveEventsOptions) {
    this.#opts = opts;
  }

  start(): void {
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = undefined;
  }

  #connect(): void {
    const source = this.#opts.open(this.#opts.url);
    this.#source = source;
    this.#opts.onStateChange('connecting');
    source.onopen = () => {
      this.#attempt = 0;
      this.#opts.onStateChange('live');
      this.#opts.onConnected();
    };
    source.onerror = () => this.#handleError(source);
    for (const name of this.#opts.eventNames) {
      source.addEventListener(name, (event) => this.#dispatch(name, event.data));
    }
  }

  #handleError(source: EventSourceLike): void {
    if (this.#stopped || source !== this.#source) return;
    if (source.readyState !== CLOSED) {
      this.#opts.onStateChange('connecting');
      return;
    }
    source.close();
    this.#opts.onStateChange('offline');
    this.#opts.onClosed();
    const delay = (this.#opts.backoffMs ?? defaultBackoff)(this.#attempt);
    this.#attempt += 1;
    this.#timer = setTimeout(() => {
      if (!this.#stopped) this.#connect();
    }, delay);
  }

  #dispatch(name: RealtimeEventName, raw: string): void {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof data !== 'object' || data === null || typeof (data as Record<string, unknown>)[SUBJECT_ID[name]] !== 'string') return;
    this.#opts.onEvent({ name, data } as RealtimeEvent);
  }
}
