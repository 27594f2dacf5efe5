// `concerted release risk|aggregate|synthesize`: disclosure risk, safe count tables and synthetic data from a
// CSV file, on this machine, without a server. Writes the released CSV and its HTML report; --json prints
// the figures for scripts. A failure writes no output file (it is written whole, then renamed into place).
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../platform/errors.js';
import type { PreparedRelease } from '../releases/methods.js';
import { makeRelease } from '../releases/methods.js';
import { loadDataset, riskOf } from '../releases/pipeline.js';
import type { ColumnChoice, ReleaseMethod } from '../releases/schemas.js';
import { runTask } from '../releases/tasks.js';
import { action, printJson, printTable } from './output.js';

type Common = {
  in: string;
  quasi?: string[];
  sensitive?: string[];
  other?: string[];
  generalise?: string[];
  missing?: string[];
  json?: boolean;
};
type RiskOptions = Common & { k: number; l: number };
type AggregateOptions = Common & {
  dimensions: string[];
  threshold: number;
  noise?: 'laplace' | 'gaussian';
  epsilon?: number;
  delta?: number;
  seed?: string;
  out: string;
  report?: string;
  title?: string;
};
type SynthesizeOptions = Common & {
  mode: 'k-anonymous' | 'dp';
  k: number;
  reportingLength: number;
  epsilon?: number;
  delta?: number;
  seed?: string;
  out: string;
  report?: string;
  title?: string;
};

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function integer(min: number) {
  return (value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min)
      throw new InvalidArgumentError(`a whole number, at least ${min}`);
    return parsed;
  };
}

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('a positive number');
  return parsed;
}

/** `--generalise age:1 --generalise citizenship=country:2`: a column's hierarchy and level. */
function generalisations(given: string[] | undefined): Map<string, ColumnChoice['generalise']> {
  const found = new Map<string, ColumnChoice['generalise']>();
  for (const item of given ?? []) {
    const match = /^([^=]+)=(age|country):([123])$/.exec(item.trim());
    if (!match)
      throw new AppError(
        'validation_failed',
        `--generalise "${item}" is not COLUMN=HIERARCHY:LEVEL, for example ageBroad=age:2 or citizenship=country:1.`,
      );
    found.set(match[1] as string, { hierarchy: match[2] as 'age' | 'country', level: Number(match[3]) });
  }
  return found;
}

/** The columns named by role, in the order given: quasi-identifiers, then sensitive, then others. */
function columnChoices(options: Common, extra: readonly string[] = []): ColumnChoice[] {
  const generalised = generalisations(options.generalise);
  const choices: ColumnChoice[] = [];
  const add = (names: readonly string[] | undefined, role: ColumnChoice['role']) => {
    for (const name of names ?? []) {
      if (choices.some((choice) => choice.name === name)) continue;
      const generalise = generalised.get(name);
      choices.push(generalise ? { name, role, generalise } : { name, role });
    }
  };
  add(options.quasi, 'quasi_identifier');
  add(options.sensitive, 'sensitive');
  add(options.other, 'other');
  add(extra, 'other');
  return choices;
}

function addColumnOptions(command: Command): Command {
  return command
    .requiredOption('--in <file>', 'the CSV file to read (a header in the first row)')
    .option('--quasi <columns>', 'quasi-identifiers, comma-separated (sex, age, citizenship…)', list)
    .option('--sensitive <columns>', 'sensitive columns, comma-separated', list)
    .option('--other <columns>', 'other columns to keep, comma-separated', list)
    .option(
      '--generalise <column=hierarchy:level>',
      'coarsen a column first: age:1 bands, age:2 children/adults; country:1 sub-region, country:2 region (repeatable)',
      (value, previous: string[] = []) => [...previous, value],
    )
    .option('--missing <values>', 'values that mean "not recorded", comma-separated (for example -99)', list)
    .option('--json', 'print the figures as JSON');
}

/** Shows the stages of long work on stderr, when a person watches. */
function stageBar(quiet: boolean) {
  const show = !quiet && process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{stage} {bar} {value}/{total}', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    onStage(stage: string, index: number, total: number) {
      if (!show) return;
      if (index === 0) bar.start(total, 0, { stage });
      bar.update(index, { stage });
    },
    stop() {
      if (show) bar.stop();
    },
  };
}

