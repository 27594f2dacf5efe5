// `concerted users …`: accounts as the operator at the machine, for example the first administrator.
import { Command } from 'commander';
import { eq, or, sql } from 'drizzle-orm';
import { normaliseEmail } from '../access/accounts.js';
import { newInitialPassword } from '../access/member-routes.js';
import { hashPassword } from '../access/passwords.js';
import { memberships, sessions, users } from '../access/schema.js';
import { Email, PlainText, Role } from '../access/schemas.js';
import { appendAudit } from '../audit/chain.js';
import { organisations } from '../partners/schema.js';
import { loadConfig } from '../platform/config.js';
import { type DatabaseHandle, migrateDatabase, openDatabase, type Transaction } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { ActorType } from '../reference/vocabulary.js';
import type { OpenDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';

type CreateOptions = {
  email: string;
  name: string;
  organisation: string;
  role: string;
  actorType?: string;
  json?: boolean;
};

export function usersCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('users').description(
    'user accounts, as the operator (DATA_DIR or DATABASE_URL)',
  );
  command
    .command('create')
    .description('create an account with a role in an organisation; prints a one-time initial password')
    .requiredOption('--email <email>', 'the person’s email address')
    .requiredOption('--name <name>', 'the name shown to others')
    .requiredOption('--organisation <name-or-id>', 'an existing organisation (name, acronym or id)')
    .requiredOption('--role <role>', `one of ${Role.options.join(', ')}`)
    .option(
      '--actor-type <type>',
      'create the organisation first, with this actor type (for example government)',
    )
    .option('--json', 'print the result as JSON')
    .action(action((options: CreateOptions) => withTransaction(open, (tx) => createUser(tx, options))));
  command
    .command('list')
    .description('every account with its roles')
    .option('--json', 'print as JSON')
    .action(action((options: { json?: boolean }) => withTransaction(open, (tx) => listUsers(tx, options))));
  command
    .command('reset-password')
    .description('give an account a new one-time password and end its sessions')
    .requiredOption('--email <email>', 'the account’s email address')
    .option('--json', 'print the result as JSON')
    .action(
      action((options: { email: string; json?: boolean }) =>
        withTransaction(open, (tx) => resetPassword(tx, options)),
      ),
    );
  return command;
}

async function createUser(tx: Transaction, options: CreateOptions) {
  const email = parseOption(Email, options.email, '--email');
  const displayName = parseOption(PlainText(200), options.name, '--name');
  const role = parseOption(Role, options.role, '--role');
  const organisationId = await findOrCreateOrganisation(tx, options.organisation, options.actorType);
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${normaliseEmail(email)}`);
  if (existing)
    throw new AppError('conflict', `An account for ${email} exists already; use the web UI to add roles.`);
  const password = newInitialPassword();
  const [user] = await tx
    .insert(users)
    .values({ email, displayName, passwordHash: await hashPassword(password) })
    .returning({ id: users.id });
  if (!user) throw new AppError('internal_error');
  await tx.insert(memberships).values({ userId: user.id, organisationId, role });
  await auditByOperator(tx, 'users.manage', user.id, organisationId, { role, accountCreated: true });
  const result = { userId: user.id, email, role, organisationId, initialPassword: password };
  if (options.json) printJson(result);
  else
    process.stdout.write(
      `Created ${email} (${role}).\nInitial password, shown once — hand it over securely: ${password}\n`,
    );
}

async function findOrCreateOrganisation(
  tx: Transaction,
  nameOrId: string,
  actorType?: string,
): Promise<string> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(nameOrId);
  const [found] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      or(
        isUuid ? eq(organisations.id, nameOrId) : undefined,
        sql`lower(${organisations.name}) = lower(${nameOrId})`,
        sql`lower(${organisations.acronym}) = lower(${nameOrId})`,
      ),
    );
  if (found) return found.id;
  if (!actorType)
    throw new AppError('not_found', `No organisation "${nameOrId}"; add --actor-type to create it.`);
  const [created] = await tx
    .insert(organisations)
    .values({ name: nameOrId, actorType: parseOption(ActorType, actorType, '--actor-type') })
    .returning({ id: organisations.id });
  if (!created) throw new AppError('internal_error');
  await auditByOperator(tx, 'organisations.create', created.id, created.id, {});
  return created.id;
}

async function listUsers(tx: Transaction, options: { json?: boolean }) {
  const rows = await tx
    .select({
      email: users.email,
      name: users.displayName,
      role: memberships.role,
      organisation: organisations.name,
      secondFactor: sql<boolean>`${users.totpEnabledAt} is not null`,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .orderBy(users.email);
  if (options.json) printJson(rows);
  else
    printTable(
      rows.map((row) => ({
        ...row,
        secondFactor: row.secondFactor ? 'yes' : 'no',
        disabled: row.disabled ? 'yes' : '',
      })),
    );
}

async function resetPassword(tx: Transaction, options: { email: string; json?: boolean }) {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${normaliseEmail(options.email)}`);
  if (!user) throw new AppError('not_found', `No account for ${options.email}.`);
  const password = newInitialPassword();
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(password), passwordChangedAt: new Date() })
    .where(eq(users.id, user.id));
  await tx.delete(sessions).where(eq(sessions.userId, user.id));
  await auditByOperator(tx, 'account.update', user.id, null, { field: 'password', by: 'operator' });
  if (options.json) printJson({ userId: user.id, initialPassword: password });
  else process.stdout.write(`New one-time password, shown once: ${password}\n`);
}

function auditByOperator(
  tx: Transaction,
  actionName: string,
  resourceId: string,
  organisationId: string | null,
  details: Record<string, unknown>,
) {
  return appendAudit(tx, {
    actorUserId: null,
    actorVia: 'cli',
    action: actionName,
    outcome: 'allowed',
    resourceType: actionName.startsWith('organisations') ? 'organisation' : 'user',
    resourceId,
    organisationId,
    details,
  });
}

function parseOption<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: string,
  option: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', `${option}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
}

async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    databaseAppUrl: config.databaseAppUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  await migrateDatabase(database);
  return database;
}

async function withTransaction(open: OpenDatabase, work: (tx: Transaction) => Promise<void>) {
  const database = await open();
  try {
    await database.db.transaction(work);
  } finally {
    await database.close();
  }
}
