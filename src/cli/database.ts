// How operator commands reach the database: the configured one (DATA_DIR or DATABASE_URL), refused
// when its migrations are behind this build, and closed again whatever happens.
import { loadConfig } from '../platform/config.js';
import { type Database, type DatabaseHandle, getMigrationStatus, openDatabase } from '../platform/db.js';

/** A long write's database, and how to open it again to learn the outcome after the engine failed. */
export type LongWriteTarget = { handle: DatabaseHandle; reopen: OpenDatabase };

/** Opens the database a command works on; tests pass one of their own. */
export type OpenDatabase = () => Promise<DatabaseHandle>;

export async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const config = loadConfig();
  return openDatabase({
    databaseUrl: config.databaseUrl,
    databaseAppUrl: config.databaseAppUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
}

export async function withDatabase(
  open: OpenDatabase,
  work: (db: Database, handle: DatabaseHandle) => Promise<void>,
) {
  const database = await open();
  try {
    const status = await getMigrationStatus(database.db);
    if (!status.isCurrent) {
      throw new Error(
        `the database has ${status.applied} of ${status.expected} migrations; run \`concerted db migrate\` first`,
      );
    }
    await work(database.db, database);
  } finally {
    await database.close();
  }
}