async function writeWhole(file: string, content: string | Buffer): Promise<void> {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.partial`);
  try {
    await writeFile(partial, content);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function runRisk(options: RiskOptions): Promise<void> {
  const columns = columnChoices(options);
  if (!columns.some((column) => column.role === 'quasi_identifier'))
    throw new AppError(
      'validation_failed',
      'Name the quasi-identifiers with --quasi, for example --quasi gender,ageBroad,citizenship.',
    );
  const loaded = await loadDataset(await readFile(options.in), columns, options.missing ?? []);
  const report = { ...riskOf(loaded.dataset, columns, options), notes: loaded.notes };
  if (options.json) return printJson(report);
  for (const sentence of [...report.sentences, ...report.notes]) process.stdout.write(`${sentence}\n`);
  process.stdout.write('\n');
  printTable(
    report.classSizes.map((band) => ({
      'group size': band.label,
      groups: band.classes,
      records: band.records,
    })),
  );
}

async function release(
  options: AggregateOptions | SynthesizeOptions,
  method: ReleaseMethod,
  columns: ColumnChoice[],
) {
  const progress = stageBar(options.json === true);
  let prepared: PreparedRelease;
  try {
    const loaded = await loadDataset(await readFile(options.in), columns, options.missing ?? []);
    prepared = await makeRelease(
      loaded,
      {
        task: 'prepare',
        missing: options.missing ?? [],
        title: options.title ?? path.basename(options.out),
        sourceLabel: path.basename(options.in),
        columns,
        method,
      },
      progress.onStage,
    );
  } finally {
    progress.stop();
  }
  await writeWhole(options.out, gunzipSync(prepared.outputCsvGzip));
  const report = options.report ?? options.out.replace(/(\.csv)?$/i, '.report.html');
  await writeWhole(report, prepared.reportHtml);
  const summary = {
    out: options.out,
    report,
    method: method.method,
    seed: prepared.seed,
    inputRows: prepared.inputRows,
    outputRows: prepared.outputRows,
    outputChecksum: prepared.outputChecksum,
    privacy: prepared.privacy,
    evaluation: prepared.evaluation,
  };
  if (options.json) return printJson(summary);
  for (const statement of prepared.privacy.statements) process.stdout.write(`${statement}\n`);
  process.stdout.write(
    `\nWrote ${prepared.outputRows.toLocaleString('en')} rows to ${options.out} (SHA-256 ${prepared.outputChecksum}) and the report to ${report}.\nSeed: ${prepared.seed ?? 'none'} — keep it private; it reproduces the release.\n`,
  );
}

async function runAggregate(options: AggregateOptions): Promise<void> {
  const seed = options.seed ?? randomBytes(16).toString('hex');
  const method: ReleaseMethod = options.noise
    ? {
        method: options.noise,
        dimensions: options.dimensions,
        epsilon: options.epsilon ?? 1,
        ...(options.delta !== undefined ? { delta: options.delta } : {}),
        seed,
      }
    : { method: 'suppression', dimensions: options.dimensions, threshold: options.threshold };
  await release(options, method, columnChoices(options, options.dimensions));
}

async function runSynthesize(options: SynthesizeOptions): Promise<void> {
  const seed = options.seed ?? randomBytes(16).toString('hex');
  const method: ReleaseMethod =
    options.mode === 'dp'
      ? {
          method: 'dp',
          epsilon: options.epsilon ?? 4,
          reportingLength: options.reportingLength,
          ...(options.delta !== undefined ? { delta: options.delta } : {}),
          seed,
        }
      : { method: 'k-anonymous', k: options.k, reportingLength: options.reportingLength, seed };
  const columns = columnChoices(options);
  const all = columns.length > 0 ? columns : await allColumns(options);
  await release(options, method, all);
}

/** Every column of the file, as "other", when none were named. */
async function allColumns(options: Common): Promise<ColumnChoice[]> {
  const inspection = await runTask(await readFile(options.in), {
    task: 'inspect',
    missing: options.missing ?? [],
  });
  return inspection.columns.map((column) => ({ name: column.name, role: 'other' as const }));
}

export function releaseCommand(): Command {
  const command = new Command('release').description(
    'privacy-preserving releases from a CSV file: disclosure risk, safe count tables, synthetic data',
  );
  addColumnOptions(command.command('risk').description('how exposed the records are to re-identification'))
    .option(
      '--k <n>',
      'smallest acceptable group (11: a person shares the combination with 10 others)',
      integer(2),
      11,
    )
    .option('--l <n>', 'fewest distinct sensitive values a group must hold', integer(2), 2)
    .action(action((options: RiskOptions) => runRisk(options)));
  addColumnOptions(
    command
      .command('aggregate')
      .description('a count table with small cells hidden, or with differential-privacy noise'),
  )
    .requiredOption('--dimensions <columns>', 'the columns to count by, comma-separated (1 to 4)', list)
    .option('--threshold <n>', 'hide cells below this count', integer(2), 10)
    .addOption(new Option('--noise <mechanism>', 'add noise instead of hiding cells').choices(['laplace', 'gaussian']))
    .option('--epsilon <x>', 'privacy loss ε for noise', positive)
    .option('--delta <x>', 'δ for the Gaussian mechanism', positive)
    .option('--seed <text>', 'reproduces the noise; random when absent')
    .requiredOption('--out <file>', 'the CSV to write')
    .option('--report <file>', 'the HTML report (beside --out by default)')
    .option('--title <text>', 'the release’s title in its report')
    .action(action((options: AggregateOptions) => runAggregate(options)));
  addColumnOptions(
    command.command('synthesize').description('synthetic microdata: k-anonymous or differentially private'),
  )
    .requiredOption('--out <file>', 'the synthetic CSV to write')
    .addOption(new Option('--mode <mode>', 'how records are protected').choices(['k-anonymous', 'dp']).default('k-anonymous'))
    .option('--k <n>', 'k-anonymous: combinations shared by fewer records are never released', integer(2), 10)
    .option(
      '--reporting-length <n>',
      'the longest combination of values protected and preserved',
      integer(1),
      3,
    )
    .option('--epsilon <x>', 'dp: privacy loss ε (4 by default)', positive)
    .option('--delta <x>', 'dp: δ (derived from the record count by default)', positive)
    .option('--seed <text>', 'reproduces the release bit for bit; random when absent')
    .option('--report <file>', 'the HTML report (beside --out by default)')
    .option('--title <text>', 'the release’s title in its report')
    .action(action((options: SynthesizeOptions) => runSynthesize(options)));
  return command;
}
