// `concerted serve`: migrate, seed and serve the API and web app until SIGTERM or SIGINT.
import { Command, InvalidArgumentError } from 'commander';
import type { FastifyInstance } from 'fastify';
import { settleInterruptedImports, settleSilentImportsRegularly } from '../imports/index.js';
import { type Config, loadConfig } from '../platform/config.js';
import { loadInstallationKey, Sealer } from '../platform/crypto.js';
import { type DatabaseHandle, migrateDatabase, openDatabase } from '../platform/db.js';
import { buildApp } from '../server/app.js';
import { ALL_INTERFACES, chooseListenHost } from '../server/listen-host.js';
import {
  dutiesOfThisProcess,
  isServingProcess,
  onStopRequest,
  portToShare,
  startServingProcesses,
  tellListening,
} from '../server/processes.js';
import { hasDemoDataset, type SeedReport, seedDatabase } from '../server/seed.js';
import { describeFailure } from './output.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'migrate and seed the database, then serve the API and web app (PORT, HOST, DATA_DIR, DATABASE_URL); with the demo dataset only on 127.0.0.1 unless HOST is set',
    )
    .option('--no-demo', 'do not load the illustrative demo dataset into an empty database')
    .option(
      '--processes <count>',
      'serving processes sharing the port, on PostgreSQL only (about one per core; SERVER_PROCESSES, else 1)',
      parseProcessCount,
    )
    .action(async (options: ServeOptions) => {
      exitOnFatalErrors();
      try {
        if (isServingProcess()) await serveAsOneOfSeveral();
        else await serve(options);
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

type ServeOptions = { demo: boolean; processes?: number };

function parseProcessCount(text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 64)
    throw new InvalidArgumentError(
      'give a whole number of processes from 1 to 64, for example --processes 2',
    );
  return count;
}

async function serve(options: ServeOptions) {
  const config = loadConfig();
  const processes = options.processes ?? processCountFromEnvironment();
  if (processes > 1) return serveInSeveralProcesses(config, options, processes);
  const { app, database, url, notice } = await startServer(config, options);
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
  const prepared = await prepareDatabase(config, options);
  const { database, sealer, host, notice } = prepared;
  const app = await buildApp({ config, database, sealer, signAuditCheckpoints: true });
  if (prepared.interrupted > 0) warnSettled(app, prepared.interrupted);
  if (database.engine === 'postgres') settleSilentImportsWhileServing(app, database);
  app.log.info({ engine: database.engine, demo: prepared.demo, host }, 'database ready');
  if (notice) app.log.warn(notice);
  const address = await app.listen({ port: config.port, host });
  return { app, database, host, url: browsableUrl(host, address), notice };
}

type PreparedDatabase = {
  database: DatabaseHandle;
  sealer: Sealer;
  host: string;
  notice: string | null;
  demo: SeedReport['demo'];
  interrupted: number;
};

async function prepareDatabase(config: Config, options: { demo: boolean }): Promise<PreparedDatabase> {
  const database = await openConfiguredDatabase(config);
  await migrateDatabase(database);
  const sealer = new Sealer(await loadInstallationKey(config));
  const seeded = await seedDatabase(database.db, { demo: options.demo, sealer });
  const { host, notice } = chooseListenHost(config.host, await hasDemoDataset(database.db));
  // Only this process can open the embedded database, so every job still open there was cut off; on a
  // server other processes may be running imports, so only jobs silent for a while are settled, regularly.
  const isShared = database.engine === 'postgres';
  const interrupted = await settleInterruptedImports(database.db, isShared ? 'silent' : 'all');
  return { database, sealer, host, notice, demo: seeded.demo, interrupted };
}

function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    databaseAppUrl: config.databaseAppUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
}

function warnSettled(app: FastifyInstance, count: number) {
  app.log.warn({ interrupted: count }, 'imports cut off by a stop were marked failed');
}

function settleSilentImportsWhileServing(app: FastifyInstance, database: DatabaseHandle) {
  const stopSettling = settleSilentImportsRegularly(database.db, (count) => warnSettled(app, count));
  app.addHook('onClose', async () => stopSettling());
}

function browsableUrl(host: string, address: string): string {
  return host === ALL_INTERFACES || host === '::' ? `http://localhost:${new URL(address).port}` : address;
}

function processCountFromEnvironment(): number {
  const text = process.env.SERVER_PROCESSES;
  if (!text) return 1;
  try {
    return parseProcessCount(text);
  } catch {
    throw new Error(`SERVER_PROCESSES must be a whole number from 1 to 64, not "${text}"`);
  }
}

/**
 * This process prepares the database, then starts `count` serving processes and watches over them
 * (src/server/processes.ts); it serves nothing itself.
 */
async function serveInSeveralProcesses(config: Config, options: ServeOptions, count: number) {
  if (!config.databaseUrl)
    throw new Error(
      `${count} serving processes need PostgreSQL (set DATABASE_URL): the embedded database can be opened by one process only. Serve without --processes to use it.`,
    );
  const { database, host, notice } = await prepareDatabase(config, options);
  const location = database.location;
  await database.close();
  const port = await portToShare(config.port, host);
  const processes = startServingProcesses(count, { host, port }, (line) => process.stderr.write(`${line}\n`));
  let isClosing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isClosing) process.exit(1);
    isClosing = true;
    process.stdout.write(`${signal} received: each process finishes its requests and closes the database\n`);
    processes.stop(signal).then((isClean) => process.exit(isClean ? 0 : 1));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const address = await processes.address;
  if (notice) process.stdout.write(`${notice}\n`);
  process.stdout.write(
    `Concerted is running at ${browsableUrl(host, address)} (database: postgres, ${location}; ${count} processes)\n`,
  );
}

/** One of several serving processes: opens its own connections and serves until told to stop. */
async function serveAsOneOfSeveral() {
  // Asked to stop by the process that started it, perhaps while still starting: then it stops once up.
  // Ctrl+C in a terminal reaches it too, and that is one request to stop, not the second that forces the exit.
  let closeOnce: ((signal: NodeJS.Signals) => void) | null = null;
  let stopAsked: NodeJS.Signals | null = null;
  onStopRequest((signal) => {
    if (closeOnce) closeOnce(signal);
    else stopAsked = signal;
  });
  const config = loadConfig();
  const duties = dutiesOfThisProcess();
  const database = await openConfiguredDatabase(config);
  const sealer = new Sealer(await loadInstallationKey(config));
  const app = await buildApp({ config, database, sealer, signAuditCheckpoints: duties.isFirst });
  if (duties.isFirst) settleSilentImportsWhileServing(app, database);
  closeOnce = closeGracefullyOnSignals(() => app.close());
  tellListening(await app.listen({ port: duties.port, host: duties.host }));
  if (stopAsked) closeOnce(stopAsked);
}

/** In-flight requests finish, then the database closes; a second signal forces the exit. */
function closeGracefullyOnSignals(close: () => Promise<void>): (signal: NodeJS.Signals) => void {
  let isClosing = false;
  const closeOnce = (signal: NodeJS.Signals) => {
    if (isClosing) return;
    isClosing = true;
    process.stdout.write(`${signal} received: finishing requests and closing the database\n`);
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (isClosing) process.exit(1);
    closeOnce(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return closeOnce;
}
