// `concerted audit …`: verify the audit trail's hash chain and list its entries, as the operator.
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { type ChainVerification, listAuditEntries, verifyAuditChain } from '../audit/chain.js';
import { type AuditEntry, AuditQuery } from '../audit/schemas.js';
import type { Queryable } from '../platform/db.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';

type ListOptions = {
  user?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  limit?: string;
  before?: string;
  json?: boolean;
};

export function auditCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const audit = new Command('audit').description(
    'the audit trail: check that no entry was changed or removed, and list entries (DATA_DIR or DATABASE_URL)',
  );
  audit
    .command('verify')
    .description('re-read every entry and recompute the hash chain; exit code 1 if it is broken')
    .option('--json', 'print the result as JSON')
    .action(action((options: { json?: boolean }) => withDatabase(open, (db) => runVerify(db, options))));
  audit
    .command('list')
    .description('entries newest first; as the operator, every entry (no per-user filtering)')
    .option('--user <id>', 'only entries by this user (uuid)')
    .option('--action <action>', 'only this action, for example organisations.update')
    .option('--resource-type <type>', 'only entries about this kind of record')
    .option('--resource-id <id>', 'only entries about this record')
    .option('--limit <n>', 'at most this many entries (1 to 500)', '100')
    .option('--before <seq>', 'only entries older than this seq (the next page)')
    .option('--json', 'print the entries as JSON, in the shape the API returns')
    .action(action((options: ListOptions) => withDatabase(open, (db) => runList(db, options))));
  return audit;
}

async function runVerify(db: Queryable, options: { json?: boolean }) {
  // The bar is for people watching a terminal; scripts and logs get only the result.
  const showBar = !options.json && process.stderr.isTTY === true;
  const result = showBar ? await verifyWithBar(db) : await verifyAuditChain(db);
  if (options.json) printJson({ isIntact: result.firstBroken === null, ...result });
  else process.stdout.write(`${describeVerification(result)}\n`);
  if (result.firstBroken) process.exitCode = 1;
}

export function describeVerification(result: ChainVerification): string {
  if (!result.firstBroken) return `Audit trail intact: ${result.checked} entries checked`;
  return `Audit trail BROKEN at entry ${result.firstBroken.seq}: ${result.firstBroken.reason}`;
}

async function verifyWithBar(db: Queryable): Promise<ChainVerification> {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'verifying {bar} {value}/{total} entries', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  try {
    return await verifyAuditChain(db, {
      onProgress(checked, total) {
        // The total is known only once the first batch is read.
        if (!isStarted) bar.start(total, checked);
        else bar.update(checked);
        isStarted = true;
      },
    });
  } finally {
    if (isStarted) bar.stop();
  }
}

async function runList(db: Queryable, options: ListOptions) {
  const page = await listAuditEntries(db, filtersFrom(options));
  if (options.json) {
    printJson(page);
    return;
  }
  printTable(page.data.map(rowOf), ['seq', 'at', 'actor', 'action', 'outcome', 'resource', 'organisation']);
  if (page.nextBefore !== null) process.stdout.write(`(older entries: add --before ${page.nextBefore})\n`);
}

const OPTION_NAMES: Record<string, string> = {
  userId: '--user',
  action: '--action',
  resourceType: '--resource-type',
  resourceId: '--resource-id',
  limit: '--limit',
  before: '--before',
};

function filtersFrom(options: ListOptions) {
  const parsed = AuditQuery.safeParse({
    userId: options.user,
    action: options.action,
    resourceType: options.resourceType,
    resourceId: options.resourceId,
    limit: options.limit,
    before: options.before,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const option = OPTION_NAMES[String(issue?.path[0])] ?? 'options';
  throw new Error(`${option}: ${issue?.message ?? 'not valid'}`);
}

function rowOf(entry: AuditEntry) {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actorUserId ?? entry.actorVia,
    action: entry.action,
    outcome: entry.outcome,
    resource: [entry.resourceType, entry.resourceId].filter(Boolean).join(':'),
    organisation: entry.organisationId,
  };
}
