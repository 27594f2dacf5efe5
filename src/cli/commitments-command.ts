// `concerted commitments list`: the commitments signatories recorded, by signatory and latest signed first,
// read from the configured database as the operator (drafts and internal reports included, marked as such).
// --json prints the records, for scripts.
import { Command } from 'commander';
import { CommitmentFilters, listCommitments } from '../commitments/index.js';
import { COMMITMENT_STATUSES } from '../commitments/schema.js';
import { codesOf } from '../reference/vocabulary.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';
import { codeLabel, countryNamesText } from './reference-names.js';

type ListOptions = { code?: string; country?: string; status?: string; json?: boolean };

/** What each option accepts, for the message that refuses a value. */
const ACCEPTED: Record<string, string> = {
  code: `one of ${codesOf('commitment_code').join(', ')}`,
  country: 'an ISO 3166-1 alpha-3 code, for example KEN',
  status: `one of ${COMMITMENT_STATUSES.join(', ')}`,
};

export function commitmentsCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('commitments').description(
    'the codes and principles employers’ associations and travel-sector businesses signed, and their progress',
  );
  command
    .command('list')
    .description('list the commitments, by signatory and latest signed first')
    .option('--code <code>', 'only this code or principle (see `concerted reference list commitment_code`)')
    .option('--country <iso3>', 'only commitments covering this country (ISO 3166-1 alpha-3)', (v) =>
      v.toUpperCase(),
    )
    .option('--status <status>', `only commitments in this status (${COMMITMENT_STATUSES.join(', ')})`)
    .option('--json', 'print the commitments as JSON')
    .action(action((options: ListOptions) => withDatabase(open, (db) => printCommitments(db, options))));
  return command;
}

type Db = Parameters<Parameters<typeof withDatabase>[1]>[0];

async function printCommitments(db: Db, options: ListOptions) {
  const filters = CommitmentFilters.safeParse({
    code: options.code,
    country: options.country,
    status: options.status,
  });
  if (!filters.success) {
    const option = String(filters.error.issues[0]?.path[0] ?? 'code');
    const given = options[option as keyof ListOptions];
    throw new Error(`--${option} ${String(given)}: use ${ACCEPTED[option] ?? 'a known value'}`);
  }
  const found = await listCommitments(db, filters.data);
  if (options.json) return printJson(found);
  if (found.length === 0) return void process.stdout.write('No commitments.\n');
  printTable(
    found.map((commitment) => ({
      signatory: commitment.organisationName,
      'code or principle': commitment.otherCodeName ?? codeLabel('commitment_code', commitment.code),
      signed: commitment.signedOn,
      countries: commitment.countries.length > 0 ? countryNamesText(commitment.countries) : 'all',
      sectors: commitment.sectors.map((sector) => codeLabel('business_sector', sector)).join(', '),
      status: commitment.status,
      published: commitment.isPublished ? 'yes' : 'no (draft)',
      reports: commitment.progress.length,
    })),
  );
}
