// Row-level security that a request cannot switch off: the login role, read-only reference and
// statistics tables, and organisation tables that force their policies.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_ACTOR, asRequester, type DatabaseActor } from '../../src/access/context.js';
import { loadConfig } from '../../src/platform/config.js';
import { Sealer } from '../../src/platform/crypto.js';
import { openDatabase, rowsOf, type Transaction } from '../../src/platform/db.js';
import { buildApp } from '../../src/server/app.js';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const REFERENCE_TABLES = ['code_lists', 'codes', 'countries', 'm49_areas', 'dataset_loads'];
const STATISTICS_TABLES = [
  'statistic_releases',
  'statistic_observations',
  'statistic_rollups',
  'statistic_coverage',
  'statistic_categories',
];
/** Organisation data an anonymous request may not read at all. */
const PRIVATE_TABLES = ['users', 'memberships', 'sessions', 'audit_entries'];
/** Organisation data an anonymous request may not change. */
const ORGANISATION_TABLES = [
  'organisations',
  'activities',
  'activity_versions',
  'coverage_needs',
  'coordination_mechanisms',
  'mechanism_members',
  'focal_points',
  'focal_point_contacts',
  'commitments',
  'commitment_progress_reports',
  'intermediary_agencies',
  'intermediary_agency_names',
  'intermediary_licences',
  'intermediary_inspections',
  'intermediary_sanctions',
  ...PRIVATE_TABLES,
];

