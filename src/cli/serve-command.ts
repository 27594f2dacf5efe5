// `concerted serve`: migrate, seed and serve the API and web app until SIGTERM or SIGINT.
import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { loadInstallationKey, Sealer } from '../platform/crypto.js';
import { migrateDatabase, openDatabase } from '../platform/db.js';
import { buildApp } from '../server/app.js';
import { seedDatabase } from '../server/seed.js';
import { describeFailure } from './output.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'migrate and seed the database, then serve the API and web app (PORT, HOST, DATA_DIR, DATABASE_URL)',
    )
    .option('--no-demo', 'do not load the illustrative demo dataset into an empty database')
    .action(async (options: { demo: boolean }) => {
      exitOnFatalErrors();
      try {
        await serve(options);
      } catch (error) {
        // The database may still hold the event loop open: exit, so that a supervisor sees the failure.
        exitWithFailure('could not start', error);
      }
    });
}

/**
 * After an uncaught exception or unhandled rejection the process's state is unknown: say why on stderr
 * and exit non-zero at once, so that systemd or the container runtime restarts a clean process.
 */
function exitOnFatalErrors() {
  process.on('uncaughtException', (error) => exitWithFailure('fatal error', error));
  process.on('unhandledRejection', (reason) => exitWithFailure('fatal error (unhandled rejection)', reason));
}

function exitWithFailure(what: string, error: unknown): never {
  process.stderr.write(`error: ${what}: ${describeFailure(error)}\n`);
  if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

async function serve(options: { demo: boolean }) {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const sealer = new Sealer(await loadInstallationKey(config));
  const seeded = await seedDatabase(database.db, { demo: options.demo, sealer });
  const app = await buildApp({ config, database, sealer });
  app.log.info({ engine: database.engine, demo: seeded.demo }, 'database ready');
  const address = await app.listen({ port: config.port, host: config.host });
  closeGracefullyOnSignals(() => app.close());
  const shown =
    config.host === '0.0.0.0' || config.host === '::' ? `http://localhost:${port(address)}` : address;
  process.stdout.write(
    `Concerted is running at ${shown} (database: ${database.engine}, ${database.location})\n`,
  );
}

function port(address: string): string {
  return new URL(address).port;
}

/** In-flight requests finish, then the database closes; a second signal forces the exit. */
function closeGracefullyOnSignals(close: () => Promise<void>) {
  let isClosing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isClosing) process.exit(1);
    isClosing = true;
    process.stdout.write(`${signal} received: finishing requests and closing the database\n`);
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
