import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import { ChannelCircuitBreaker } from '../channel-circuit.js';

describe('ChannelCircuitBreaker', () => {
  let clock: ManualClock;
  let circuit: ChannelCircuitBreaker;
  beforeEach(() => {
    clock = new ManualClock();
    circuit = new ChannelCircuitBreaker({ clock, failureThreshold: 3, openMs: 10_000, maxOpenMs: 35_000, authOpenMs: 60_000, probeWaitMs: 500 });
  });

  it('stays closed below the threshold and resets on success', () => {
    circuit.record('ch', 'transient');
    circuit.record('ch', 'transient');
    circuit.record('ch', 'success');
    circuit.record('ch', 'transient');
    circuit.record('ch', 'transient');
    expect(circuit.admit('ch')).toEqual({ admitted: true });
    expect(circuit.state('ch')).toBe('closed');
  });

  it('opens after consecutive transient failures, then lets exactly one probe through', () => {
    for (let i = 0; i < 3; i += 1) circuit.record('ch', 'transient');
    expect(circuit.state('ch')).toBe('open');
    expect(circuit.admit('ch')).toEqual({ admitted: false, retryInMs: 10_000 });
    clock.advance(10_000);
    expect(circuit.state('ch')).toBe('half-open');
    expect(circuit.admit('ch')).toEqual({ admitted: true });
    expect(circuit.admit('ch')).toEqual({ admitted: false, retryInMs: 500 });
    circuit.record('ch', 'success');
    expect(circuit.admit('ch')).toEqual({ admitted: true });
    expect(circuit.state('ch')).toBe('closed');
  });

  it('doubles the pause after each failed probe, up to the maximum', () => {
    for (let i = 0; i < 3; i += 1) circuit.record('ch', 'transient');
    const failProbe = () => {
      clock.advance(circuit.pausedForMs('ch'));
      expect(circuit.admit('ch')).toEqual({ admitted: true });
      circuit.record('ch', 'transient');
      return circuit.pausedForMs('ch');
    };
    expect(failProbe()).toBe(20_000);
    expect(failProbe()).toBe(35_000);
    expect(failProbe()).toBe(35_000);
  });

  it('does not lengthen the pause for sends that were already in flight when it opened', () => {
    for (let i = 0; i < 3; i += 1) circuit.record('ch', 'transient');
    circuit.record('ch', 'transient');
    circuit.record('ch', 'transient');
    expect(circuit.pausedForMs('ch')).toBe(10_000);
  });

  it('opens at once on an auth failure, probing once per authOpenMs', () => {
    circuit.record('ch', 'auth');
    expect(circuit.admit('ch')).toEqual({ admitted: false, retryInMs: 60_000 });
    clock.advance(60_000);
    expect(circuit.admit('ch')).toEqual({ admitted: true });
    circuit.record('ch', 'auth');
    expect(circuit.admit('ch')).toEqual({ admitted: false, retryInMs: 60_000 });
  });

  it('lets a new probe through when the previous one never reported back', () => {
    circuit.record('ch', 'auth');
    clock.advance(60_000);
    expect(circuit.admit('ch')).toEqual({ admitted: true });
    clock.advance(30_000);
    expect(circuit.admit('ch')).toEqual({ admitted: true });
  });

  it('keeps channels apart', () => {
    circuit.record('a', 'auth');
    expect(circuit.admit('b')).toEqual({ admitted: true });
    expect(circuit.state('a')).toBe('open');
  });
});
