// `concerted stats …`: import publishers' files and query official statistics, as the operator.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import type { z } from 'zod';
import type { Database } from '../platform/db.js';
import { runDurableWrite } from '../platform/durable-write.js';
import { AppError } from '../platform/errors.js';
import { queryResultCsv } from '../statistics/csv.js';
import {
  computeShares,
  computeTrends,
  fileFromPath,
  getCatalogue,
  type ImportProgress,
  type ImportReport,
  importStatistics,
  listReleases,
  listRevisions,
  parseCsvMapping,
  type QueryResult,
  queryStatistics,
  RevisionsQuery,
  type RunInTransaction,
  SharesQuery,
  STATISTICS_SOURCES,
  StatisticsQuery,
  type StatisticsSource,
} from '../statistics/index.js';
import { type LongWriteTarget, type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { printImportReport } from './import-report-text.js';
import { action, printJson, printTable } from './output.js';
import { refreshAfterImport } from './plan-indicators.js';

type ImportCliOptions = {
  source: string;
  mapping?: string;
  release?: string;
  published?: string;
  dryRun?: boolean;
  json?: boolean;
};

type QueryCliOptions = {
  indicator: string;
  country?: string[];
  region?: string[];
  area?: string[];
  year?: string;
  from?: string;
  to?: string;
  by?: string[];
  sex?: string[];
  age?: string[];
  dimension?: string;
  category?: string[];
  release?: string;
  source?: string;
  figures?: string;
  limit?: string;
  of?: string;
  json?: boolean;
  csv?: boolean;
};

export function statsCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const stats = new Command('stats').description(
    'official statistics: import publishers’ files (UNODC GLOTIP, SDG 16.2.2, mapped CSV) and query them',
  );
  stats
    .command('import')
    .description('import a file as a release; re-importing a release replaces it in one transaction')
    .argument('<file>', 'the file: .csv or .xlsx (glotip), .csv or .json (sdg), .csv (csv with --mapping)')
    .requiredOption('--source <source>', `what the file is: ${STATISTICS_SOURCES.join(', ')}`)
    .option('--mapping <file>', 'for --source csv: the JSON mapping of its columns')
    .option('--release <label>', 'the release label (default: the file name without extension)')
    .option('--published <date>', 'the publication date, YYYY-MM-DD (orders releases: newest is the default)')
    .option('--dry-run', 'read and check everything, report, and write nothing')
    .option('--json', 'print the import report as JSON')
    .action(
      action((file: string, options: ImportCliOptions) =>
        withDatabase(open, (_db, handle) => runImport({ handle, reopen: open }, file, options)),
      ),
    );
  addQueryOptions(
    stats.command('query').description('figures of an indicator by area and year, grouped by breakdowns'),
  )
    .option('--csv', 'print CSV instead of a table')
    .action(action((options: QueryCliOptions) => withDatabase(open, (db) => runQuery(db, options))));
  addQueryOptions(
    stats.command('shares').description('each category’s share of its total (--of sex: women and girls)'),
  )
    .requiredOption('--of <dimension>', 'the breakdown whose shares are wanted: sex, age or a dimension')
    .action(action((options: QueryCliOptions) => withDatabase(open, (db) => runShares(db, options))));
  addQueryOptions(
    stats.command('trends').description('year-on-year change, as intervals where figures are censored'),
  ).action(action((options: QueryCliOptions) => withDatabase(open, (db) => runTrends(db, options))));
  stats
    .command('releases')
    .description('releases newest first; the first of each source is its default')
    .option('--json', 'print JSON')
    .action(action((options: { json?: boolean }) => withDatabase(open, (db) => runReleases(db, options))));
  stats
    .command('catalogue')
    .description('a release’s indicators, dimensions and categories (the newest release by default)')
    .option('--release <id>', 'a release id')
    .option('--json', 'print JSON')
    .action(
      action((options: { release?: string; json?: boolean }) =>
        withDatabase(open, (db) => runCatalogue(db, options)),
      ),
    );
  stats
    .command('revisions')
    .description('figures revised, added or removed between two releases of one source')
    .requiredOption('--from <id>', 'the earlier release')
    .requiredOption('--to <id>', 'the later release')
    .option('--indicator <name>', 'only this indicator')
    .option('--json', 'print JSON')
    .action(
      action((options: { from: string; to: string; indicator?: string; json?: boolean }) =>
        withDatabase(open, (db) => runRevisions(db, options)),
      ),
    );
  return stats;
}

