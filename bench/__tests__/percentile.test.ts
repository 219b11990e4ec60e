import { describe, expect, it } from 'vitest';
import { percentile, percentileOfSorted, summarizeLatencies } from '../lib/percentile.js';

describe('percentile (nearest rank)', () => {
  it('picks a sample that really occurred, by rank ceil(p/100 · n)', () => {
    const samples = [15, 20, 35, 40, 50];
    expect(percentile(samples, 30)).toBe(20);
    expect(percentile(samples, 40)).toBe(20);
    expect(percentile(samples, 50)).toBe(35);
    expect(percentile(samples, 100)).toBe(50);
  });

  it('sorts unsorted input without changing it', () => {
    const samples = [9, 1, 5, 3, 7];
    expect(percentile(samples, 50)).toBe(5);
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });

  it('p99 of 1..1000 is 990, and of fewer than 100 samples the maximum', () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(thousand, 99)).toBe(990);
    expect(percentile([3, 1, 2], 99)).toBe(3);
  });

  it('is NaN without samples and refuses a percentile outside (0, 100]', () => {
    expect(percentileOfSorted([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarizeLatencies', () => {
  it('reports count, mean, p50, p90, p99 and max', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarizeLatencies(samples)).toEqual({ count: 100, mean: 50.5, p50: 50, p90: 90, p99: 99, max: 100 });
  });

  it('is all NaN but the count for no samples', () => {
    const summary = summarizeLatencies([]);
    expect(summary.count).toBe(0);
    expect(summary.p99).toBeNaN();
    expect(summary.mean).toBeNaN();
  });
});
