// `concerted intermediaries import|lookup`: a register of intermediaries imported from a publisher's CSV or
// XLSX file as the operator (every agency or, on any problem, none, with its audit record), and the public
// look-up ("is this agency licensed?") from the command line.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { appendAudit } from '../audit/chain.js';
import type { Database } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import {
  AGENCY_KINDS,
  type AgencyKind,
  type ImportProblem,
  REGISTER_COLUMNS,
  type RegisterColumn,
  type RegisterImport,
} from '../prevention/register/index.js';
import {
  importOptionsOf,
  type RegisterFileFormat,
  type RegisterFileOptions,
  readRegisterFile,
  saveImportedAgencies,
} from '../prevention/register-store/import.js';
import { searchRegister } from '../prevention/register-store/lookup.js';
import { lookupViewOf, previewOf } from '../prevention/register-store/views.js';
import { LANGUAGES, type Language } from '../reference/schemas.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';
import { codeWords, countryName } from './reference-names.js';

const STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const;
type PublisherStatus = (typeof STATUSES)[number];

type ImportOptions = {
  dryRun?: boolean;
  json?: boolean;
  country?: string;
  kind?: AgencyKind;
  authority?: string;
  status?: PublisherStatus;
  statusWord: Record<string, PublisherStatus>;
  column: Record<string, RegisterColumn>;
  monthFirst?: boolean;
};

type LookupOptions = { name?: string; licence?: string; country?: string; lang: Language; json?: boolean };

const today = () => new Date().toISOString().slice(0, 10);

/** "Valid - renewed=active": a publisher's word and what it means, collected over repeated flags. */
function pairOf<T extends string>(allowed: readonly T[], what: string) {
  return (given: string, collected: Record<string, T>): Record<string, T> => {
    const at = given.lastIndexOf('=');
    const word = given.slice(0, at).trim();
    const meaning = given.slice(at + 1).trim() as T;
    if (at < 1 || !word || !allowed.includes(meaning))
      throw new InvalidArgumentError(
        `write it as "their word=${what}", ${what} one of ${allowed.join(', ')}`,
      );
    return { ...collected, [word]: meaning };
  };
}

function iso3(given: string): string {
  if (!/^[A-Za-z]{3}$/.test(given))
    throw new InvalidArgumentError('give an ISO 3166-1 alpha-3 code, e.g. PHL');
  return given.toUpperCase();
}

export function intermediariesCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('intermediaries').description(
    'the register of intermediaries (recruitment, marriage, modelling, adoption, study-abroad and travel agencies): import and look up',
  );
  command
    .command('import')
    .description(
      'import a register from a CSV or XLSX file; every agency is written or, on any problem, none',
    )
    .argument(
      '<file>',
      'the register as the authority publishes it (.csv or .xlsx); title rows above the header are fine',
    )
    .option('--dry-run', 'read every row and report what would be imported and every problem; write nothing')
    .option('--json', 'print the report as JSON')
    .option(
      '--country <iso3>',
      'the country of every agency, for a national register without a country column',
      iso3,
    )
    .addOption(
      new Option('--kind <kind>', 'the kind of every agency, when the file has no kind column').choices(
        AGENCY_KINDS,
      ),
    )
    .option('--authority <name>', 'the issuing authority, when the file has no authority column')
    .addOption(
      new Option('--status <status>', 'the status of every licence, when the file has none').choices(
        STATUSES,
      ),
    )
    .option(
      '--status-word <word=status>',
      'a status word of the publisher’s (repeatable), e.g. "Valid - renewed=active"',
      pairOf(STATUSES, 'status'),
      {},
    )
    .option(
      '--column <heading=column>',
      `a heading of the publisher’s (repeatable), e.g. "Lic. No.=licence_number"`,
      pairOf(REGISTER_COLUMNS, 'column'),
      {},
    )
    .option('--month-first', 'read dates such as 03/04/2026 as month first (day first otherwise)')
    .action(
      action((file: string, options: ImportOptions) =>
        withDatabase(open, (db) => runImport(db, file, options)),
      ),
    );
  command
    .command('lookup')
    .description('is this agency licensed? look it up by name, licence number or country')
    .option('--name <name>', 'the agency’s name, or part of it')
    .option('--licence <number>', 'the licence number as the agency gives it')
    .option('--country <iso3>', 'where the agency is registered', iso3)
    .addOption(new Option('--lang <language>', 'the language of the answer').choices(LANGUAGES).default('en'))
    .option('--json', 'print the answer as the API gives it')
    .action(action((options: LookupOptions) => withDatabase(open, (db) => runLookup(db, options))));
  return command;
}

