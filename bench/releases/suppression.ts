// Small-cell suppression with its LP audit on skewed random tables of 1 to 3 dimensions: cells hidden
// and time, up to a few thousand cells.
import { performance } from 'node:perf_hooks';
import { tableFromCells } from '../../src/releases/engine/count-tables.js';
import { suppressSmallCells } from '../../src/releases/engine/suppression.js';
import { seededRandom } from '../../src/releases/engine/testing/seeded.js';

const SHAPES = [[40], [7, 6], [4, 3, 5], [20, 20], [40, 30], [60, 50], [10, 10, 10], [15, 12, 10]];

for (const sizes of SHAPES) {
  const random = seededRandom(5);
  const dimensions = sizes.map((size, d) => ({
    name: `d${d}`,
    categories: Array.from({ length: size }, (_, i) => `c${i}`),
  }));
  const cellCount = sizes.reduce((product, size) => product * size, 1);
  const cells = Array.from({ length: cellCount }, () => (random.next() < 0.2 ? 0 : random.skewed(60)));
  const start = performance.now();
  const result = suppressSmallCells(tableFromCells(dimensions, cells), { maxLinkedEntries: 5000 });
  const elapsed = performance.now() - start;
  console.log(
    `${sizes.join(' × ').padEnd(12)} ${String(cellCount).padStart(5)} cells: ${result.primaryCount} primary, ${result.complementaryCount} complementary, audit ${result.audit.status} (${result.audit.ranges.length} ranges solved), ${elapsed.toFixed(0)} ms`,
  );
}
