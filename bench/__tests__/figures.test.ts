import { describe, expect, it } from 'vitest';
import { contentionWarning } from '../lib/contention.js';
import { formatFigure, makeFigure, roundFigureValue } from '../lib/figures.js';

describe('makeFigure', () => {
  it('prints exactly name, value, unit, baseline and ratio as one JSON line', () => {
    const line = formatFigure(makeFigure({ name: 'webhook_ingest', unit: 'events/s', value: 4321.4, baseline: 8000.6 }));
    expect(line).toBe('{"name":"webhook_ingest","value":4321,"unit":"events/s","baseline":8001,"ratio":0.54}');
    expect(line).not.toContain('\n');
  });

  it('computes the ratio from the unrounded values', () => {
    expect(makeFigure({ name: 'x', unit: 'ms', value: 12.345, baseline: 3.2 }).ratio).toBe(3.858);
  });

  it('has no ratio when the baseline is zero or missing', () => {
    expect(makeFigure({ name: 'x', unit: 'ms', value: 5, baseline: 0 }).ratio).toBeNull();
    expect(makeFigure({ name: 'x', unit: 'ms', value: 5, baseline: Number.NaN }).ratio).toBeNull();
  });

  it('rounds rates to integers and small figures to two decimals', () => {
    expect(roundFigureValue(2048.6)).toBe(2049);
    expect(roundFigureValue(13.316)).toBe(13.32);
    expect(roundFigureValue(Number.NaN)).toBeNaN();
  });
});

describe('contentionWarning', () => {
  it('names the phases in which the Hub waited for a CPU too long', () => {
    const warning = contentionWarning([
      { phase: 'send_pipeline', runQueueWaitPercent: 42.4 },
      { phase: 'webhook_ingest', runQueueWaitPercent: 3 },
      { phase: 'graph_baseline' },
    ]);
    expect(warning).toContain('send_pipeline 42 %');
    expect(warning).not.toContain('webhook_ingest');
  });

  it('stays quiet on an idle machine or without /proc data', () => {
    expect(contentionWarning([{ phase: 'a', runQueueWaitPercent: 2 }, { phase: 'b' }])).toBeUndefined();
  });
});