describe.each(TEST_ENGINES)('database roles on $name', (engine) => {
  let t: TestApp;
  let coordinator: DatabaseActor;
  let partition: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    await t.signInAs(demoEmail('coordinator')); // leaves a session row behind
    const [user] = await rowsOf<{ id: string }>(
      t.database.db,
      sql`select id from users where email = ${demoEmail('coordinator')}`,
    );
    coordinator = {
      userId: user?.id ?? '',
      organisationIds: [t.organisationIds.office ?? ''],
      managedOrganisationIds: [],
      isAdmin: false,
      isCoordinator: true,
    };
    const [found] = await rowsOf<{ name: string }>(
      t.database.db,
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'statistic_observations'::regclass limit 1`,
    );
    partition = found?.name ?? '';
  });
  afterAll(() => t?.close());

  /** The SQLSTATE a statement fails with inside a request's transaction, or null when it succeeds. */
  const failureOf = (actor: DatabaseActor, statement: ReturnType<typeof sql>, before?: string) =>
    asRequester(t.database, actor, async (tx: Transaction) => {
      if (before) await tx.execute(sql.raw(before));
      await tx.execute(statement);
      return null;
    }).catch(
      (error: { code?: string; cause?: { code?: string } }) => error.cause?.code ?? error.code ?? 'error',
    );

  const countAs = async (actor: DatabaseActor | null, table: string) => {
    const query = sql`select count(*)::int as n from ${sql.identifier(table)}`;
    const rows = actor
      ? await asRequester(t.database, actor, (tx) => rowsOf<{ n: number }>(tx, query))
      : await rowsOf<{ n: number }>(t.database.db, query);
    return rows[0]?.n ?? 0;
  };

  it.each(REFERENCE_TABLES)(
    'refuses a signed-in coordinator any write to reference table %s',
    async (table) => {
      const name = sql.identifier(table);
      expect(await failureOf(coordinator, sql`delete from ${name}`)).toBe('42501');
      expect(
        await failureOf(
          coordinator,
          sql`update ${name} set ${sql.identifier(firstColumn(table))} = ${sql.identifier(firstColumn(table))}`,
        ),
      ).toBe('42501');
      expect(await failureOf(coordinator, sql`truncate ${name} cascade`)).toBe('42501');
      expect(await countAs(coordinator, table)).toBeGreaterThan(0);
    },
  );

  it.each(STATISTICS_TABLES)('refuses any write to statistics table %s outside an import', async (table) => {
    expect(await countAs(null, table)).toBeGreaterThan(0);
    expect(await failureOf(coordinator, sql`delete from ${sql.identifier(table)}`)).toBe('42501');
    expect(await failureOf(ANONYMOUS_ACTOR, sql`delete from ${sql.identifier(table)}`)).toBe('42501');
  });

  it('refuses reads and writes of a release’s partition, and the partition functions, to a request', async () => {
    expect(partition).not.toBe('');
    expect(await failureOf(coordinator, sql`delete from ${sql.identifier(partition)}`)).toBe('42501');
    expect(await failureOf(coordinator, sql`select 1 from ${sql.identifier(partition)}`)).toBe('42501');
    const release = sql`(select id from statistic_releases limit 1)`;
    expect(await failureOf(coordinator, sql`select statistic_release_drop(${release})`)).toBe('42501');
    expect(await countAs(null, partition)).toBeGreaterThan(0);
  });

  it('keeps sign-in throttling out of a request’s reach', async () => {
    expect(await failureOf(ANONYMOUS_ACTOR, sql`delete from sign_in_throttle`)).toBe('42501');
    expect(await failureOf(coordinator, sql`select * from sign_in_throttle`)).toBe('42501');
  });

  it.each(PRIVATE_TABLES)('shows an anonymous request none of the rows of %s', async (table) => {
    expect(await countAs(null, table)).toBeGreaterThan(0);
    expect(await countAs(ANONYMOUS_ACTOR, table)).toBe(0);
  });

  it.each(ORGANISATION_TABLES)('lets an anonymous request change no row of %s', async (table) => {
    const before = await countAs(null, table);
    expect(before).toBeGreaterThan(0);
    const failure = await failureOf(ANONYMOUS_ACTOR, sql`delete from ${sql.identifier(table)}`);
    // Policies hide the rows (nothing deleted) or a trigger refuses (the audit trail).
    expect([null, 'P0001', '42501']).toContain(failure);
    expect(await countAs(null, table)).toBe(before);
  });

  it.runIf(engine.name === 'postgres')(
    'runs a request as a login role that RESET ROLE and SET ROLE cannot lift to more rights',
    async () => {
      const whoAmI = sql`select current_user as name, rolsuper as superuser, rolbypassrls as bypass
                         from pg_roles where rolname = current_user`;
      const reset = await asRequester(t.database, ANONYMOUS_ACTOR, async (tx) => {
        await tx.execute(sql`reset role`);
        return rowsOf<{ name: string; superuser: boolean; bypass: boolean }>(tx, whoAmI);
      });
      expect(reset).toEqual([{ name: 'concerted_app_login', superuser: false, bypass: false }]);
      for (const role of ['postgres', 'concerted_importer', 'pg_write_all_data'])
        expect(await failureOf(ANONYMOUS_ACTOR, sql.raw(`set role ${role}`))).toBe('42501');
      expect(await failureOf(ANONYMOUS_ACTOR, sql`set session authorization postgres`)).toBe('42501');
      expect(await failureOf(ANONYMOUS_ACTOR, sql`delete from countries`, 'reset role')).toBe('42501');
      expect(await countAs(ANONYMOUS_ACTOR, 'sessions')).toBe(0);
      const afterReset = await asRequester(t.database, ANONYMOUS_ACTOR, async (tx) => {
        await tx.execute(sql`reset role`);
        return rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from sessions`);
      });
      expect(afterReset).toEqual([{ n: 0 }]);
    },
  );

  it('forces row-level security on every organisation table, even for the tables’ owner', async () => {
    const rows = await rowsOf<{ name: string; forced: boolean }>(
      t.database.db,
      sql`select c.relname as name, c.relforcerowsecurity as forced from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relrowsecurity and c.relname not like 'statistic\\_%'`,
    );
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(ORGANISATION_TABLES));
    expect(rows.filter((row) => !row.forced)).toEqual([]);
  });
});

/** A column each reference table has, for an update that would change nothing if it were allowed. */
const KEY_COLUMNS: Record<string, string> = {
  code_lists: 'name',
  codes: 'code',
  countries: 'iso3',
  m49_areas: 'code',
  dataset_loads: 'name',
};

function firstColumn(table: string): string {
  return KEY_COLUMNS[table] ?? 'id';
}

describe.runIf(process.env.TEST_DATABASE_URL)('the start-up check of the request connection', () => {
  it('refuses to serve requests over a superuser connection, naming the fix', async () => {
    const engine = TEST_ENGINES.find((candidate) => candidate.name === 'postgres');
    const database = await engine?.open({ seed: false });
    if (!database) throw new Error('no PostgreSQL test database');
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = new URL(`postgres://${database.location.split('//')[1]}`).pathname;
    const superuserRequests = await openDatabase({
      databaseUrl: url.toString(),
      databaseAppUrl: url.toString(),
    });
    try {
      await expect(
        buildApp({
          config: loadConfig({ LOG_LEVEL: 'silent' }),
          database: superuserRequests,
          sealer: new Sealer(randomBytes(32)),
          serveWeb: false,
        }),
      ).rejects.toThrow(/is a superuser.*concerted_app_login.*Database roles/s);
    } finally {
      await superuserRequests.close();
      await database.dispose();
    }
  });
});
