// runDurableWrite: the result of a committed write, nothing of a failed one, and an engine failure named
// in words, its outcome looked up on disk rather than guessed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateDatabase, openDatabase, rowsOf } from '../../src/platform/db.js';
import { runDurableWrite } from '../../src/platform/durable-write.js';
import { AppError } from '../../src/platform/errors.js';
import { TEST_ENGINES, type TestDatabase } from '../support/databases.js';

const receiptCount = async (handle: DatabaseHandle) =>
  (await rowsOf<{ count: number }>(handle.db, sql`select count(*)::int as count from write_receipts`))[0]
    ?.count;

describe.each(TEST_ENGINES)('a durable write on $name', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open({ seed: false });
    await database.db.execute(sql`create table probe (n int)`);
  });
  afterAll(() => database?.dispose());

  it('returns what the work returned, with its rows committed and no receipt left', async () => {
    const result = await runDurableWrite(
      database,
      async (tx) => {
        await tx.execute(sql`insert into probe values (1), (2)`);
        return { written: 2 };
      },
      { what: 'writing two rows' },
    );
    expect(result).toEqual({ written: 2 });
    expect(await rowsOf(database.db, sql`select n from probe order by n`)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await receiptCount(database)).toBe(0);
  });

  it('writes nothing, receipt included, when the work fails', async () => {
    const failing = runDurableWrite(
      database,
      async (tx) => {
        await tx.execute(sql`insert into probe values (3)`);
        throw new AppError('validation_failed', 'row 3 is wrong');
      },
      { what: 'writing a wrong row' },
    );
    await expect(failing).rejects.toThrow('row 3 is wrong');
    expect(await rowsOf(database.db, sql`select n from probe where n = 3`)).toEqual([]);
    expect(await receiptCount(database)).toBe(0);
  });
});

describe('a durable write when the embedded engine aborts', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'concerted-abort-'));
    const handle = await openDatabase({ dataDir });
    await migrateDatabase(handle);
    await handle.db.execute(sql`create table probe (cell_id int, area char(3))`);
    await handle.close();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('names the failure instead of Aborted(), and what it reports matches what is on disk', async () => {
    const handle = await openDatabase({ dataDir });
    // A real engine fault, not a mock: PGlite corrupts its memory on a row-constructor IN list of a few
    // hundred pairs and aborts at COMMIT (the cause of the statistics import's abort).
    const pairs = Array.from({ length: 400 }, (_, i) => `(${i}, 'ABC')`).join(', ');
    const outcome = await runDurableWrite(
      handle,
      async (tx) => {
        await tx.execute(sql`insert into probe values (1, 'ABC')`);
        await tx
          .execute(sql.raw(`select count(*) from probe where (cell_id, area) in (${pairs})`))
          .catch(() => {});
        return { written: 1 };
      },
      { what: 'writing a probe row', reopen: () => openDatabase({ dataDir }) },
    ).catch((error: unknown) => error);
    const check = await openDatabase({ dataDir });
    console.info(
      `engine abort outcome: ${outcome instanceof Error ? outcome.message : 'committed before the abort'}`,
    );
    try {
      const rows = await rowsOf<{ count: number }>(check.db, sql`select count(*)::int as count from probe`);
      if (outcome instanceof Error) {
        expect(outcome).toBeInstanceOf(AppError);
        expect((outcome as AppError).code).toBe('database_failed');
        expect(outcome.message).toMatch(/^The embedded database .* stopped while writing a probe row/);
        expect(rows[0]?.count).toBe(0);
      } else {
        expect(outcome).toEqual({ written: 1 });
        expect(rows[0]?.count).toBe(1);
      }
      expect(await receiptCount(check)).toBe(0);
    } finally {
      await check.close();
    }
  });
});
