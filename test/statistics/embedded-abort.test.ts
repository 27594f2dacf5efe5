// A publisher's file with hundreds of repeated rows once aborted the embedded database at COMMIT (a
// row-constructor IN list of the duplicates' cells corrupted PGlite's memory). It must import on both
// engines with no row rejected: every repeat is kept as published, apart, naming the row it repeats.
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db.js';
import { fileFromBuffer, importStatistics } from '../../src/statistics/index.js';
import { TEST_ENGINES, type TestDatabase } from '../support/databases.js';

const FIXTURE = new URL('./fixtures/glotip-many-duplicates.csv', import.meta.url);

describe.each(TEST_ENGINES)('a file with hundreds of duplicate rows on $name', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database?.dispose());

  it('imports in one committed transaction, rejecting nothing and keeping every repeat apart', async () => {
    const file = fileFromBuffer('glotip-many-duplicates.csv', await readFile(FIXTURE));
    const report = await importStatistics((work) => database.db.transaction(work), {
      source: 'glotip',
      file,
    });
    expect(report.rowsRead).toBe(3556);
    expect(report.rejected).toBe(0);
    expect(report.imported + report.repeatedRows.total).toBe(3556);
    expect(report.repeatedRows.total).toBeGreaterThan(300);
    expect(report.repeatedRows.identical + report.repeatedRows.differing).toBe(report.repeatedRows.total);
    for (const repeat of report.repeatedRows.listed) expect(repeat.firstRow).toBeLessThan(repeat.row);
    const [kept] = await rowsOf<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from statistic_repeated_rows where release_id = ${report.release.id}`,
    );
    expect(kept?.count).toBe(report.repeatedRows.total);
    // The engine is still healthy after the commit, and holds exactly what the report says.
    const [stored] = await rowsOf<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from statistic_observations where release_id = ${report.release.id}`,
    );
    expect(stored?.count).toBe(report.imported);
  });
});
