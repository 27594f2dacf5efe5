// Benchmark of synthetic releases on a generated CTDC-shaped dataset (27 columns, sparse flags, skewed
// countries): synthesis time, peak memory and utility at 50k, 100k, 250k and 1M records. Each size and mode
// runs in its own process, so that its peak memory is its own. Targets (issue 19): 250,000 records,
// reporting length 3, k = 10, in at most 10 s and 2 GiB.
//   npm run bench:releases -- [--sizes 50000,250000] [--modes k-anonymous] [--k 10] [--reporting-length 3]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Dataset } from '../../src/releases/engine/dataset.js';
import { evaluateSynthesis } from '../../src/releases/engine/evaluation.js';
import { synthesizeKAnonymous } from '../../src/releases/engine/k-anonymous.js';
import { generateCtdcDataset } from './generate.js';

type Parameters = { k: number; reportingLength: number; seed: string };

/** Each mode turns a dataset into synthetic records; the differentially private one joins here. */
const MODES: Record<string, (dataset: Dataset, parameters: Parameters) => Dataset> = {
  'k-anonymous': (dataset, { k, reportingLength, seed }) =>
    synthesizeKAnonymous(dataset, { k, reportingLength, seed }).synthetic,
};

type Measure = {
  mode: string;
  records: number;
  outputRecords: number;
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
  twoWayMeanRelativeError: number;
  twoWayPreservedShare: number;
  threeWayMeanRelativeError: number;
  combinationsBelowK: number | null;
};

function measureOne(mode: string, records: number, parameters: Parameters): Measure {
  const synthesize = MODES[mode];
  if (!synthesize) throw new Error(`unknown mode ${mode}; known: ${Object.keys(MODES).join(', ')}`);
  const dataset = generateCtdcDataset(records, 'bench');
  globalThis.gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const synthetic = synthesize(dataset, parameters);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  const evaluation = evaluateSynthesis(dataset, synthetic, {
    reportingLength: parameters.reportingLength,
    k: parameters.k,
  });
  return {
    mode,
    records,
    outputRecords: synthetic.rowCount,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakMiB,
    twoWayMeanRelativeError: evaluation.lengths[1]?.meanRelativeError ?? Number.NaN,
    twoWayPreservedShare: evaluation.lengths[1]?.preservedShare ?? Number.NaN,
    threeWayMeanRelativeError: evaluation.lengths[2]?.meanRelativeError ?? Number.NaN,
    combinationsBelowK: evaluation.privacy.combinationsBelowK,
  };
}

function runChild(mode: string, records: number, options: Record<string, string>): Measure {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--one', `${mode}:${records}`];
  for (const [name, value] of Object.entries(options)) args.push(`--${name}`, value);
  const output = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as Measure;
}

function printRow(m: Measure, base: Measure | undefined): void {
  const scaling = base
    ? `${(m.seconds / base.seconds).toFixed(1)}x time for ${(m.records / base.records).toFixed(0)}x records`
    : '';
  console.log(
    [
      m.mode.padEnd(12),
      String(m.records).padStart(9),
      `${m.seconds.toFixed(2)} s`.padStart(9),
      `${m.cpuSeconds.toFixed(2)} s`.padStart(9),
      `${m.peakMiB.toFixed(0)} MiB`.padStart(9),
      m.twoWayMeanRelativeError.toFixed(4).padStart(8),
      m.twoWayPreservedShare.toFixed(4).padStart(8),
      m.threeWayMeanRelativeError.toFixed(4).padStart(8),
      String(m.combinationsBelowK ?? '-').padStart(5),
      `  ${scaling}`,
    ].join(' '),
  );
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50000,100000,250000,1000000' },
    modes: { type: 'string', default: 'k-anonymous' },
    k: { type: 'string', default: '10' },
    'reporting-length': { type: 'string', default: '3' },
    seed: { type: 'string', default: 'bench' },
    one: { type: 'string' },
  },
});
const parameters = {
  k: Number(values.k),
  reportingLength: Number(values['reporting-length']),
  seed: values.seed,
};

if (values.one) {
  const [mode, records] = values.one.split(':') as [string, string];
  console.log(JSON.stringify(measureOne(mode, Number(records), parameters)));
} else {
  const pass = { k: values.k, 'reporting-length': values['reporting-length'], seed: values.seed };
  console.log(
    `CTDC-shaped dataset, 27 columns, k = ${parameters.k}, reporting length ${parameters.reportingLength}`,
  );
  console.log('mode          records      wall       cpu      peak  2-way MRE preserved 3-way MRE <k');
  for (const mode of values.modes.split(',')) {
    let base: Measure | undefined;
    for (const size of values.sizes.split(',').map(Number)) {
      const measure = runChild(mode, size, pass);
      printRow(measure, base);
      base ??= measure;
    }
  }
}
