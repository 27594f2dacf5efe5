// `concerted services import|export`: the service directory from and to Open Referral HSDS 3.0 CSV files,
// as the operator. An import writes every service or, on any problem, none, with its audit record.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { eq, or, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/chain.js';
import { organisations } from '../partners/schema.js';
import type { Database } from '../platform/db.js';
import {
  exportHsds,
  filesFromZip,
  HSDS_TABLES,
  type HsdsFile,
  type HsdsImportReport,
  importHsds,
} from '../services/index.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';

type ImportOptions = { dryRun?: boolean; json?: boolean; organisation?: string };
type ExportOptions = { json?: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function servicesCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('services').description(
    'the service directory: import and export Open Referral HSDS 3.0 CSV files (DATA_DIR or DATABASE_URL)',
  );
  command
    .command('import')
    .description('import an HSDS CSV set; every service is written or, on any problem, none')
    .argument(
      '<dir-or-zip>',
      'a directory of HSDS CSV files (service.csv, organization.csv…) or a zip of them',
    )
    .option('--dry-run', 'check every row and report problems; write nothing')
    .option(
      '--organisation <name-or-id>',
      'the partner organisation that keeps the imported services (by default each provider must be a registered partner)',
    )
    .option('--json', 'print the report as JSON')
    .action(
      action((source: string, options: ImportOptions) =>
        withDatabase(open, (db) => runImport(db, source, options)),
      ),
    );
  command
    .command('export')
    .description('write every service as HSDS CSV files, one per table; shelter addresses are never written')
    .argument('<dir>', 'the directory to write the files into (created when missing)')
    .option('--json', 'print what was written as JSON')
    .action(
      action((dir: string, options: ExportOptions) =>
        withDatabase(open, (db) => runExport(db, dir, options)),
      ),
    );
  return command;
}

export async function readHsdsSource(source: string): Promise<HsdsFile[]> {
  if ((await stat(source)).isDirectory()) {
    const names = (await readdir(source)).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
    return Promise.all(
      names.map(async (name) => ({ name, content: await readFile(path.join(source, name), 'utf8') })),
    );
  }
  if (source.toLowerCase().endsWith('.zip')) return filesFromZip(await readFile(source));
  throw new Error(`${path.basename(source)} is neither a directory nor a .zip file of HSDS CSV files`);
}

async function holderOf(db: Database, given: string | undefined): Promise<string | undefined> {
  if (!given) return undefined;
  const [found] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      UUID.test(given)
        ? or(eq(organisations.id, given), sql`lower(${organisations.name}) = lower(${given})`)
        : sql`lower(${organisations.name}) = lower(${given})`,
    );
  if (!found) throw new Error(`no organisation is named "${given}"; see \`concerted organisations list\``);
  return found.id;
}

async function runImport(db: Database, source: string, options: ImportOptions) {
  const files = await readHsdsSource(source);
  const holder = await holderOf(db, options.organisation);
  const report = await db.transaction(async (tx) => {
    const result = await importHsds(tx, files, {
      holderOrganisationId: holder,
      dryRun: options.dryRun === true,
      userId: null,
    });
    if (result.committed)
      await appendAudit(tx, {
        actorUserId: null,
        actorVia: 'cli',
        action: 'services.import',
        outcome: 'allowed',
        resourceType: 'service_import',
        organisationId: holder ?? null,
        details: { file: path.basename(source), created: result.created, updated: result.updated },
      });
    return result;
  });
  printReport(report, options.json === true);
  if (!report.dryRun && !report.committed) process.exitCode = 1;
}

function printReport(report: HsdsImportReport, json: boolean) {
  if (json) {
    printJson(report);
    return;
  }
  const verb = report.dryRun ? 'Dry run' : report.committed ? 'Imported' : 'Nothing imported';
  process.stdout.write(
    `${verb}: ${report.services} services (${report.created} new, ${report.updated} updated), ${report.problems.length} problems\n`,
  );
  if (report.problems.length > 0)
    printTable(
      report.problems.map((p) => ({
        file: p.file,
        row: p.row,
        column: p.column,
        problem: p.problem,
        fix: p.fix,
      })),
    );
}

async function runExport(db: Database, dir: string, options: ExportOptions) {
  const tables = await db.transaction((tx) => exportHsds(tx));
  await mkdir(dir, { recursive: true });
  const written: { file: string; rows: number }[] = [];
  for (const table of HSDS_TABLES) {
    const file = path.join(dir, `${table}.csv`);
    await writeFile(file, tables[table], 'utf8');
    written.push({ file: `${table}.csv`, rows: Math.max(0, tables[table].split('\r\n').length - 2) });
  }
  if (options.json) printJson({ directory: dir, files: written });
  else printTable(written);
}