function formatOf(file: string): RegisterFileFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  throw new Error(
    `${path.basename(file)}: give a .csv or .xlsx file (an .xls workbook: save it as .xlsx first)`,
  );
}

function fileOptionsOf(options: ImportOptions): RegisterFileOptions {
  return {
    defaultCountry: options.country,
    defaultKind: options.kind,
    defaultAuthority: options.authority,
    defaultStatus: options.status,
    statusWords: options.statusWord,
    columnNames: options.column,
    dateOrder: options.monthFirst ? 'month_first' : undefined,
  };
}

async function runImport(db: Database, file: string, options: ImportOptions) {
  const bytes = await readFile(file);
  const asOf = today();
  const imported = await readRegisterFile(
    formatOf(file),
    bytes,
    importOptionsOf(fileOptionsOf(options), asOf),
  );
  const fileName = path.basename(file);
  if (options.dryRun || imported.problems.length > 0) {
    reportRead(fileName, imported, asOf, options);
    if (imported.problems.length > 0) process.exitCode = 1;
    return;
  }
  const summary = await db.transaction(async (tx) => {
    const saved = await withProgress(options.json !== true, (onProgress) =>
      saveImportedAgencies(tx, imported.agencies, { userId: null, keeperOrganisationId: null, onProgress }),
    );
    await appendAudit(tx, {
      actorUserId: null,
      actorVia: 'cli',
      action: 'intermediaries.import',
      outcome: 'allowed',
      resourceType: 'intermediary_import',
      organisationId: null,
      details: { fileName, agencies: saved.agencies, licences: saved.licences },
    });
    return saved;
  });
  if (options.json) {
    printJson({ fileName, ...summary, notes: imported.notes });
    return;
  }
  const { agencies, licences } = summary;
  process.stdout.write(
    `Imported ${fileName}: agencies ${agencies.added} new, ${agencies.changed} changed, ${agencies.unchanged} unchanged; licences ${licences.added} new, ${licences.changed} changed, ${licences.unchanged} unchanged\n`,
  );
  printProblems('Set aside', imported.notes);
}

async function withProgress<T>(
  show: boolean,
  work: (onProgress: (done: number, total: number) => void) => Promise<T>,
) {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'importing {bar} {value}/{total} agencies', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    return await work((done, total) => {
      if (!show || process.stderr.isTTY !== true) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    });
  } finally {
    if (started) bar.stop();
  }
}

function reportRead(fileName: string, imported: RegisterImport, asOf: string, options: ImportOptions) {
  const preview = previewOf(fileName, imported, asOf);
  if (options.json) {
    printJson({ dryRun: options.dryRun === true, imported: false, ...preview });
    return;
  }
  const verb = imported.problems.length > 0 ? 'Nothing imported' : 'Dry run, nothing written';
  process.stdout.write(
    `${verb}: ${fileName} holds ${preview.agencies.length} agencies in ${imported.counts.accepted} rows; ${imported.problems.length} problems\n`,
  );
  if (preview.agencies.length > 0 && imported.problems.length === 0)
    printTable(
      preview.agencies.map((agency) => ({
        agency: agency.name,
        country: countryName(agency.country),
        kind: codeWords(agency.kind),
        licences: agency.licences
          .map((licence) => `${licence.number} (${codeWords(licence.state)})`)
          .join(', '),
      })),
    );
  printProblems('Problems', imported.problems);
  printProblems('Set aside', imported.notes);
}

function printProblems(title: string, problems: readonly ImportProblem[]) {
  if (problems.length === 0) return;
  process.stdout.write(`\n${title}:\n`);
  printTable(
    problems.map((problem) => ({
      row: problem.row,
      column: problem.columnName ?? problem.column ?? '',
      problem: problem.problem,
      fix: problem.fix,
    })),
  );
}

async function runLookup(db: Database, options: LookupOptions) {
  if (!options.name && !options.licence && !options.country)
    throw new AppError('validation_failed', 'give --name, --licence or --country');
  const query = { name: options.name, licenceNumber: options.licence, country: options.country };
  const page = { offset: 0, limit: 20 };
  const search = await db.transaction((tx) => searchRegister(tx, query, { asOf: today(), ...page }));
  const view = lookupViewOf(search, { ...page, language: options.lang });
  if (options.json) {
    printJson(view);
    return;
  }
  process.stdout.write(`${view.answer.sentence}\n`);
  if (view.answer.note) process.stdout.write(`${view.answer.note.sentence}\n`);
  if (view.matches.length === 0) return;
  process.stdout.write('\n');
  printTable(
    view.matches.map(({ agency }) => ({
      agency: agency.name,
      country: countryName(agency.country),
      standing: agency.sentences.state,
      why: agency.sentences.standing,
      signs: agency.sentences.signs.length,
    })),
  );
}