function addQueryOptions(command: Command): Command {
  return command
    .requiredOption(
      '--indicator <name>',
      'the indicator as the source publishes it, for example "Detected trafficking victims"',
    )
    .option('--country <iso3...>', 'ISO3 countries')
    .option('--region <m49...>', 'UN M49 areas (001 is the world, the default)')
    .option('--year <yyyy>', 'one year')
    .option('--from <yyyy>', 'first year')
    .option('--to <yyyy>', 'last year')
    .option(
      '--by <dimension...>',
      'group by: area, country, sex, age, or a dimension as published (or: form, citizenship)',
    )
    .option('--sex <sex...>', 'only these sexes, as published')
    .option('--age <age...>', 'only these ages, as published')
    .option('--dimension <name>', 'a dimension to filter on (with --category)')
    .option('--category <name...>', 'only these categories of the dimension')
    .option('--release <id>', 'a release id (default: the newest release holding the indicator)')
    .option('--source <source>', 'only releases of this source')
    .option('--figures <kind>', 'for M49 areas: rollup (sum of countries, default) or published')
    .option('--limit <n>', 'at most this many rows')
    .option('--json', 'print JSON');
}

/** Turns CLI options into the API's query, so both check input the same way. */
function parseQuery<S extends z.ZodType>(schema: S, options: QueryCliOptions): z.infer<S> {
  const areas = [...(options.country ?? []), ...(options.region ?? []), ...(options.area ?? [])];
  const input = {
    indicator: options.indicator,
    area: areas.length > 0 ? areas : undefined,
    year: options.year,
    fromYear: options.from,
    toYear: options.to,
    by: options.by,
    sex: options.sex,
    age: options.age,
    dimension: options.dimension,
    category: options.category,
    release: options.release,
    source: options.source,
    figures: options.figures,
    limit: options.limit,
    ...(options.of ? { of: options.of } : {}),
  };
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  );
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'validation_failed',
    `--${String(issue?.path[0] ?? 'options')}: ${issue?.message ?? 'not valid'}`,
  );
}

async function runImport(database: LongWriteTarget, file: string, options: ImportCliOptions) {
  if (!(STATISTICS_SOURCES as readonly string[]).includes(options.source)) {
    throw new AppError('validation_failed', `--source must be one of ${STATISTICS_SOURCES.join(', ')}`);
  }
  if (options.published && !/^\d{4}-\d{2}-\d{2}$/.test(options.published)) {
    throw new AppError('validation_failed', '--published must be a date, YYYY-MM-DD');
  }
  const mapping = options.mapping ? parseCsvMapping(await readJson(options.mapping)) : undefined;
  const showBar = !options.json && process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'importing {bar} {percentage}% | {rows} rows | {phase}',
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  const onProgress = (progress: ImportProgress) => {
    if (!showBar) return;
    const total = progress.totalBytes ?? 1;
    if (!isStarted) bar.start(total, 0, { rows: 0, phase: 'reading' });
    isStarted = true;
    bar.update(progress.phase === 'deriving' ? total : Math.min(progress.bytes, total), {
      rows: progress.rows,
      phase: progress.phase === 'deriving' ? 'computing roll-ups' : 'reading',
    });
  };
  const started = performance.now();
  let report: ImportReport;
  try {
    const what = `importing statistics from ${path.basename(file)}`;
    const run: RunInTransaction = (work) =>
      runDurableWrite(database.handle, work, { what, reopen: database.reopen });
    report = await importStatistics(run, {
      source: options.source as StatisticsSource,
      file: await fileFromPath(file),
      mapping,
      release: options.release,
      publishedOn: options.published ?? null,
      isDryRun: options.dryRun === true,
      onProgress,
    });
  } finally {
    if (isStarted) bar.stop();
  }
  if (!report.isDryRun) await refreshAfterImport(database.handle, 'statistics', options.json === true);
  if (options.json) {
    printJson(report);
    return;
  }
  printImportReport(report, (performance.now() - started) / 1000);
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('validation_failed', `Cannot read the mapping file ${file}.`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', `The mapping file ${file} is not valid JSON.`);
  }
}

const figureText = (lower: number, upper: number | null) =>
  upper === lower ? String(lower) : `${lower}–${upper === null ? '' : upper}`;

async function runQuery(db: Database, options: QueryCliOptions) {
  const result = await queryStatistics(db, parseQuery(StatisticsQuery, options));
  if (options.json) return printJson(result);
  if (options.csv) return void process.stdout.write(queryResultCsv(result));
  printHeading(result);
  printTable(
    result.rows.map((row) => ({
      year: row.year,
      area: row.area ?? result.areas.join(' '),
      sex: row.sex ?? 'Total',
      age: row.age ?? 'Total',
      [result.dimension ?? 'category']: row.category ?? (result.dimension ? 'selected' : 'Total'),
      unit: row.unit,
      value: figureText(row.lower, row.upper),
      censored: row.isCensored ? 'yes' : '',
      countries: row.countries,
    })),
  );
  for (const entry of result.coverage) {
    const shown = entry.missing.slice(0, 12).join(' ');
    const more = entry.missing.length > 12 ? ` … (+${entry.missing.length - 12}, see --json)` : '';
    process.stdout.write(
      `${entry.area} ${entry.year}: ${entry.reporting} of ${entry.members} countries gave figures${entry.missing.length ? `; missing: ${shown}${more}` : ''}\n`,
    );
  }
}

