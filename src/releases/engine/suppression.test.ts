import { describe, expect, it } from 'vitest';
import {
  countTable,
  innerToEntry,
  linesOf,
  shapeOf,
  type TableDimension,
  tableFromCells,
} from './count-tables.js';
import { datasetFromRows } from './dataset.js';
import { publishedValues, suppressSmallCells } from './suppression.js';
import { auditSuppression, PRIMARY, PUBLISHED } from './suppression-audit.js';
import { seededRandom, type TestRandom } from './testing/seeded.js';

const dimension = (name: string, size: number): TableDimension => ({
  name,
  categories: Array.from({ length: size }, (_, i) => `${name}${i}`),
});

function randomTable(random: TestRandom, sizes: number[]) {
  const dimensions = sizes.map((size, d) => dimension(`d${d}`, size));
  const cellCount = sizes.reduce((product, size) => product * size, 1);
  // Skewed: many zeros and small cells, a few large ones.
  const cells = Array.from({ length: cellCount }, () => (random.next() < 0.2 ? 0 : random.skewed(60)));
  return tableFromCells(dimensions, cells);
}

describe('count tables', () => {
  it('counts records with margins, missing values under "not recorded"', () => {
    const dataset = datasetFromRows(
      ['gender', 'age'],
      [
        ['F', 'child'],
        ['F', 'adult'],
        ['M', ''],
        ['F', 'adult'],
      ],
    );
    const { table, excludedRecords } = countTable(dataset, ['gender', 'age']);
    expect(table.dimensions[1]?.categories).toEqual(['child', 'adult', 'not recorded']);
    // gender × (child, adult, not recorded, Total)
    expect(Array.from(table.values)).toEqual([1, 2, 0, 3, 0, 0, 1, 1, 1, 2, 1, 4]);
    expect(excludedRecords).toBe(0);
    const excluded = countTable(dataset, ['gender', 'age'], { missing: 'exclude' });
    expect(excluded.excludedRecords).toBe(1);
    expect(excluded.table.values.at(-1)).toBe(3);
  });
});

