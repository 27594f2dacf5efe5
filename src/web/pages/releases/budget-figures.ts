// Privacy budgets in figures people read: ρ to three significant digits, the share spent, and the least
// total a dataset may be given, rounded up so that the figure shown is one the server accepts.

/** ρ to three significant digits, as a number to format in the reader's language. */
export function roundRho(rho: number): number {
  return rho === 0 ? 0 : Number(rho.toPrecision(3));
}

/** What has been spent, rounded up to three significant digits: never a figure below the true one. */
export function leastTotal(spentRho: number): number {
  if (spentRho <= 0) return 0;
  const scale = 10 ** (2 - Math.floor(Math.log10(spentRho)));
  // The small margin keeps a product like 0.308 × 1000 = 308.00000000000006 from rounding up to 309.
  const rounded = Math.ceil(spentRho * scale - 1e-9) / scale;
  return rounded < spentRho ? Math.ceil(spentRho * scale) / scale : rounded;
}

/** The share of the total spent, in whole per cent, from 0 to 100. */
export function percentSpent(spentRho: number, totalRho: number): number {
  if (totalRho <= 0) return 100;
  return Math.min(100, Math.max(0, Math.round((spentRho / totalRho) * 100)));
}

/** A total typed by a person, with a comma or a point as the decimal sign; null when it is not a number. */
export function parseTotal(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^\d*\.?\d+$|^\d+\.$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export type TotalCheck = 'ok' | 'not_a_number' | 'below_spent' | 'too_big';

/** Whether a total may be set: a number, at least what is spent (and above zero), at most 100. */
export function checkTotal(value: number | null, spentRho: number): TotalCheck {
  if (value === null) return 'not_a_number';
  if (value <= 0 || value < spentRho) return 'below_spent';
  if (value > 100) return 'too_big';
  return 'ok';
}

/**
 * "ρ = 0.154" kept left to right as one piece inside a sentence in any direction: isolated (Unicode
 * bidirectional algorithm, LRI … PDI) so that Arabic does not show it as "0.154 = ρ".
 */
export function rhoFormula(formattedRho: string): string {
  return `\u2066ρ = ${formattedRho}\u2069`;
}
