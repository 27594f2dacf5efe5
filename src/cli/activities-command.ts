// `concerted activities import|export`: the 4W register from and to CSV, HXL, XLSX and IATI files, as the operator.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import {
  ActivityFilters,
  exportActivities,
  type ImportFormat,
  ImportRejected,
  type ImportReport,
  importActivities,
  listActivities,
} from '../activities/index.js';
import type { DatabaseHandle, Queryable } from '../platform/db.js';
import { runDurableWrite } from '../platform/durable-write.js';
import { type LongWriteTarget, type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { printImportReport } from './import-report.js';
import { action, printJson, printTable } from './output.js';
import { refreshAfterImport } from './plan-indicators.js';

const FORMATS = ['csv', 'hxl', 'xlsx', 'iati'] as const;

type ImportOptions = {
  format?: ImportFormat;
  dryRun?: boolean;
  json?: boolean;
  registerOrganisations?: boolean;
  onlyTrafficking?: boolean;
};
type ListOptions = { needsClassification?: boolean; json?: boolean };
type ExportOptions = { format: ImportFormat; output?: string; country?: string; from?: string; to?: string };

export function activitiesCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('activities').description(
    'the 4W register: import and export activities (DATA_DIR or DATABASE_URL)',
  );
  command
    .command('import')
    .description(
      'import a file; re-importing updates by identifier; all rows are written or, on any problem, none',
    )
    .argument('<file>', 'a .csv (with or without an HXL row), .xlsx or IATI .xml file')
    .addOption(
      new Option('--format <format>', 'the file format (guessed from the extension)').choices(FORMATS),
    )
    .option('--dry-run', 'check every row and report problems; write nothing')
    .option(
      '--register-organisations',
      'IATI: register unknown reporting and participating organisations as provisional, for a coordinator to review (`concerted organisations list --provisional`)',
    )
    .option(
      '--only-trafficking',
      'IATI: skip activities with no sign of counter-trafficking work (each reported with the reason) instead of importing them unclassified',
    )
    .option('--json', 'print the report as JSON')
    .action(
      action((file: string, options: ImportOptions) =>
        withDatabase(open, (_db, handle) => runImport({ handle, reopen: open }, file, options)),
      ),
    );
  command
    .command('list')
    .description(
      'list activities by identifier; --needs-classification lists those imported without a classification',
    )
    .option(
      '--needs-classification',
      'only activities awaiting classification (left out of coverage until classified)',
    )
    .option('--json', 'print them as JSON, with the hints the import found')
    .action(action((options: ListOptions) => withDatabase(open, (db) => runList(db, options))));
  command
    .command('export')
    .description('write activities as CSV, CSV with an HXL row, XLSX or IATI 2.03 XML')
    .addOption(new Option('--format <format>', 'the file format').choices(FORMATS).default('csv'))
    .option('--output <file>', 'write to this file instead of standard output')
    .option('--country <iso3>', 'only activities in these countries (comma-separated)')
    .option('--from <date>', 'only activities running on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only activities running on or before this date (YYYY-MM-DD)')
    .action(action((options: ExportOptions) => withDatabase(open, (db) => runExport(db, options))));
  return command;
}

export function formatOf(file: string, given?: ImportFormat): ImportFormat {
  if (given) return given;
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.xml') return 'iati';
  if (extension === '.csv' || extension === '.hxl') return 'csv';
  throw new Error(`cannot tell the format of ${path.basename(file)}; add --format csv, hxl, xlsx or iati`);
}

async function runImport(database: LongWriteTarget, file: string, options: ImportOptions) {
  const format = formatOf(file, options.format);
  const size = (await stat(file)).size;
  const showBar = !options.json && process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'importing {bar} {percentage}% | {records} records',
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let bytes = 0;
  let records = 0;
  // Progress is measured in bytes read, the one total known before the file is parsed.
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (showBar) bar.update(bytes, { records });
      done(null, chunk);
    },
  });
  if (showBar) bar.start(size, 0, { records: 0 });
  const input = createReadStream(file).pipe(counter);
  let report: ImportReport;
  try {
    const what = `importing activities from ${path.basename(file)}`;
    report = await runDurableWrite(
      database.handle,
      (tx) =>
        importActivities(tx, input, {
          format,
          dryRun: options.dryRun === true,
          registerOrganisations: options.registerOrganisations === true,
          onlyTrafficking: options.onlyTrafficking === true,
          mayWrite: () => true,
          context: { userId: null, via: `cli import ${path.basename(file)}`, at: new Date() },
          onProgress: (count) => {
            records = count;
          },
        }),
      { what, reopen: database.reopen },
    );
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    report = error.report;
  } finally {
    if (showBar) bar.stop();
  }
  if (report.committed) await refreshAfterImport(database.handle, 'activities', options.json === true);
  printImportReport(report, options.json === true);
  if (report.problemCount > 0) process.exitCode = 1;
}

async function runList(db: Queryable, options: ListOptions) {
  const filters = options.needsClassification ? { needsClassification: true } : {};
  const found = [];
  let after: string | undefined;
  do {
    const page = await listActivities(db, filters, { limit: 500, after });
    found.push(...page.data);
    after = page.next ?? undefined;
  } while (after);
  if (options.json) return printJson(found);
  if (found.length === 0) {
    process.stdout.write(
      options.needsClassification ? 'No activity awaits classification.\n' : 'No activities.\n',
    );
    return;
  }
  printTable(
    found.map((a) => ({
      identifier: a.identifier,
      title: a.title.length > 60 ? `${a.title.slice(0, 59)}…` : a.title,
      type: a.activityType ?? 'unclassified',
      countries: a.countries.map((c) => c.iso3).join(' '),
      hints: a.classificationHints.map((h) => h.source).join('; '),
    })),
  );
}

async function runExport(db: Queryable, options: ExportOptions) {
  const filters = ActivityFilters.safeParse({ country: options.country, from: options.from, to: options.to });
  if (!filters.success)
    throw new Error(`--${String(filters.error.issues[0]?.path[0])}: ${filters.error.issues[0]?.message}`);
  const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  // Standard output must not be ended; a pass-through stands in for it.
  const target = options.output ? out : passThroughTo(out);
  const count = await (db as DatabaseHandle['db']).transaction((tx) =>
    exportActivities(tx, filters.data, options.format, target, { now: new Date() }),
  );
  if (options.output) {
    await finished;
    process.stderr.write(`Wrote ${count} activities to ${options.output}\n`);
  }
}

function passThroughTo(out: Writable): Writable {
  return new Transform({
    transform(chunk, _encoding, done) {
      if (out.write(chunk)) done();
      else out.once('drain', () => done());
    },
  });
}
