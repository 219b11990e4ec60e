import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { JobPayloadError, RetryJobError } from '../job-errors.js';
import { assertJobPayload } from '../job-payload.js';
import { assertEnqueueOptions, defineJob, JOB_DEFAULTS, jobSettings } from '../job-queue.js';

const schema = Type.Object({ to: Type.String({ minLength: 1 }), count: Type.Integer() });

describe('defineJob', () => {
  it('keeps the definition and fills defaults only in jobSettings', () => {
    const job = defineJob({ name: 'messages.send', schema, maxAttempts: 7 });
    expect(job.name).toBe('messages.send');
    expect(jobSettings(job)).toEqual({ maxAttempts: 7, concurrency: JOB_DEFAULTS.concurrency, backoff: JOB_DEFAULTS.backoff });
  });

  it('rejects names BullMQ cannot key and nonsensical settings', () => {
    expect(() => defineJob({ name: 'a:b', schema })).toThrow(RangeError);
    expect(() => defineJob({ name: 'x', schema, maxAttempts: 0 })).toThrow(RangeError);
    expect(() => defineJob({ name: 'x', schema, concurrency: 1.5 })).toThrow(RangeError);
    expect(() => defineJob({ name: 'x', schema, backoff: { baseMs: 10, maxMs: 5 } })).toThrow(RangeError);
  });
});

describe('assertJobPayload', () => {
  const job = defineJob({ name: 'messages.send', schema });

  it('accepts a matching payload', () => {
    expect(() => assertJobPayload(job, { to: '4917', count: 1 })).not.toThrow();
  });

  it('throws JobPayloadError with field paths', () => {
    try {
      assertJobPayload(job, { to: '', count: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JobPayloadError);
      const details = (error as JobPayloadError).details as { path: string }[];
      expect(details.map((d) => d.path).sort()).toEqual(['/count', '/to']);
      expect((error as JobPayloadError).code).toBe('JOB_PAYLOAD_INVALID');
    }
  });
});

describe('assertEnqueueOptions', () => {
  it('rejects out-of-range priorities, invalid dates and empty dedupe keys', () => {
    expect(() => assertEnqueueOptions({ priority: 1.5 })).toThrow(RangeError);
    expect(() => assertEnqueueOptions({ priority: 2_000_000 })).toThrow(RangeError);
    expect(() => assertEnqueueOptions({ runAt: new Date('nope') })).toThrow(RangeError);
    expect(() => assertEnqueueOptions({ dedupeKey: '' })).toThrow(RangeError);
    expect(() => assertEnqueueOptions({ priority: -5, dedupeKey: 'k', runAt: new Date() })).not.toThrow();
  });
});

describe('RetryJobError', () => {
  it('refuses a negative delay', () => {
    expect(() => new RetryJobError('x', { retryAfterMs: -1 })).toThrow(RangeError);
  });
});
