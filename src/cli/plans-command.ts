// `concerted plans list|show|dashboard|export|import|import-plan|refresh`: plans of action from the command line, as the
// operator: readable text for people, --json for scripts; an import checks the whole file and writes all or nothing.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { importResults } from '../plans/import-results.js';
import { listPlans } from '../plans/list-plans.js';
import { planView } from '../plans/plan-view.js';
import { readPlanDashboard } from '../plans/read-dashboard.js';
import { readPlan } from '../plans/read-plan.js';
import { refreshIndicators } from '../plans/refresh-indicators.js';
import {
  identifierPrefixOf,
  RESULTS_FORMATS,
  type ResultsFormat,
  readResultsFile,
  writeResultsFile,
} from '../plans/results-files.js';
import type { Database } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';
import { importPlanCommand } from './plan-import-command.js';
import { todayOf } from './plan-indicators.js';
import { dashboardSections, planText } from './plans-text.js';
import { countryNamesText } from './reference-names.js';
import { resultsFormatOf } from './results-format.js';

type Json = { json?: boolean };
type ExportOptions = { format: ResultsFormat; out: string; lang: string };
type ImportOptions = Json & { format?: ResultsFormat; dryRun?: boolean };

const OPERATOR = { kind: 'anonymous' } as const;

function planId(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    throw new InvalidArgumentError('a plan id as `concerted plans list` shows it');
  return value.toLowerCase();
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('a date, YYYY-MM-DD');
  return value;
}

function country(value: string): string {
  if (!/^[A-Za-z]{3}$/.test(value))
    throw new InvalidArgumentError('an ISO 3166 alpha-3 code, for example KEN');
  return value.toUpperCase();
}

export function plansCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('plans').description(
    'plans of action: list, read, dashboard, exchange results, refresh self-checking indicators (DATA_DIR or DATABASE_URL)',
  );
  const run = (work: (db: Database) => Promise<void>) => withDatabase(open, (db) => work(db));
  command
    .command('list')
    .description('list plans, newest change first')
    .option('--country <iso3>', 'only plans covering this country', country)
    .option('--json', 'print them as JSON')
    .action(action((options: Json & { country?: string }) => run((db) => runList(db, options))));
  command
    .command('show')
    .description('a plan whole: objectives, measures, indicators, targets and progress reports')
    .argument('<id>', 'the plan', planId)
    .option('--json', 'print it as JSON, as the API gives it')
    .action(action((id: string, options: Json) => run((db) => runShow(db, id, options))));
  command
    .command('dashboard')
    .description('implementation by pillar, indicators against targets, overdue items and funding gaps')
    .argument('<id>', 'the plan', planId)
    .option('--as-of <date>', 'the day to look from (YYYY-MM-DD; today by default)', isoDate)
    .option('--json', 'print it as JSON, as the API gives it')
    .action(
      action((id: string, options: Json & { asOf?: string }) => run((db) => runDashboard(db, id, options))),
    );
  command
    .command('export')
    .description('write the plan’s results with approved actuals: IATI 2.03 XML, CSV or XLSX')
    .argument('<id>', 'the plan', planId)
    .addOption(
      new Option('--format <format>', 'the file format').choices(RESULTS_FORMATS).makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'the file to write (written whole, or not at all)')
    .option('--lang <code>', 'the language of the texts, for IATI (ISO 639-1)', 'en')
    .action(action((id: string, options: ExportOptions) => run((db) => runExport(db, id, options))));
  command
    .command('import')
    .description(
      'import results into the plan; any problem lists every one and writes nothing; actuals count as approved',
    )
    .argument('<id>', 'the plan', planId)
    .argument('<file>', 'an IATI .xml, .csv or .xlsx file, as `plans export` writes them')
    .addOption(
      new Option('--format <format>', 'the file format (guessed from the extension)').choices(
        RESULTS_FORMATS,
      ),
    )
    .option('--dry-run', 'check the file and say what it would change; write nothing')
    .option('--json', 'print the summary, or the problems, as JSON')
    .action(
      action((id: string, file: string, options: ImportOptions) =>
        run((db) => runImport(db, id, file, options)),
      ),
    );
  command.addCommand(importPlanCommand(open));
  command
    .command('refresh')
    .description('read again the actuals of indicators that take them from statistics or 4W activities')
    .argument('[id]', 'one plan (every plan by default)', planId)
    .option('--json', 'print the summary as JSON')
    .action(action((id: string | undefined, options: Json) => run((db) => runRefresh(db, id, options))));
  return command;
}

