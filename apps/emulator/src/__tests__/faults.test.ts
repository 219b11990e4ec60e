import { describe, expect, it } from 'vitest';
import { FaultController } from '../faults.js';

describe('FaultController', () => {
  it('fires a counted fault exactly `count` times', () => {
    const faults = new FaultController(() => 0);
    faults.configure({ rateLimit: 2 });
    expect([faults.take('rateLimit'), faults.take('rateLimit'), faults.take('rateLimit')]).toEqual([true, true, false]);
  });

  it('rolls the probability per occasion and counts only hits', () => {
    const rolls = [0.9, 0.1, 0.1];
    const faults = new FaultController(() => rolls.shift() ?? 1);
    faults.configure({ dropWebhooks: { count: 1, probability: 0.5 } });
    expect([faults.take('dropWebhooks'), faults.take('dropWebhooks'), faults.take('dropWebhooks')]).toEqual([false, true, false]);
  });

  it('turns faults off with false/0, keeps unrelated ones, and clears everything', () => {
    const faults = new FaultController(() => 0);
    faults.configure({ rateLimit: true, latencyMs: 20, timeoutAfterAccept: 500, serverErrors: { code: 2 } });
    faults.configure({ rateLimit: false });
    expect(faults.take('rateLimit')).toBe(false);
    expect([faults.latencyMs, faults.timeoutAfterAcceptMs, faults.serverErrorCodeValue]).toEqual([20, 500, 2]);
    expect(faults.take('timeoutAfterAccept')).toBe(true);
    expect(faults.take('serverErrors')).toBe(true);
    faults.clear();
    expect(faults.snapshot()).toEqual({ latencyMs: 0, serverErrorCode: 131000, timeoutAfterAcceptMs: 0 });
  });
});
