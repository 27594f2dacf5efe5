// `concerted intermediaries import|lookup` run in-process on both engines: a dry run writes nothing, a file
// with a bad row is refused whole with the row and the fix, a good file imports once (again: unchanged),
// and the look-up answers in the language asked. Every agency, number and office is invented.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../test/support/cli.js';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { Sealer } from '../platform/crypto.js';
import { rowsOf } from '../platform/db.js';
import { seedDatabase } from '../server/seed.js';
import { intermediariesCommand } from './intermediaries-command.js';

const HEADER = 'Agency;Licence No.;Status;Valid until';
const GOOD = [
  'Licensed agencies of Examplestan (invented)',
  '',
  HEADER,
  'Copperfield Staffing Ltd;CF-01;Current;31.12.2099',
  'Millbrook Overseas Jobs;CF-02;Lapsed;31.12.2020',
];

const run = (database: TestDatabase, args: string[]) => runCommand(intermediariesCommand, database, args);

describe.each(TEST_ENGINES)('concerted intermediaries on $name', (engine) => {
  let database: TestDatabase;
  let dir: string;
  const FLAGS = ['--country', 'PHL', '--kind', 'recruitment', '--authority', 'Invented Licensing Office'];

  const count = async () =>
    (await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from intermediary_agencies`))[0]
      ?.n;

  const fileOf = async (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    await writeFile(file, `${lines.join('\n')}\n`, 'utf8');
    return file;
  };

  beforeAll(async () => {
    database = await engine.open();
    await seedDatabase(database.db, { demo: true, sealer: new Sealer(randomBytes(32)) });
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-intermediaries-'));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await database?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file with a bad row whole, naming the row and the fix', async () => {
    const file = await fileOf('bad.csv', [...GOOD, 'Pinecrest Careers;CF-03;Current;31.12.20']);
    const before = await count();
    const refused = await run(database, ['import', file, ...FLAGS]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toContain('Nothing imported');
    expect(refused.stdout).toMatch(/6\s+Valid until/);
    expect(await count()).toBe(before);
  });

  it('reports a dry run as JSON without writing, then imports once', async () => {
    const file = await fileOf('register.csv', GOOD);
    const before = await count();
    const dry = await run(database, ['import', file, '--dry-run', '--json', ...FLAGS]);
    expect(dry.exitCode).toBeUndefined();
    const report = JSON.parse(dry.stdout);
    expect(report.agencies.map((agency: { name: string }) => agency.name)).toEqual([
      'Copperfield Staffing Ltd',
      'Millbrook Overseas Jobs',
    ]);
    expect(report.headerRow).toBe(3);
    expect(await count()).toBe(before);
    const imported = await run(database, ['import', file, '--json', ...FLAGS]);
    expect(imported.exitCode, imported.stderr).toBeUndefined();
    expect(JSON.parse(imported.stdout).agencies).toEqual({ added: 2, changed: 0, unchanged: 0 });
    const again = await run(database, ['import', file, ...FLAGS]);
    expect(again.stdout).toContain('agencies 0 new, 0 changed, 2 unchanged');
    expect(await count()).toBe((before ?? 0) + 2);
  });

  it('looks an agency up in the language asked', async () => {
    const licensed = await run(database, ['lookup', '--name', 'Copperfield Staffing']);
    expect(licensed.stdout).toContain('Yes, this agency is licensed.');
    const lapsed = await run(database, ['lookup', '--licence', 'cf 02', '--lang', 'ru', '--json']);
    const view = JSON.parse(lapsed.stdout);
    expect(view.answer.status).toBe('lapsed');
    expect(view.answer.sentence).toMatch(/[\u0400-\u04FF]/);
    const nothing = await run(database, ['lookup']);
    expect(nothing.exitCode).toBe(1);
    expect(nothing.stderr).toContain('--name');
  });
});
