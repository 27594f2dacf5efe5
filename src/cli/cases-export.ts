// `concerted cases export`: the HTCDS export (JSON or the Excel template) or the de-identified CTDC
// microdata, as the operator, written to a file whole or not at all, with one audit entry for the export.
import { rename, rm, writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { appendAudit } from '../audit/chain.js';
import { exportHtcds, exportMicrodata, htcdsWorkbook } from '../cases/exports.js';
import type { Transaction } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { type OpenDatabase, withDatabase } from './database.js';
import { action, printJson } from './output.js';

export const EXPORT_FORMATS = ['htcds-json', 'htcds-xlsx', 'ctdc-csv'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];
type ExportOptions = { format: ExportFormat; out: string; organisation?: string; json?: boolean };
type ExportReport = { format: ExportFormat; out: string; cases: number; withoutConsent?: number };

export function addExportCommand(cases: Command, open: OpenDatabase): void {
  cases
    .command('export')
    .description(
      'export cases: htcds-json or htcds-xlsx (codes and non-identifying facts in the HTCDS 2.0 layout), or ctdc-csv (de-identified microdata of the cases whose person consented to statistics or research); recorded in the audit trail',
    )
    .addOption(
      new Option('--format <format>', 'what to export').choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'the file to write (replaced whole, or left as it was on failure)')
    .option('--organisation <id>', 'only this organisation’s cases (its id)')
    .option('--json', 'print the result as JSON')
    .action(
      action((options: ExportOptions) =>
        withDatabase(open, async (db) => {
          const organisationId = parseOrganisation(options.organisation);
          const report = await db.transaction((tx) => runExport(tx, options, organisationId));
          if (options.json) printJson(report);
          else process.stdout.write(describeExport(report));
        }),
      ),
    );
}

function parseOrganisation(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!z.uuid().safeParse(value).success)
    throw new AppError('validation_failed', `--organisation: "${value}" is not an organisation id (a UUID)`);
  return value;
}

/** Reads, writes the file and audits in one transaction: the file is only moved into place at the end. */
async function runExport(tx: Transaction, options: ExportOptions, organisationId: string | undefined) {
  const filters = { organisationId };
  let content: string | Buffer;
  let report: ExportReport;
  if (options.format === 'ctdc-csv') {
    const microdata = await exportMicrodata(tx, filters);
    content = microdata.csv;
    report = {
      format: options.format,
      out: options.out,
      cases: microdata.included,
      withoutConsent: microdata.withoutConsent,
    };
  } else {
    const htcds = await exportHtcds(tx, filters);
    content =
      options.format === 'htcds-xlsx' ? await htcdsWorkbook(htcds) : `${JSON.stringify(htcds, null, 2)}\n`;
    report = { format: options.format, out: options.out, cases: htcds.cases.length };
  }
  await appendAudit(tx, {
    actorUserId: null,
    actorVia: 'cli',
    action: options.format === 'ctdc-csv' ? 'cases.export_microdata' : 'cases.export',
    outcome: 'allowed',
    resourceType: 'case_export',
    organisationId: organisationId ?? null,
    details: { format: options.format, cases: report.cases, withoutConsent: report.withoutConsent },
  });
  await writeWhole(options.out, content);
  return report;
}

async function writeWhole(file: string, content: string | Buffer) {
  const partial = `${file}.partial`;
  try {
    await writeFile(partial, content, { mode: 0o600 });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    const code = (error as { code?: string }).code ?? 'unknown error';
    throw new AppError('validation_failed', `${file}: cannot be written (${code}); nothing was exported`);
  }
}

function describeExport(report: ExportReport): string {
  const cases = `${report.cases} case${report.cases === 1 ? '' : 's'}`;
  const left =
    report.withoutConsent === undefined
      ? ''
      : ` ${report.withoutConsent} left out: their consent to statistics or research is not in force.`;
  return `Wrote ${cases} to ${report.out}.${left}\n`;
}
