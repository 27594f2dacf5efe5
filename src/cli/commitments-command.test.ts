// `concerted commitments list` run in-process on a database holding an invented signatory: the list for
// people (names, not codes; drafts marked) and for scripts, the filters, and a bad code refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../test/support/cli.js';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { createCommitment } from '../commitments/store.js';
import { organisations } from '../partners/schema.js';
import { commitmentsCommand } from './commitments-command.js';

const run = (database: TestDatabase, args: string[]) => runCommand(commitmentsCommand, database, args);

describe.each(TEST_ENGINES)('concerted commitments on $name', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await engine.open();
    const [signatory] = await database.db
      .insert(organisations)
      .values({
        name: 'Harbourview Hotels Group (invented)',
        actorType: 'private_sector',
        countriesOfOperation: ['KEN', 'UGA', 'TZA'],
      })
      .returning({ id: organisations.id });
    if (!signatory) throw new Error('organisation not inserted');
    const common = {
      organisationId: signatory.id,
      otherCodeName: null,
      sectors: [],
      status: 'active',
    } as const;
    await createCommitment(
      database.db,
      {
        ...common,
        code: 'travel_child_protection_code',
        signedOn: '2024-04-01',
        countries: ['KEN', 'UGA'],
        sectors: ['hospitality'],
        undertaking: 'Train every receptionist (invented).',
        isPublished: true,
      },
      null,
    );
    await createCommitment(
      database.db,
      {
        ...common,
        code: 'other',
        otherCodeName: 'Harbour pledge (invented)',
        signedOn: '2025-04-01',
        countries: [],
        sectors: [],
        undertaking: 'A draft (invented).',
        isPublished: false,
      },
      null,
    );
  });
  afterAll(() => database?.dispose());
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('lists every commitment with names for people, latest signed first, drafts marked', async () => {
    const { stdout, exitCode } = await run(database, ['list']);
    expect(exitCode).toBeUndefined();
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^signatory\s+code or principle\s+signed/);
    expect(lines[2]).toContain('Harbour pledge (invented)');
    expect(lines[2]).toContain('no (draft)');
    expect(lines[3]).toContain('Travel and tourism code for the protection of children');
    expect(lines[3]).toContain('Kenya, Uganda');
    expect(lines[3]).toContain('Hotels and hospitality');
  });

  it('filters by code and country, and prints JSON for scripts', async () => {
    const { stdout } = await run(database, ['list', '--code', 'travel_child_protection_code', '--json']);
    const records = JSON.parse(stdout) as { signedOn: string; organisationName: string }[];
    expect(records.map((r) => r.signedOn)).toEqual(['2024-04-01']);
    // Naming no country covers Tanzania, where the signatory works; the other names Kenya and Uganda only.
    const tanzania = JSON.parse((await run(database, ['list', '--country', 'tza', '--json'])).stdout) as {
      otherCodeName: string | null;
    }[];
    expect(tanzania.map((r) => r.otherCodeName)).toEqual(['Harbour pledge (invented)']);
    expect((await run(database, ['list', '--status', 'withdrawn'])).stdout).toBe('No commitments.\n');
  });

  it('refuses a code that is not on the list', async () => {
    const { stderr, exitCode } = await run(database, ['list', '--code', 'made_up']);
    expect(stderr).toContain('--code made_up: use one of travel_child_protection_code');
    expect(exitCode).toBe(1);
  });
});
