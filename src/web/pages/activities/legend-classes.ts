// Map legend classes: quantiles of the values shown, with distinct, rounded bounds. Pure.

export type LegendClass = { from: number; to: number; colour: string };

/** The smallest "round" number at or above x: whole numbers up to 10, then 1, 2, 2.5 or 5 times a power of ten. */
export function roundUp(x: number): number {
  if (x <= 10) return Math.ceil(x);
  const power = 10 ** Math.floor(Math.log10(x));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= x) ?? 10;
  return step * power;
}

/**
 * Up to as many classes as colours, each holding about the same number of places (quantiles of the positive
 * values), bounds rounded up and never repeated, so that a legend reads "1 to 5, 6 to 20, 21 to 50" and never
 * "0 to 1, 2 to 2". A class that holds a single number is written as that number. Fewer distinct values than
 * colours give fewer classes, spread over the whole scale so that the darkest still means the most.
 */
export function legendClasses(values: Iterable<number>, colours: readonly string[]): LegendClass[] {
  const sorted = [...values].filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const wanted = Math.min(colours.length, new Set(sorted).size);
  const bounds: number[] = [];
  for (let i = 1; i <= wanted; i++) {
    const quantile = sorted[Math.ceil((i * sorted.length) / wanted) - 1] as number;
    const bound = i === wanted ? roundUp(sorted.at(-1) as number) : roundUp(quantile);
    if (bound > (bounds.at(-1) ?? 0)) bounds.push(bound);
  }
  const first = Math.floor(sorted[0] as number);
  return bounds.map((to, i) => ({
    from: i === 0 ? Math.min(first, to) : (bounds[i - 1] as number) + 1,
    to,
    colour: colours[spread(i, bounds.length, colours.length)] as string,
  }));
}

function spread(index: number, count: number, available: number): number {
  if (count <= 1) return available - 1;
  return Math.round((index * (available - 1)) / (count - 1));
}

/** The class a value falls in (by its upper bound), or null for zero and no value. */
export function classFor(value: number | undefined, classes: readonly LegendClass[]): LegendClass | null {
  if (value === undefined || value <= 0) return null;
  return classes.find((c) => value <= c.to) ?? classes.at(-1) ?? null;
}
