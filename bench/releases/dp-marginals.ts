// Time and memory of differentially private marginals (ε = 4, reporting length 3) on generated
// records shaped like the CTDC public file: 27 columns, sparse flags, skewed countries.
// Run: npx tsx bench/releases/dp-marginals.ts [records…]   (default 50000 100000 250000 1000000)
import { DatasetBuilder } from '../../src/releases/engine/dataset.js';
import { dpMarginals } from '../../src/releases/engine/dp-marginals.js';
import { RandomBits } from '../../src/releases/engine/noise/random.js';

function ctdcShaped(records: number) {
  const rng = new RandomBits(`ctdc-${records}`);
  const flags = Array.from({ length: 22 }, (_, i) => `flag${i + 1}`);
  const builder = new DatasetBuilder(
    ['gender', 'ageBroad', 'majorityStatus', 'citizenship', 'CountryOfExploitation', ...flags],
    records,
  );
  // a country's rank falls geometrically: a few countries hold most records, as in the public file
  const skewed = (size: number) => {
    let rank = 0;
    while (rank < size - 1 && rng.uniformBelow(3) > 0) rank++;
    return rank;
  };
  for (let r = 0; r < records; r++) {
    const row = [rng.uniformBelow(10) < 7 ? 'Female' : 'Male', `age band ${skewed(9)}`];
    row.push(rng.uniformBelow(2) ? 'Adult' : 'Minor', `country ${skewed(60)}`, `country ${skewed(60)}`);
    flags.forEach((_, f) => {
      row.push(rng.uniformBelow(100) < 3 + 2 * f ? '1' : '');
    });
    builder.add(row);
  }
  return builder.build();
}

const sizes = process.argv.slice(2).map(Number);
for (const records of sizes.length > 0 ? sizes : [50_000, 100_000, 250_000, 1_000_000]) {
  const dataset = ctdcShaped(records);
  const start = performance.now();
  const result = dpMarginals(dataset, { epsilon: 4, seed: 'bench' });
  const seconds = (performance.now() - start) / 1000;
  const memory = process.memoryUsage().rss / 2 ** 20;
  const kept = result.levels
    .map(
      (level) =>
        `${level.length}-way ${level.kept}${level.candidates === null ? '' : `/${level.candidates}`}`,
    )
    .join(', ');
  console.log(
    `${records.toLocaleString('en').padStart(9)} records: ${seconds.toFixed(2)} s, rss ${memory.toFixed(0)} MiB, ` +
      `ε ${result.epsilon.toFixed(3)}, δ ${result.delta.toExponential(2)}, kept ${kept}`,
  );
}
