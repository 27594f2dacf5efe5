// Safe aggregates: small-cell suppression with its LP audit on skewed random tables of 1 to 3
// dimensions (cells hidden and time, up to a few thousand cells), then counting, suppressing and
// adding noise from records.
import { performance } from 'node:perf_hooks';
import { countTable, tableFromCells } from '../../src/releases/engine/count-tables.js';
import { DatasetBuilder } from '../../src/releases/engine/dataset.js';
import { ageHierarchy, generalise } from '../../src/releases/engine/hierarchies.js';
import { noisyTable } from '../../src/releases/engine/noisy-table.js';
import { suppressSmallCells } from '../../src/releases/engine/suppression.js';
import { seededRandom } from '../../src/releases/engine/testing/seeded.js';

const SHAPES = [
  [40],
  [7, 6],
  [4, 3, 5],
  [20, 20],
  [40, 30],
  [60, 50],
  [10, 10, 10],
  [15, 12, 10],
  [20, 15, 12],
];

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
    `${sizes.join(' × ').padEnd(12)} ${String(cellCount).padStart(5)} cells: ${result.primaryCount} primary, ${result.complementaryCount} complementary, audit ${result.audit.status} (${result.audit.ranges.length} ranges, ${result.audit.rangesAreExact ? 'exact' : 'settled'}), ${elapsed.toFixed(0)} ms`,
  );
}

// From records: a 40,000-record dataset counted by gender × age band × citizenship, then suppressed
// and, separately, made differentially private.
const random = seededRandom(19);
const COUNTRIES =
  'UA MD RO BG PL NG GH TH VN PH KH MM ID BD NP ET ER SD US MX GT HN SV CO VE PE BR AF PK IN LK CN KP LA MN KG UZ TJ AL RS'.split(
    ' ',
  );
const RECORDS = 40_000;
const builder = new DatasetBuilder(['gender', 'age', 'citizenship'], RECORDS);
for (let i = 0; i < RECORDS; i++) {
  builder.add([
    random.next() < 0.7 ? 'Female' : 'Male',
    random.next() < 0.1 ? '' : String(random.integer(70)),
    COUNTRIES[random.skewed(COUNTRIES.length)] ?? '',
  ]);
}
const banded = generalise(builder.build(), 'age', ageHierarchy(), 1).dataset;
let start = performance.now();
const { table } = countTable(banded, ['gender', 'age', 'citizenship']);
const countMs = performance.now() - start;
start = performance.now();
const suppressed = suppressSmallCells(table);
const suppressMs = performance.now() - start;
start = performance.now();
const noisy = noisyTable(table, { mechanism: 'gaussian', epsilon: 1, delta: 1e-6, seed: 'bench' });
const noiseMs = performance.now() - start;
console.log(
  `${RECORDS.toLocaleString('en-US')} records by gender × age band × citizenship (${table.values.length} entries with margins): counted in ${countMs.toFixed(0)} ms; ` +
    `suppressed ${suppressed.primaryCount} + ${suppressed.complementaryCount} entries, audit ${suppressed.audit.status}, in ${suppressMs.toFixed(0)} ms; ` +
    `Gaussian noise (ε = 1, δ = 1e-6, ρ = ${noisy.rho.toFixed(4)}) in ${noiseMs.toFixed(0)} ms`,
);