describe('small-cell suppression', () => {
  it('is caught by the audit when only the small cells are hidden', () => {
    // 2 × 2 with margins: hiding the 3 alone leaves it as row total minus the other cell.
    const table = tableFromCells([dimension('a', 2), dimension('b', 2)], [3, 40, 25, 30]);
    const status = new Uint8Array(table.values.length);
    status[0] = PRIMARY;
    const audit = auditSuppression({ table, status });
    expect(audit.status).toBe('disclosive');
    expect(audit.problems[0]).toMatchObject({ entry: 0, min: 3, max: 3 });
  });

  it('is caught by the audit when every line hides two entries but a chain of lines pins one', () => {
    // Two hidden 2 × 2 blocks (rows 0–1 × columns 0–1, rows 2–3 × columns 2–3) joined by one hidden
    // cell (row 1, column 2). Every row and column hides two or more entries, yet rows 0–1 minus
    // columns 0–1 of the margins leave exactly the joining cell.
    const small = new Set([0, 1, 4, 5, 10, 11, 14, 15, 6]);
    const cells = Array.from({ length: 16 }, (_, cell) => (small.has(cell) ? 2 + (cell % 5) : 30 + cell));
    const table = tableFromCells([dimension('a', 4), dimension('b', 4)], cells);
    const shape = shapeOf(table.dimensions);
    const status = new Uint8Array(table.values.length);
    for (const cell of small) status[innerToEntry(shape, cell)] = PRIMARY;
    const audit = auditSuppression({ table, status });
    const joining = innerToEntry(shape, 6);
    expect(audit.problems.map((problem) => problem.entry)).toEqual([joining]);
    expect(audit.problems[0]).toMatchObject({ min: cells[6], max: cells[6] });
    const repaired = suppressSmallCells(table);
    expect(repaired.audit.status).toBe('protected');
    expect(repaired.complementaryCount).toBeGreaterThan(0);
  });

  it('hides every small count and leaves nothing recoverable, on seeded random 1-, 2- and 3-D tables', () => {
    const shapes = [[8], [1], [5, 4], [7, 6], [1, 5], [2, 2], [3, 4, 3], [4, 3, 5], [2, 2, 2]];
    let complementary = 0;
    for (let seed = 1; seed <= 180; seed++) {
      const random = seededRandom(seed);
      const sizes = shapes[seed % shapes.length] as number[];
      const table = randomTable(random, sizes);
      const protectionWidth = seed % 2 === 0 ? 1 : 3;
      const result = suppressSmallCells(table, { threshold: 10, protectionWidth });
      complementary += result.complementaryCount;
      for (const value of publishedValues(result))
        if (value !== null) expect(value === 0 || value >= 10).toBe(true);
      expect(result.audit.status).toBe('protected');
      // The audit is run again from the published table rather than trusted.
      const again = auditSuppression(result, { protectionWidth });
      expect(again.problems).toEqual([]);
      for (const range of again.ranges) {
        const value = table.values[range.entry] as number;
        expect(range.min).toBeLessThanOrEqual(value);
        expect(range.max).toBeGreaterThanOrEqual(value);
        if (range.isPrimary) expect(range.max - range.min).toBeGreaterThanOrEqual(protectionWidth);
      }
    }
    // The property must have been exercised beyond primary suppression.
    expect(complementary).toBeGreaterThan(100);
  });

  it('finds the same ranges as enumerating every table consistent with what is published (2 × 2)', () => {
    // In two dimensions the line equations are totally unimodular, so the LP range is the integer range.
    for (let seed = 1; seed <= 120; seed++) {
      const random = seededRandom(seed);
      const table = tableFromCells(
        [dimension('a', 2), dimension('b', 2)],
        [0, 0, 0, 0].map(() => random.integer(4)),
      );
      const status = new Uint8Array(table.values.length);
      // The grand total stays published, so every entry lies within 0 … grand total and enumeration is finite.
      const hidden = Array.from({ length: 2 + random.integer(3) }, () =>
        random.integer(table.values.length - 1),
      );
      for (const entry of hidden) status[entry] = PRIMARY;
      const entries = [...new Set(hidden)];
      const consistent = enumerateConsistent(table.values, entries);
      const audit = auditSuppression({ table, status });
      for (const range of audit.ranges) {
        const position = entries.indexOf(range.entry);
        const values = consistent.map((assignment) => assignment[position] as number);
        expect([range.min, range.max]).toEqual([Math.min(...values), Math.max(...values)]);
      }
    }
  });

  it('hides a margin below the threshold and protects it in its own line', () => {
    const table = tableFromCells([dimension('a', 3), dimension('b', 3)], [2, 3, 1, 40, 50, 60, 30, 20, 10]);
    const result = suppressSmallCells(table);
    const shape = shapeOf(table.dimensions);
    const rowTotal = 0 * shape.strides[0]! + 3;
    expect(result.status[rowTotal]).toBe(PRIMARY);
    expect(result.audit.status).toBe('protected');
    expect(result.status.filter((s) => s !== PUBLISHED).length).toBeGreaterThan(4);
  });

  it('says a table is too big to audit instead of calling it safe', () => {
    const random = seededRandom(3);
    const table = randomTable(random, [12, 12]);
    const result = suppressSmallCells(table, { maxLinkedEntries: 5 });
    expect(result.audit.status).toBe('too big to audit');
    expect(result.audit.sentence).toMatch(/has not been shown safe/);
  });
});

/** Every assignment of the hidden entries (each 0 … grand total) under which all lines of a 2 × 2 table add up. */
function enumerateConsistent(values: Float64Array, hidden: number[]): number[][] {
  const limit = (values[values.length - 1] as number) + 1;
  const lines = linesOf(shapeOf([dimension('a', 2), dimension('b', 2)]));
  const found: number[][] = [];
  const candidate = Float64Array.from(values);
  const visit = (depth: number, chosen: number[]) => {
    if (depth === hidden.length) {
      const addsUp = lines.every(({ entries }) => {
        const cells = Array.from(entries.subarray(0, -1), (e) => candidate[e] as number);
        return cells.reduce((sum, v) => sum + v, 0) === candidate[entries.at(-1) as number];
      });
      if (addsUp) found.push([...chosen]);
      return;
    }
    for (let value = 0; value <= limit; value++) {
      candidate[hidden[depth] as number] = value;
      visit(depth + 1, [...chosen, value]);
    }
  };
  visit(0, []);
  return found;
}
