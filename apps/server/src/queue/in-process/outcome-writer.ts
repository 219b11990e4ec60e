/**
 * Collects what finished handlers produced and writes it in batches: all `done` ids of a round in one
 * statement (the common case), retries and failures one by one (rare). A failed write keeps the
 * outcomes for the next round; the lease heartbeat covers them meanwhile.
 */
import type { Clock } from '../../core/clock.js';
import type { JobTableRepository } from './job-table.repository.js';

export type Outcome =
  | { kind: 'done'; id: string }
  | { kind: 'retry'; id: string; runAt: Date; error: string; refundAttempt?: boolean }
  | { kind: 'fail'; id: string; error: string };

export class OutcomeWriter {
  private pending: Outcome[] = [];

  constructor(
    private readonly opts: { repository: JobTableRepository; clock: Clock; workerId: string; keepDone: boolean },
  ) {}

  get size(): number {
    return this.pending.length;
  }

  add(outcome: Outcome): void {
    this.pending.push(outcome);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.write(batch);
    } catch (error) {
      this.pending = batch.concat(this.pending);
      throw error;
    }
  }

  private async write(batch: Outcome[]): Promise<void> {
    const { repository, workerId, clock } = this.opts;
    const now = clock.now();
    const done = batch.filter((o) => o.kind === 'done').map((o) => o.id);
    if (done.length > 0) await repository.complete(done, workerId, now, this.opts.keepDone);
    for (const o of batch) {
      if (o.kind === 'retry') await repository.reschedule({ id: o.id, workerId, runAt: o.runAt, error: o.error, now, refundAttempt: o.refundAttempt === true });
      if (o.kind === 'fail') await repository.fail({ id: o.id, workerId, error: o.error, now });
    }
  }
}
