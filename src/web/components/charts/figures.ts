// Pure helpers for charts: honest figures (censored values as bounds), axis ticks and the palette.

/** A published figure as bounds; exact when lower = upper, open above when upper is null. */
export type Bounds = { lower: number; upper: number | null };

export function isExact(bounds: Bounds): boolean {
  return bounds.upper !== null && bounds.lower === bounds.upper;
}

/**
 * The figure as a reader should see it: exact, "<5" for a count published as 0–4, a range for a
 * sum of censored counts, "≥ n" when only a floor is known. Never a made-up midpoint.
 */
export function formatBounds(
  bounds: Bounds,
  format: (n: number) => string,
  options: { isCount?: boolean } = {},
): string {
  const { lower, upper } = bounds;
  if (upper === null) return `≥ ${format(lower)}`;
  if (lower === upper) return format(lower);
  if (lower === 0 && options.isCount) return `<${format(upper + 1)}`;
  if (lower === 0) return `≤ ${format(upper)}`;
  return `${format(lower)}–${format(upper)}`;
}

/** The largest value a chart must reach: the upper bound where there is one. */
export function reach(bounds: Bounds): number {
  return bounds.upper ?? bounds.lower;
}

/** About `count` round tick values from 0 to at least `max` (1, 2 or 5 times a power of ten apart). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Math.round(v / power) * power);
  return ticks;
}

/**
 * The years to label on a time axis `width` wide: every year when they fit, else every second, fifth…
 * year (always the first and the last), so that labels about `labelWidth` wide never overlap.
 */
export function yearTicks(years: readonly number[], width: number, labelWidth = 40): number[] {
  if (years.length <= 1) return [...years];
  const first = years[0] as number;
  const last = years.at(-1) as number;
  const span = last - first;
  const fits = (step: number) => (step / Math.max(span, 1)) * width >= labelWidth;
  const step = [1, 2, 5, 10, 20, 50].find(fits) ?? span;
  const ticks = years.filter((year) => (year - first) % step === 0);
  // The last year is what readers look for; it replaces a tick that would crowd it.
  const lastTick = ticks.at(-1) as number;
  if (lastTick !== last) {
    if (ticks.length > 1 && ((last - lastTick) / Math.max(span, 1)) * width < labelWidth) ticks.pop();
    ticks.push(last);
  }
  return ticks;
}

/**
 * Okabe & Ito's colour-blind-safe palette, darkest hues first. Colour is never the only cue:
 * every bar and line also carries a text label, lines a marker shape of their own.
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#0072B2';
}

/** Dark outline around marks, so that light hues keep a 3:1 contrast against white (WCAG 1.4.11). */
export const MARK_OUTLINE = '#1b2430';
export const AXIS_INK = '#4a5563';
export const TEXT_INK = '#1b2430';

/** Sequential blues (ColorBrewer "Blues", 5 classes) for the choropleth, light to dark. */
export const SEQUENTIAL_BLUES = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const NO_DATA_FILL = '#f4f6f8';

/** Class limits for a choropleth: upper limits of `classes` equal-count groups of the values. */
export function quantileBreaks(values: readonly number[], classes = SEQUENTIAL_BLUES.length): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const value = sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / classes) - 1)];
    if (value !== undefined && (breaks.length === 0 || value > (breaks.at(-1) ?? 0))) breaks.push(value);
  }
  return breaks;
}

export function classOf(value: number, breaks: readonly number[]): number {
  const index = breaks.findIndex((limit) => value <= limit);
  return index < 0 ? breaks.length - 1 : index;
}
