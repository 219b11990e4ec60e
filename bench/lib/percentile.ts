/**
 * Latency statistics for the load generator. Nearest-rank percentiles (no interpolation): the
 * reported p99 is a latency that some request really had, which is what "p99" means to a reader.
 */
export type LatencySummary = {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
};

/** Nearest-rank percentile (`p` in (0, 100]) of samples that are already sorted ascending; NaN when empty. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** Nearest-rank percentile of unsorted samples (sorts a copy). */
export function percentile(samples: ArrayLike<number>, p: number): number {
  return percentileOfSorted(Float64Array.from(samples).sort(), p);
}

/** Count, mean, p50/p90/p99 and max of latency samples in milliseconds. */
export function summarizeLatencies(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
  };
}
