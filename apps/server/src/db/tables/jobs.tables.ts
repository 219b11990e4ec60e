import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../column-types.js';

/**
 * Tables of the job queue (ADR 0001): `jobs` backs the in-process driver; `outbox` carries jobs
 * from a caller's transaction into BullMQ (scaled driver). Both are written by `queue/` only.
 */
export type JobRowStatus = 'pending' | 'running' | 'done' | 'failed';

export type JobsTable = {
  /** UUIDv7 (core/ids). */
  id: string;
  name: string;
  payload: Json;
  status: JobRowStatus;
  /** UNIQUE; NULLs never collide. */
  dedupe_key: string | null;
  /** Higher runs first. */
  priority: Generated<number>;
  run_at: Timestamp;
  /** Runs started so far (incremented when claimed). */
  attempts: Generated<number>;
  max_attempts: number;
  /** Lease: a running job whose lease passed is claimable again (its worker died). */
  locked_until: NullableTimestamp;
  locked_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
};

export type OutboxTable = {
  /** UUIDv7; also the BullMQ job id, so a re-publish is de-duplicated by BullMQ. */
  id: string;
  job_name: string;
  payload: Json;
  /** UNIQUE; the dedupe key of the BullMQ driver. */
  dedupe_key: string | null;
  priority: Generated<number>;
  run_at: Timestamp;
  max_attempts: number;
  created_at: Timestamp;
  /** NULL until the relay has handed the row to BullMQ. */
  published_at: NullableTimestamp;
  /** Failed hand-overs (Redis unreachable); the relay keeps trying. */
  publish_attempts: Generated<number>;
  last_error: string | null;
};

export interface JobsTables {
  jobs: JobsTable;
  outbox: OutboxTable;
}
