import { describe, expect, it } from 'vitest';
import { countTable, innerToEntry, shapeOf, type TableDimension, tableFromCells } from './count-tables.js';
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
    const shapes = [[8], [5, 4], [7, 6], [3, 4, 3], [4, 3, 5]];
    for (let seed = 1; seed <= 150; seed++) {
      const random = seededRandom(seed);
      const sizes = shapes[seed % shapes.length] as number[];
      const table = randomTable(random, sizes);
      const result = suppressSmallCells(table, { threshold: 10 });
      const published = publishedValues(result);
      for (const value of published) if (value !== null) expect(value === 0 || value >= 10).toBe(true);
      expect(result.audit.status).toBe('protected');
      // The audit is re-run from scratch rather than trusted.
      const again = auditSuppression(result);
      expect(again.problems).toEqual([]);
      for (const range of again.ranges) {
        expect(range.min).toBeLessThanOrEqual(table.values[range.entry] as number);
        expect(range.max).toBeGreaterThanOrEqual(table.values[range.entry] as number);
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
