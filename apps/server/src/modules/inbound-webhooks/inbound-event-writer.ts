import type { Db } from '../../db/database.js';
import type { JobQueue } from '../../queue/job-queue.js';
import { insertInboundEventsIfNew, type NewInboundEvent } from './inbound-events.repository.js';
import { processInboundEventJob } from './process-inbound-event.job.js';

type Waiting = { event: NewInboundEvent; resolve(inserted: boolean): void; reject(error: unknown): void };

export type InboundEventWriterOptions = {
  db: Db;
  queue: JobQueue;
  /** Most events committed together. @defaultValue 200 */
  maxBatch?: number;
};

/**
 * Group commit for the webhook hot path. Every request still resolves only after ITS row is
 * committed ("ack only after a durable write"), but requests that arrive while a commit is in
 * flight share the next transaction: one multi-row insert of the raw events plus ONE
 * `inbound.process` job for the new pending ones. Under load this turns N transactions into a few;
 * at low load each request is its own batch. A failed commit fails every request of its batch, so
 * none is acknowledged and Meta re-delivers them.
 */
export class InboundEventWriter {
  readonly #db: Db;
  readonly #queue: JobQueue;
  readonly #maxBatch: number;
  #waiting: Waiting[] = [];
  #flushing = false;

  constructor(opts: InboundEventWriterOptions) {
    this.#db = opts.db;
    this.#queue = opts.queue;
    this.#maxBatch = opts.maxBatch ?? 200;
  }

  /** Resolves true when the event was stored, false when the same body was stored before. */
  write(event: NewInboundEvent): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.#waiting.push({ event, resolve, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        // Let the requests of this event-loop turn join the first batch.
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#maxBatch);
      try {
        const inserted = await this.#commit(batch.map((w) => w.event));
        for (const waiting of batch) waiting.resolve(inserted.has(waiting.event.id));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.#flushing = false;
  }

  async #commit(events: NewInboundEvent[]): Promise<Set<string>> {
    return this.#db.transaction().execute(async (trx) => {
      const inserted = await insertInboundEventsIfNew(trx, events);
      const toProcess = events.filter((e) => e.status === 'pending' && inserted.has(e.id)).map((e) => e.id);
      if (toProcess.length > 0) await this.#queue.enqueue(processInboundEventJob, { inboundEventIds: toProcess }, { trx });
      return inserted;
    });
  }
}
