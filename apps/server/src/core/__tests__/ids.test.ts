import { describe, expect, it, vi } from 'vitest';
import { validate, version } from 'uuid';
import { newId, newIdAt } from '../ids.js';

describe('newId', () => {
  it('makes valid version-7 UUIDs', () => {
    const id = newId();
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(7);
  });

  it('is strictly increasing within a process, across many ids in the same millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays increasing when the clock steps back', () => {
    const before = newId();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(Date.now() - 60_000);
    try {
      const after = [newId(), newId()];
      expect(after[0]! > before).toBe(true);
      expect(after[1]! > after[0]!).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('draws fresh randomness per id (pool refills do not repeat bytes)', () => {
    const tails = new Set(Array.from({ length: 1_000 }, () => newId().slice(-12)));
    expect(tails.size).toBe(1_000);
  });

  it('carries the creation time in its first 48 bits', () => {
    const at = Date.now();
    const ms = parseInt(newId().replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - at)).toBeLessThan(5_000);
  });
});

describe('newIdAt', () => {
  it('sorts at the given time among newId ids, and is a valid v7 id', () => {
    const before = newId();
    const hourAgo = newIdAt(Date.now() - 3_600_000);
    expect(validate(hourAgo)).toBe(true);
    expect(version(hourAgo)).toBe(7);
    expect(hourAgo < before).toBe(true);
    expect(parseInt(hourAgo.replace(/-/g, '').slice(0, 12), 16)).toBeLessThan(Date.now() - 3_500_000);
  });

  it('is a plain newId for now or the future', () => {
    const last = newId();
    const next = newIdAt(Date.now() + 60_000);
    expect(next > last).toBe(true);
    expect(Math.abs(parseInt(next.replace(/-/g, '').slice(0, 12), 16) - Date.now())).toBeLessThan(5_000);
  });

  it('gives distinct ids for the same past millisecond', () => {
    const at = Date.now() - 10_000;
    expect(new Set(Array.from({ length: 1_000 }, () => newIdAt(at))).size).toBe(1_000);
  });
});
