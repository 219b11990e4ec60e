/**
 * One benchmark figure as printed on stdout: the measured value beside a baseline measured in the
 * same run, and their ratio. The JSON shape is the interface (one line per figure), so keys stay
 * exactly these five.
 */
export type Figure = {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** value / baseline; null when the baseline is zero or not a number. */
  ratio: number | null;
};

/** Rates and sizes ≥ 100 as integers; smaller figures (latencies in ms) with two decimals. */
export function roundFigureValue(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

export function makeFigure(input: { name: string; unit: string; value: number; baseline: number }): Figure {
  const usable = Number.isFinite(input.value) && Number.isFinite(input.baseline) && input.baseline !== 0;
  return {
    name: input.name,
    value: roundFigureValue(input.value),
    unit: input.unit,
    baseline: roundFigureValue(input.baseline),
    ratio: usable ? Math.round((input.value / input.baseline) * 1000) / 1000 : null,
  };
}

/** The stdout line of a figure (NaN/Infinity become null, as JSON has no such numbers). */
export function formatFigure(figure: Figure): string {
  return JSON.stringify(figure);
}