async function runList(db: Database, options: Json & { country?: string }) {
  const plans = await listPlans(db, { country: options.country });
  if (options.json) return printJson(plans);
  if (plans.length === 0) return void process.stdout.write('No plans.\n');
  printTable(
    plans.map((plan) => ({
      id: plan.id,
      title: plan.title.length > 50 ? `${plan.title.slice(0, 49)}…` : plan.title,
      countries: countryNamesText(plan.countries),
      period: `${plan.period.start} – ${plan.period.end}`,
      coordinator: plan.coordinator.name,
      measures: `${plan.completedMeasures}/${plan.measureCount} done`,
    })),
  );
}

async function runShow(db: Database, id: string, options: Json) {
  const view = planView(await readPlan(db, id), OPERATOR);
  if (options.json) return printJson(view);
  process.stdout.write(planText(view));
}

async function runDashboard(db: Database, id: string, options: Json & { asOf?: string }) {
  const dashboard = await readPlanDashboard(db, id, options.asOf ?? todayOf());
  if (options.json) return printJson(dashboard);
  process.stdout.write(`Dashboard as of ${dashboard.asOf}\n`);
  for (const section of dashboardSections(dashboard)) {
    process.stdout.write(`\n${section.heading}\n`);
    if (section.rows.length === 0) process.stdout.write(`${section.empty}\n`);
    else printTable(section.rows);
  }
}

async function runExport(db: Database, id: string, options: ExportOptions) {
  const file = await writeResultsFile(db, id, options.format, { lang: options.lang, now: new Date() });
  const partial = path.join(path.dirname(options.out), `.${path.basename(options.out)}.partial`);
  try {
    await writeFile(partial, file.content);
    await rename(partial, options.out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  process.stderr.write(`Wrote the results of the plan to ${options.out}\n`);
}

async function runImport(db: Database, id: string, file: string, options: ImportOptions) {
  const format = resultsFormatOf(file, options.format);
  const bytes = await readFile(file).catch(() => {
    throw new AppError('validation_failed', `Cannot read ${file}.`);
  });
  try {
    const summary = await db.transaction(async (tx) => {
      const { plan } = await readPlan(tx, id);
      const { prefix } = await identifierPrefixOf(tx, plan);
      const imported = await readResultsFile(format, bytes, prefix);
      const context = { userId: null, fileName: path.basename(file), dryRun: options.dryRun === true };
      return importResults(tx, id, imported, context);
    });
    if (options.json) return printJson(summary);
    const verb = summary.dryRun ? 'Dry run: would import' : 'Imported';
    process.stdout.write(
      `${verb} ${summary.reports} actual value(s) for ${summary.indicators} indicator(s) of ${summary.measures} measure(s).\n`,
    );
    for (const note of summary.notes) process.stdout.write(`note: ${note.path}: ${note.message}\n`);
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields?.length) throw error;
    process.exitCode = 1;
    if (options.json) return printJson({ problems: error.fields });
    process.stdout.write(`${error.message}\n`);
    printTable(error.fields.map((field) => ({ where: field.path, problem: field.message })));
  }
}

async function runRefresh(db: Database, id: string | undefined, options: Json) {
  const showBar = !options.json && process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'reading {bar} {value}/{total} plans', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  const onProgress = (done: number, total: number) => {
    if (!showBar || total < 2) return;
    if (!isStarted) bar.start(total, 0);
    isStarted = true;
    bar.update(done);
  };
  const summary = await db
    .transaction((tx) => refreshIndicators(tx, { today: todayOf(), planId: id, onProgress }))
    .finally(() => {
      if (isStarted) bar.stop();
    });
  if (options.json) return printJson(summary);
  process.stdout.write(
    `Read ${summary.read} actual value(s) in ${summary.plans} plan(s): ${summary.written} written, ${summary.unchanged} unchanged, ${summary.withoutFigure} without a figure yet.\n`,
  );
}
