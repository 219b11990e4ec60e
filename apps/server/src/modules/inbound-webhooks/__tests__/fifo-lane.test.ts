import { describe, expect, it } from 'vitest';
import { FifoLane } from '../process-inbound-event.job.js';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FifoLane', () => {
  it('runs tasks one at a time in the order they were handed in, even when earlier ones are slower', async () => {
    const lane = new FifoLane();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await later(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([lane.run(task('a', 30)), lane.run(task('b', 1)), lane.run(task('c', 10))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('goes on after a failed task and hands the failure to its caller only', async () => {
    const lane = new FifoLane();
    const failing = lane.run(async () => {
      await later(5);
      throw new Error('boom');
    });
    const next = lane.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
