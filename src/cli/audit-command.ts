// `concerted audit …`: verify the audit trail's hash chain against signed checkpoints, sign a checkpoint,
// and list entries, as the operator.
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { ACTIONS, isAction } from '../access/policy.js';
import { type ChainVerification, listAuditEntries, verifyAuditChain } from '../audit/chain.js';
import { checkpointLine } from '../audit/checkpoint.js';
import {
  checkCheckpointFile,
  loadOrCreateSigningKey,
  loadSigningKey,
  readPublicKey,
  writeCheckpoint,
} from '../audit/checkpoint-store.js';
import { type AuditEntry, AuditQuery } from '../audit/schemas.js';
import { loadConfig } from '../platform/config.js';
import type { Queryable } from '../platform/db.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';

type VerifyOptions = { checkpoint?: string; publicKey?: string; key?: string; json?: boolean };
type CheckpointOptions = { append?: string; key?: string; json?: boolean };

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
    .description(
      're-read every entry and recompute the hash chain, and compare it with signed checkpoints; exit code 1 if it is broken',
    )
    .option(
      '--checkpoint <file>',
      'a file of signed checkpoints (from `audit checkpoint --append` or the server): fail when the chain is shorter than or differs from one',
    )
    .option(
      '--public-key <file>',
      'the checkpoints’ public key (PEM); by default derived from the signing key',
    )
    .option('--key <file>', 'the Ed25519 signing key (PEM) instead of AUDIT_KEY_FILE')
    .option('--json', 'print the result as JSON')
    .action(action((options: VerifyOptions) => withDatabase(open, (db) => runVerify(db, options))));
  audit
    .command('checkpoint')
    .description(
      'sign the chain’s length and tip hash with the audit key (AUDIT_KEY_FILE, created 0600 on first use) and print it',
    )
    .option('--append <file>', 'also append the checkpoint to this file, to be shipped elsewhere')
    .option('--key <file>', 'the Ed25519 signing key (PEM) instead of AUDIT_KEY_FILE')
    .option('--json', 'print only the checkpoint, as JSON')
    .action(action((options: CheckpointOptions) => withDatabase(open, (db) => runCheckpoint(db, options))));
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

async function runVerify(db: Queryable, options: VerifyOptions) {
  // The bar is for people watching a terminal; scripts and logs get only the result.
  const showBar = !options.json && process.stderr.isTTY === true;
  const result = showBar ? await verifyWithBar(db) : await verifyAuditChain(db);
  const checkpoints = options.checkpoint ? await checkCheckpoints(db, options) : null;
  const isIntact = result.firstBroken === null && (checkpoints?.problems.length ?? 0) === 0;
  if (options.json) printJson({ isIntact, ...result, ...(checkpoints ? { checkpoints } : {}) });
  else {
    process.stdout.write(`${describeVerification(result)}\n`);
    if (checkpoints) process.stdout.write(`${describeCheckpoints(checkpoints)}\n`);
  }
  if (!isIntact) process.exitCode = 1;
}

async function checkCheckpoints(db: Queryable, options: VerifyOptions) {
  const publicKey = options.publicKey
    ? await readPublicKey(options.publicKey)
    : (await loadSigningKey(options.key ?? loadConfig().auditKeyFile)).publicKey;
  return checkCheckpointFile(db, options.checkpoint ?? '', publicKey);
}

function describeCheckpoints(result: { checked: number; problems: string[] }): string {
  if (result.problems.length === 0)
    return `Checkpoints hold: the chain matches all ${result.checked} signed checkpoints`;
  return ['Checkpoints BROKEN:', ...result.problems.map((problem) => `  - ${problem}`)].join('\n');
}

async function runCheckpoint(db: Queryable, options: CheckpointOptions) {
  const key = await loadOrCreateSigningKey(options.key ?? loadConfig().auditKeyFile);
  const checkpoint = await writeCheckpoint(db, key, options.append);
  if (options.json) {
    printJson(checkpoint);
    return;
  }
  process.stdout.write(checkpointLine(checkpoint));
  const appended = options.append ? ` and appended to ${options.append}` : '';
  process.stdout.write(
    `Signed ${checkpoint.seq} entries${appended}. ${key.isNew ? 'A new signing key was created. ' : ''}` +
      `Keep a copy of the public key away from this machine to verify checkpoints:\n${key.publicKeyPem}`,
  );
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

/** What the operator reads: names and the action's description; the codes stay in --json. */
function rowOf(entry: AuditEntry) {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actorName ?? entry.actorUserId ?? entry.actorVia,
    action: isAction(entry.action) ? ACTIONS[entry.action].description : entry.action,
    outcome: entry.outcome,
    resource: entry.resourceName ?? [entry.resourceType, entry.resourceId].filter(Boolean).join(':'),
    organisation: entry.organisationName ?? entry.organisationId,
  };
}
