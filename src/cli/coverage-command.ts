// `concerted coverage`: the coverage matrix, gaps, overlaps and country profiles, as JSON, CSV or text.
import { Command, Option } from 'commander';
import { findingsCsv, matrixCsv } from '../coverage/csv.js';
import { allKeptFindings } from '../coverage/findings-store.js';
import { getCoverageReport } from '../coverage/report.js';
import { CoverageQuery, type CoverageReport } from '../coverage/schemas.js';
import type { Queryable } from '../platform/db.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';

type CoverageOptions = {
  country?: string;
  from?: string;
  to?: string;
  pillar?: string;
  currency?: string;
  json?: boolean;
  csv?: 'matrix' | 'findings';
};

const OPTION_NAMES: Record<string, string> = {
  country: '--country',
  from: '--from',
  to: '--to',
  pillar: '--pillar',
};

export function coverageCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  return new Command('coverage')
    .description(
      'who does what where: the coverage matrix, gaps and overlaps with their explanations, country profiles',
    )
    .option('--country <iso3>', 'only these countries (comma-separated ISO3 codes)')
    .option('--from <date>', 'start of the period (YYYY-MM-DD)')
    .option('--to <date>', 'end of the period (YYYY-MM-DD)')
    .option('--pillar <pillar>', 'only this pillar')
    .option('--currency <code>', 'sum budgets in this currency', 'USD')
    .option('--json', 'print the whole report as JSON (the shape GET /api/v1/coverage returns)')
    .addOption(
      new Option('--csv <table>', 'print the matrix or the findings as CSV').choices(['matrix', 'findings']),
    )
    .action(action((options: CoverageOptions) => withDatabase(open, (db) => runCoverage(db, options))));
}

function queryFrom(options: CoverageOptions) {
  const parsed = CoverageQuery.safeParse({
    country: options.country?.toUpperCase(),
    from: options.from,
    to: options.to,
    pillar: options.pillar,
    currency: options.currency,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${OPTION_NAMES[String(issue?.path[0])] ?? 'options'}: ${issue?.message ?? 'not valid'}`);
}

async function runCoverage(db: Queryable, options: CoverageOptions) {
  const query = queryFrom(options);
  if (options.csv === 'findings') {
    const findings = await allKeptFindings(db, query);
    process.stdout.write(findingsCsv([...findings.gaps, ...findings.overlaps]));
    return;
  }
  const report = await getCoverageReport(db, query);
  if (options.json) printJson(report);
  else if (options.csv === 'matrix') process.stdout.write(matrixCsv(report.matrix));
  else printSummary(report);
}

function printSummary(report: CoverageReport) {
  const period = `${report.period.from ?? 'any start'} to ${report.period.to ?? 'any end'}`;
  process.stdout.write(
    `Coverage ${period}: ${report.matrix.cells.count} cells, ${report.findingTotals.gaps} gaps, ${report.findingTotals.overlaps} overlaps\n`,
  );
  const shown = report.findings.gaps.length + report.findings.overlaps.length;
  if (shown < report.findingTotals.gaps + report.findingTotals.overlaps)
    process.stdout.write(
      `The ${shown} most severe are listed below; --csv findings prints every one, --country narrows them.\n`,
    );
  if (report.findings.needSources.length > 0)
    process.stdout.write(`Need from: ${report.findings.needSources.join(', ')}\n`);
  for (const finding of [...report.findings.gaps, ...report.findings.overlaps])
    process.stdout.write(`\n[${finding.severity}] ${finding.iso3} ${finding.explanation}\n`);
  if (report.profiles.length > 0) {
    process.stdout.write('\n');
    printTable(
      report.profiles.map((p) => ({
        country: p.iso3,
        activities: p.activities,
        ...Object.fromEntries(p.pillarBalance.map((b) => [b.pillar, b.activities])),
        under_mechanism: p.underMechanismShare === null ? '' : `${Math.round(p.underMechanismShare * 100)}%`,
        organisations: p.organisations,
        gaps: p.gaps,
        overlaps: p.overlaps,
      })),
    );
  }
}
