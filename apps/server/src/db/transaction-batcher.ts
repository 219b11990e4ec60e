import type { Db, Trx } from './database.js';

/** Runs a unit of database work in a committed transaction; resolves only after that commit. */
export type TransactionRunner = {
  run<T>(work: (trx: Trx) => Promise<T>): Promise<T>;
};

export type TransactionBatcherOptions = {
  /** Most units of work sharing one transaction. @defaultValue 128 */
  maxBatch?: number;
  /**
   * Batches in flight at once. SQLite has one connection, so 1; PostgreSQL can commit several
   * batches on separate pooled connections. @defaultValue 1
   */
  parallelism?: number;
};

type Pending = { work: (trx: Trx) => Promise<unknown>; resolve(value: unknown): void; reject(error: unknown): void };

/**
 * Group commit for hot write paths. Every caller still gets its own durable commit before its
 * promise resolves, but units of work that arrive while a commit is in flight share the next
 * transaction: N concurrent sends cost one commit instead of N (a commit is the dearest statement
 * on SQLite, and a round trip plus a WAL flush on PostgreSQL). At low load a unit runs alone, one
 * event-loop turn later.
 *
 * Rules for a unit of work: database statements on `trx` only (no HTTP, no events — publish after
 * the promise resolves), and safe to run again from scratch. If any unit of a batch throws (or the
 * commit fails), the whole batch is rolled back and each unit is run again in a transaction of
 * its own, so one bad unit fails alone and the others still commit exactly once.
 */
export class TransactionBatcher implements TransactionRunner {
  readonly #db: Db;
  readonly #maxBatch: number;
  readonly #parallelism: number;
  #waiting: Pending[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(db: Db, opts: TransactionBatcherOptions = {}) {
    this.#db = db;
    this.#maxBatch = opts.maxBatch ?? 128;
    this.#parallelism = opts.parallelism ?? 1;
    if (!(this.#maxBatch >= 1 && this.#parallelism >= 1)) throw new RangeError('maxBatch and parallelism must be at least 1');
  }

  run<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled && this.#inFlight < this.#parallelism) {
        this.#scheduled = true;
        // Let the units queued in this event-loop turn join the first batch.
        setImmediate(() => {
          this.#scheduled = false;
          this.#startBatches();
        });
      }
    });
  }

  #startBatches(): void {
    while (this.#inFlight < this.#parallelism && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#maxBatch);
      this.#inFlight += 1;
      void this.#commit(batch).finally(() => {
        this.#inFlight -= 1;
        this.#startBatches();
      });
    }
  }

  async #commit(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return this.#runAlone(batch[0]!);
    let results: unknown[];
    try {
      results = await this.#db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const pending of batch) out.push(await pending.work(trx));
        return out;
      });
    } catch {
      for (const pending of batch) await this.#runAlone(pending);
      return;
    }
    batch.forEach((pending, i) => pending.resolve(results[i]));
  }

  async #runAlone(pending: Pending): Promise<void> {
    try {
      pending.resolve(await this.#db.transaction().execute(pending.work));
    } catch (error) {
      pending.reject(error);
    }
  }
}

/** Plain transactions, one per unit: for tests and tools that need no batching. */
export function unbatchedTransactions(db: Db): TransactionRunner {
  return { run: (work) => db.transaction().execute(work) };
}
