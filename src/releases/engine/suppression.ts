// Small-cell suppression: hide every entry (cell or margin) with 0 < count < threshold, then hide
// complementary entries until no hidden entry can be worked out from the rest, and prove it by audit.
import { AppError } from '../../platform/errors.js';
import { type CountTable, linesOf, shapeOf } from './count-tables.js';
import {
  type AuditOptions,
  auditSuppression,
  COMPLEMENTARY,
  PRIMARY,
  PUBLISHED,
  type SuppressedTable,
  type SuppressionAudit,
} from './suppression-audit.js';

export type SuppressionOptions = AuditOptions & {
  threshold?: number;
  /**
   * Solve every hidden entry's exact range for the report when at most this many are hidden (the
   * verdict never depends on it); above, the ranges reported are those that settled the verdict.
   */
  maxExactRanges?: number;
};

export type SuppressionResult = SuppressedTable & {
  threshold: number;
  primaryCount: number;
  complementaryCount: number;
  audit: SuppressionAudit;
};

type Lines = { all: Int32Array[]; ofEntry: number[][] };

export function suppressSmallCells(table: CountTable, options: SuppressionOptions = {}): SuppressionResult {
  const threshold = options.threshold ?? 10;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new AppError(
      'validation_failed',
      `The suppression threshold must be a whole number of at least 1; ${threshold} is not.`,
      [{ path: 'threshold', message: 'must be a whole number ≥ 1', code: 'too_small', minimum: 1 }],
    );
  }
  const lines = indexLines(table);
  const status = new Uint8Array(table.values.length);
  table.values.forEach((value, entry) => {
    if (value > 0 && value < threshold) status[entry] = PRIMARY;
  });
  const suppressed = { table, status };
  let audit: SuppressionAudit;
  for (;;) {
    protectEveryLine(suppressed, lines);
    audit = auditSuppression(suppressed, { ...options, exactRanges: false });
    if (audit.status !== 'disclosive') break;
    // The line rule was not enough (a chain of lines, or a zero count pinning a range): hide one more
    // entry beside each problem and check again. Each round hides more, so this ends.
    const added = audit.problems.filter((problem) => hideBeside(suppressed, lines, problem.entry));
    if (added.length === 0) break;
  }
  // The rounds above only settle the verdict; the ranges reported are solved exactly, once.
  const hiddenCount = status.length - status.filter((s) => s === PUBLISHED).length;
  if (audit.status === 'protected' && hiddenCount <= (options.maxExactRanges ?? 500)) {
    audit = auditSuppression(suppressed, options);
  }
  return {
    ...suppressed,
    threshold,
    primaryCount: status.filter((s) => s === PRIMARY).length,
    complementaryCount: status.filter((s) => s === COMPLEMENTARY).length,
    audit,
  };
}

/** The published value of each entry, null where hidden. */
export function publishedValues(suppressed: SuppressedTable): (number | null)[] {
  return Array.from(suppressed.table.values, (value, entry) =>
    suppressed.status[entry] === PUBLISHED ? value : null,
  );
}

function indexLines(table: CountTable): Lines {
  const all = linesOf(shapeOf(table.dimensions)).map((line) => line.entries);
  const ofEntry: number[][] = Array.from({ length: table.values.length }, () => []);
  all.forEach((entries, line) => {
    for (const entry of entries) ofEntry[entry]?.push(line);
  });
  return { all, ofEntry };
}

const hiddenIn = (status: Uint8Array, entries: Int32Array) =>
  entries.reduce((count, e) => count + (status[e] === PUBLISHED ? 0 : 1), 0);

/** Until no line holds exactly one hidden entry, hide a second one in each such line. */
function protectEveryLine({ table, status }: SuppressedTable, lines: Lines): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const entries of lines.all) {
      if (hiddenIn(status, entries) !== 1) continue;
      const complement = bestComplement({ table, status }, lines, entries);
      if (complement < 0) continue;
      status[complement] = COMPLEMENTARY;
      changed = true;
    }
  }
}

/**
 * The published entry to hide in a line: a non-zero count before a zero (a hidden zero that must be
 * zero protects nothing), then one whose other lines already hide an entry (one hidden entry then
 * serves two lines), then the smallest count (the least information lost).
 */
function bestComplement(
  { table, status }: SuppressedTable,
  lines: Lines,
  entries: ArrayLike<number>,
): number {
  let best = -1;
  let bestScore: number[] = [];
  for (const entry of Array.from(entries)) {
    if (status[entry] !== PUBLISHED) continue;
    const value = table.values[entry] as number;
    const sharedLines = (lines.ofEntry[entry] ?? []).filter(
      (line) => hiddenIn(status, lines.all[line] as Int32Array) > 0,
    ).length;
    const score = [value === 0 ? 1 : 0, -sharedLines, value];
    if (best < 0 || isLess(score, bestScore)) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

function isLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}

/** Hides the best published entry on any line through `entry`; false when every one is hidden already. */
function hideBeside(suppressed: SuppressedTable, lines: Lines, entry: number): boolean {
  const neighbours = (lines.ofEntry[entry] ?? []).flatMap((line) =>
    Array.from(lines.all[line] as Int32Array),
  );
  const complement = bestComplement(suppressed, lines, neighbours);
  if (complement < 0) return false;
  suppressed.status[complement] = COMPLEMENTARY;
  return true;
}