function printHeading(result: Pick<QueryResult, 'indicator' | 'release' | 'isTruncated'>) {
  const synthetic = result.release.isSynthetic ? ' — SYNTHETIC DEMO DATA' : '';
  process.stdout.write(
    `${result.indicator} — ${result.release.source} release "${result.release.label}"${synthetic}\n`,
  );
  if (result.isTruncated) process.stdout.write('(truncated: raise --limit)\n');
}

async function runShares(db: Database, options: QueryCliOptions) {
  const result = await computeShares(db, parseQuery(SharesQuery, options));
  if (options.json) return printJson(result);
  printHeading(result);
  const percent = (value: number | null) => (value === null ? '' : `${(value * 100).toFixed(1)} %`);
  printTable(
    result.rows.map((row) => ({
      year: row.year,
      area: row.area ?? result.areas.join(' '),
      [result.of]: (result.of === 'sex' ? row.sex : result.of === 'age' ? row.age : row.category) ?? '',
      part: figureText(row.part.lower ?? 0, row.part.upper),
      total: figureText(row.total.lower ?? 0, row.total.upper),
      share: row.share
        ? row.shareValue !== null
          ? percent(row.shareValue)
          : `${percent(row.share.lower)}–${percent(row.share.upper)}`
        : 'n/a',
    })),
  );
}

async function runTrends(db: Database, options: QueryCliOptions) {
  const result = await computeTrends(db, parseQuery(StatisticsQuery, options));
  if (options.json) return printJson(result);
  printHeading(result);
  printTable(
    result.rows.map((row) => ({
      year: row.year,
      sex: row.sex ?? 'Total',
      age: row.age ?? 'Total',
      category: row.category ?? 'Total',
      value: figureText(row.lower, row.upper),
      change: row.change ? figureText(row.change.lower ?? 0, row.change.upper) : '',
    })),
  );
}

async function runReleases(db: Database, options: { json?: boolean }) {
  const releases = await listReleases(db);
  if (options.json) return printJson({ data: releases });
  printTable(
    releases.map((r) => ({
      id: r.id,
      source: r.source,
      label: r.label,
      published: r.publishedOn,
      default: r.isDefault ? 'yes' : '',
      synthetic: r.isSynthetic ? 'yes' : '',
      observations: r.observations,
    })),
    ['id', 'source', 'label', 'published', 'default', 'synthetic', 'observations'],
  );
}

async function runCatalogue(db: Database, options: { release?: string; json?: boolean }) {
  const id = options.release ?? (await listReleases(db))[0]?.id;
  if (!id) throw new AppError('not_found', 'No release has been imported yet; use `concerted stats import`.');
  const catalogue = await getCatalogue(db, id);
  if (options.json) return printJson(catalogue);
  process.stdout.write(`${catalogue.release.source} release "${catalogue.release.label}"\n`);
  for (const indicator of catalogue.indicators) {
    process.stdout.write(
      `\n${indicator.indicator} (${indicator.units.join(', ')}; ${indicator.fromYear}–${indicator.toYear})\n`,
    );
    for (const d of indicator.dimensions) {
      process.stdout.write(`  ${d.name} [${d.kind}]: ${d.categories.map((c) => c.name).join('; ')}\n`);
    }
  }
}

async function runRevisions(
  db: Database,
  options: { from: string; to: string; indicator?: string; json?: boolean },
) {
  const parsed = RevisionsQuery.safeParse({
    from: options.from,
    to: options.to,
    indicator: options.indicator,
  });
  if (!parsed.success)
    throw new AppError('validation_failed', `--from/--to: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
  const result = await listRevisions(db, parsed.data);
  if (options.json) return printJson(result);
  const { revised, added, removed, unchanged } = result.counts;
  process.stdout.write(`${revised} revised, ${added} added, ${removed} removed, ${unchanged} unchanged\n`);
  printTable(
    result.changes.map((c) => ({
      change: c.change,
      indicator: c.indicator,
      area: c.area,
      year: c.year,
      breakdown: [c.sex, c.age, c.category].join(' / '),
      before: c.before?.text ?? '',
      after: c.after?.text ?? '',
    })),
    ['change', 'indicator', 'area', 'year', 'breakdown', 'before', 'after'],
  );
}
