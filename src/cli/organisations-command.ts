// `concerted organisations list|confirm`: the registry as the operator, above all the provisional entries imports made.

import { Command } from 'commander';
import { asc, eq } from 'drizzle-orm';
import { confirmOrganisation, organisations } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { type OpenDatabase, openConfiguredDatabase, withDatabase } from './database.js';
import { action, printJson, printTable } from './output.js';

type ListOptions = { provisional?: boolean; json?: boolean };

export function organisationsCommand(open: OpenDatabase = openConfiguredDatabase): Command {
  const command = new Command('organisations').description(
    'partner organisations in the registry (DATA_DIR or DATABASE_URL)',
  );
  command
    .command('list')
    .description('list registered organisations by name')
    .option('--provisional', 'only those an import registered, awaiting a coordinator’s review')
    .option('--json', 'print them as JSON')
    .action(action((options: ListOptions) => withDatabase(open, (db) => runList(db, options))));
  command
    .command('confirm')
    .description('confirm a provisional organisation once its name, type and IATI identifier are checked')
    .argument('<id>', 'the organisation’s id (from `organisations list --provisional`)')
    .action(action((id: string) => withDatabase(open, (db) => runConfirm(db, id))));
  return command;
}

async function runList(db: Queryable, options: ListOptions) {
  const rows = await db
    .select()
    .from(organisations)
    .where(options.provisional ? eq(organisations.isProvisional, true) : undefined)
    .orderBy(asc(organisations.name));
  if (options.json) return printJson(rows);
  if (rows.length === 0) {
    process.stdout.write(options.provisional ? 'No provisional organisations.\n' : 'No organisations.\n');
    return;
  }
  printTable(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      'actor type': row.actorType,
      'iati identifier': row.iatiIdentifier,
      'iati type': row.iatiOrganisationType,
      provisional: row.isProvisional ? `yes (${row.registeredVia ?? 'import'})` : 'no',
    })),
  );
}

async function runConfirm(db: Queryable, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id))
    throw new Error(`"${id}" is not an organisation id; see organisations list`);
  const row = await confirmOrganisation(db, id, new Date());
  process.stdout.write(`Confirmed ${row.name}: it is no longer provisional.\n`);
}
