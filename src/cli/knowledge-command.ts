// `concerted knowledge import DIR` and `concerted knowledge search QUERY`: load a directory of items (one
// JSON file each, attachments beside it) file by file, each whole or not at all, reporting every rejected
// file with where, what and how to fix; and search the library as the operator, in a reader's language.
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { sql } from 'drizzle-orm';
import { importLibrary, type LibraryImportReport } from '../knowledge/import/import-library.js';
import { searchKnowledge } from '../knowledge/search.js';
import { SearchFilters } from '../knowledge/search-schemas.js';
import { KNOWLEDGE_LANGUAGES, type KnowledgeLanguage } from '../knowledge/text/languages.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { printSearchResult } from './knowledge-text.js';
import { action, printJson, printTable } from './output.js';

type ImportOptions = { json?: boolean };
type SearchOptions = {
  json?: boolean;
  lang: KnowledgeLanguage;
  type?: string[];
  country?: string[];
  pillar?: string[];
  form?: string[];
  language?: string[];
  status?: string[];
  yearFrom?: number;
  yearTo?: number;
  page: number;
};

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value.split(',').filter(Boolean),
];

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a whole number');
  return Number(value);
}

export function knowledgeCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('knowledge').description(
    'the knowledge library: practices, lessons, legislation, case law, research, training material, guidelines',
  );
  command
    .command('import')
    .description('import a directory of items: one JSON file per item, its attachments (PDF, DOCX) beside it')
    .argument('<dir>', 'the directory')
    .option('--json', 'print the report as JSON')
    .action(
      action((directory: string, options: ImportOptions) =>
        withDatabase(open, (db) => runImport(db, directory, options)),
      ),
    );
  command
    .command('search')
    .description('search the library (every status) and print what was found, best first')
    .argument('<query>', 'the words to find, in any of the six languages')
    .addOption(
      new Option('--lang <lang>', 'the language to read in').choices(KNOWLEDGE_LANGUAGES).default('en'),
    )
    .option('--type <types>', 'only these kinds of item (comma-separated, or repeated)', collect)
    .option('--country <iso3>', 'only items about these countries', collect)
    .option('--pillar <pillars>', 'only items in these pillars', collect)
    .option('--form <forms>', 'only items about these forms of exploitation', collect)
    .option('--language <languages>', 'only versions written in these languages', collect)
    .option('--status <statuses>', 'only items in these review statuses', collect)
    .option('--year-from <year>', 'only items of this year or later', wholeNumber)
    .option('--year-to <year>', 'only items of this year or earlier', wholeNumber)
    .option('--page <n>', 'which page of twenty results', wholeNumber, 1)
    .option('--json', 'print the result as the API returns it')
    .action(
      action((query: string, options: SearchOptions) =>
        withDatabase(open, (db) => runSearch(db, query, options)),
      ),
    );
  return command;
}

type Db = Parameters<Parameters<typeof withDatabase>[1]>[0];

async function runImport(db: Db, directory: string, options: ImportOptions) {
  const showBar = !options.json && process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'importing {bar} {value}/{total} files', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let report: LibraryImportReport;
  try {
    report = await importLibrary(db, directory, {
      onProgress: (done, total) => {
        if (!showBar) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
  } finally {
    if (started) bar.stop();
  }
  printImportReport(report, options.json === true);
  if (report.rejected.length > 0) process.exitCode = 1;
}

function printImportReport(report: LibraryImportReport, json: boolean) {
  if (json) return printJson(report);
  const rejectedFiles = new Set(report.rejected.map((problem) => problem.file)).size;
  process.stdout.write(
    `Imported ${report.imported.length} of ${report.files} files; ${rejectedFiles} rejected, nothing of them saved.\n`,
  );
  if (report.rejected.length === 0) return;
  printTable(
    report.rejected.map((p) => ({ file: p.file, where: p.where, problem: p.problem, 'how to fix': p.fix })),
  );
}

async function runSearch(db: Db, query: string, options: SearchOptions) {
  const filters = SearchFilters.safeParse({
    type: options.type,
    country: options.country?.map((code) => code.toUpperCase()),
    pillar: options.pillar,
    form: options.form,
    language: options.language,
    status: options.status,
    yearFrom: options.yearFrom,
    yearTo: options.yearTo,
  });
  if (!filters.success) {
    const issue = filters.error.issues[0];
    throw new Error(`--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'not valid'}`);
  }
  const result = await db.transaction(async (tx) => {
    // The operator reads the library as an administrator does: drafts and reviewed items too.
    await tx.execute(sql`select set_config('app.is_admin', 'on', true)`);
    return searchKnowledge(tx, {
      q: query,
      language: options.lang,
      filters: filters.data,
      page: options.page,
      pageSize: 20,
      currentYear: new Date().getUTCFullYear(),
    });
  });
  if (options.json) return printJson(result);
  printSearchResult(result, { query, lang: options.lang, emphasis: process.stdout.isTTY === true });
}
