// `concerted serve`: migrate, seed and serve the API and web app until SIGTERM or SIGINT.
import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { settleInterruptedImports, settleSilentImportsRegularly } from '../imports/index.js';
import { type Config, loadConfig } from '../platform/config.js';
import { loadInstallationKey, Sealer } from '../platform/crypto.js';
import { type DatabaseHandle, migrateDatabase, openDatabase } from '../platform/db.js';
import { buildApp } from '../server/app.js';
import { ALL_INTERFACES, chooseListenHost } from '../server/listen-host.js';
import { hasDemoDataset, seedDatabase } from '../server/seed.js';
import { describeFailure } from './output.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'migrate and seed the database, then serve the API and web app (PORT, HOST, DATA_DIR, DATABASE_URL); with the demo dataset only on 127.0.0.1 unless HOST is set',
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
  const { app, database, url, notice } = await startServer(loadConfig(), options);
  closeGracefullyOnSignals(() => app.close());
  if (notice) process.stdout.write(`${notice}\n`);
  process.stdout.write(
    `Concerted is running at ${url} (database: ${database.engine}, ${database.location})\n`,
  );
}

export type StartedServer = {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** The interface the server listens on. */
  host: string;
  /** An address to open in a browser. */
  url: string;
  notice: string | null;
};

/** Migrates, seeds and listens; with the demo dataset only on 127.0.0.1 unless HOST is set. */
export async function startServer(config: Config, options: { demo: boolean }): Promise<StartedServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    databaseAppUrl: config.databaseAppUrl,
    dataDir: config.dataDir,
  });
  await migrateDatabase(database);
  const sealer = new Sealer(await loadInstallationKey(config));
  const seeded = await seedDatabase(database.db, { demo: options.demo, sealer });
  const { host, notice } = chooseListenHost(config.host, await hasDemoDataset(database.db));
  // Only this process can open the embedded database, so every job still open there was cut off; on a
  // server other processes may be running imports, so only jobs silent for a while are settled, regularly.
  const isShared = database.engine === 'postgres';
  const interrupted = await settleInterruptedImports(database.db, isShared ? 'silent' : 'all');
  const app = await buildApp({ config, database, sealer, signAuditCheckpoints: true });
  const onSettled = (count: number) =>
    app.log.warn({ interrupted: count }, 'imports cut off by a stop were marked failed');
  if (interrupted > 0) onSettled(interrupted);
  if (isShared) {
    const stopSettling = settleSilentImportsRegularly(database.db, onSettled);
    app.addHook('onClose', async () => stopSettling());
  }
  app.log.info({ engine: database.engine, demo: seeded.demo, host }, 'database ready');
  if (notice) app.log.warn(notice);
  const address = await app.listen({ port: config.port, host });
  const url = host === ALL_INTERFACES || host === '::' ? `http://localhost:${port(address)}` : address;
  return { app, database, host, url, notice };
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
