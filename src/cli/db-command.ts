// `concerted db …`: apply migrations, show their status, load reference and demo data.
import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { loadInstallationKey, Sealer } from '../platform/crypto.js';
import { type DatabaseHandle, getMigrationStatus, migrateDatabase, openDatabase } from '../platform/db.js';
import { seedDatabase } from '../server/seed.js';
import { action, printJson } from './output.js';

export function dbCommand(): Command {
  const db = new Command('db').description('database migrations and seed data (DATA_DIR or DATABASE_URL)');
  db.command('migrate')
    .description('apply every pending migration (forward only)')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (options: { json?: boolean }) =>
        withDatabase(async (database) => {
          const before = await getMigrationStatus(database.db);
          await migrateDatabase(database);
          const after = await getMigrationStatus(database.db);
          const result = { engine: database.engine, ...after, newlyApplied: after.applied - before.applied };
          if (options.json) printJson(result);
          else
            process.stdout.write(
              `${result.newlyApplied} migration(s) applied; ${after.applied}/${after.expected} current\n`,
            );
        }),
      ),
    );
  db.command('status')
    .description('show how many migrations are applied')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (options: { json?: boolean }) =>
        withDatabase(async (database) => {
          const status = await getMigrationStatus(database.db);
          if (options.json) printJson({ engine: database.engine, ...status });
          else
            process.stdout.write(
              `${status.applied}/${status.expected} migrations applied (${status.latest})\n`,
            );
          if (!status.isCurrent) process.exitCode = 1;
        }),
      ),
    );
  db.command('seed')
    .description(
      'load reference data; with --demo also the illustrative demo dataset (into an empty database only)',
    )
    .option('--demo', 'also load the illustrative demo dataset')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (options: { demo?: boolean; json?: boolean }) =>
        withDatabase(async (database) => {
          await migrateDatabase(database);
          const sealer = new Sealer(await loadInstallationKey(loadConfig()));
          const report = await seedDatabase(database.db, { demo: options.demo === true, sealer });
          if (options.json) printJson(report);
          else {
            const r = report.reference;
            process.stdout.write(
              `reference: ${r.countries} countries, ${r.areas} M49 areas, ${r.codeLists} code lists, ${r.codes} codes\n`,
            );
            if (options.demo) {
              const what = report.demo.loaded
                ? 'loaded (illustrative data, not real)'
                : `not loaded: ${report.demo.reason}`;
              process.stdout.write(`demo dataset ${what}\n`);
            }
          }
        }),
      ),
    );
  return db;
}

async function withDatabase(work: (database: DatabaseHandle) => Promise<void>) {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    databaseAppUrl: config.databaseAppUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    await work(database);
  } finally {
    await database.close();
  }
}
