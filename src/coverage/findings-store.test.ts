// Kept findings: a country is computed again exactly when what its findings came from changed (its activities,
// those of the countries its activities name, need, organisations), never served stale, paged without loss, and
// what signed-in partners computed is never read by the public. On both engines.
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../../test/support/app.js';
import { TEST_ENGINES } from '../../test/support/databases.js';
import { ANONYMOUS_ACTOR, asActor } from '../access/context.js';
import { activities, importActivities } from '../activities/index.js';
import { organisations } from '../partners/schema.js';
import { rowsOf } from '../platform/db.js';
import { KEEP_QUERIES } from './findings-store.js';
import { coverageNeeds } from './schema.js';
import type { Finding, PagedFindings } from './schemas.js';

const PERIOD = 'from=2026-01-01&to=2026-12-31';
const COLUMNS = [
  'identifier',
  'title',
  'lead_organisation',
  'activity_type',
  'forms_of_exploitation',
  'target_groups',
  'chain_stage',
  'origin_countries',
  'destination_countries',
  'planned_start',
  'planned_end',
  'published',
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string>>;
const YEAR = { planned_start: '2026-01-01', planned_end: '2026-12-31', published: 'yes' };
const shelter = (identifier: string, lead: string, iso3: string, published = 'yes'): Row => ({
  identifier,
  title: `Shelter ${identifier}`,
  lead_organisation: lead,
  activity_type: 'shelter',
  forms_of_exploitation: 'sexual_exploitation',
  target_groups: 'women',
  origin_countries: iso3,
  ...YEAR,
  published,
});

/** Two unlinked shelters side by side in Malawi and in Zambia; an unpublished pair in Botswana. */
const ROWS: Row[] = [
  shelter('KEPT-MWI-1', 'Lake Shelter (test)', 'MWI'),
  shelter('KEPT-MWI-2', 'River Refuge (test)', 'MWI'),
  shelter('KEPT-ZMB-1', 'Lake Shelter (test)', 'ZMB'),
  shelter('KEPT-ZMB-2', 'River Refuge (test)', 'ZMB'),
  shelter('KEPT-BWA-1', 'Lake Shelter (test)', 'BWA', 'no'),
  shelter('KEPT-BWA-2', 'River Refuge (test)', 'BWA', 'no'),
  {
    identifier: 'KEPT-CORRIDOR',
    title: 'Safe migration counselling',
    lead_organisation: 'Lake Shelter (test)',
    activity_type: 'awareness_campaign',
    target_groups: 'migrants',
    chain_stage: 'supply',
    origin_countries: 'MOZ',
    destination_countries: 'ZAF',
    ...YEAR,
  },
];

const csv = (rows: Row[]) =>
  [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => row[c] ?? '').join(','))].join('\n');

describe.each(TEST_ENGINES)('kept findings on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;

  const page = async (query: string, who: Session | null = coordinator): Promise<PagedFindings> => {
    const reply = await t.as(who, 'GET', `/api/v1/coverage/findings?${PERIOD}&${query}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as PagedFindings;
  };
  const all = async (query = '', who: Session | null = coordinator): Promise<Finding[]> => {
    const data = await page(`limit=10000&${query}`, who);
    return [...data.gaps, ...data.overlaps];
  };
  const computedAt = async () =>
    new Map(
      (
        await rowsOf<{ key: string; at: string }>(
          t.database.db,
          sql`select scope || ' ' || iso3 as key, computed_at::text as at from coverage_findings_entries`,
        )
      ).map((r) => [r.key, r.at]),
    );
  const recomputed = (before: Map<string, string>, after: Map<string, string>) =>
    [...after].filter(([key, at]) => before.get(key) !== at).map(([key]) => key);
  const importRows = (rows: Row[]) =>
    t.database.db.transaction((tx) =>
      importActivities(tx, Readable.from([csv(rows)]), {
        format: 'csv',
        dryRun: false,
        mayWrite: () => true,
        context: { userId: null, via: 'test', at: new Date('2026-01-01T00:00:00Z') },
      }),
    );
  const overlapsIn = (findings: Finding[], iso3: string) =>
    findings.filter((f) => f.rule === 'unlinked_overlap' && f.iso3 === iso3);

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    await t.database.db.insert(organisations).values([
      { name: 'Lake Shelter (test)', acronym: 'LST', actorType: 'ngo' },
      { name: 'River Refuge (test)', acronym: 'RRT', actorType: 'ngo' },
    ]);
    expect((await importRows(ROWS)).problems).toEqual([]);
  });
  afterAll(() => t?.close());

  it('computes nothing again when nothing changed', async () => {
    const first = await all();
    const before = await computedAt();
    expect(before.size).toBeGreaterThan(0);
    expect(await all()).toEqual(first);
    expect(recomputed(before, await computedAt())).toEqual([]);
  });

  it('computes again only the countries a changed activity names, and answers with the change', async () => {
    expect(overlapsIn(await all(), 'MWI')).toHaveLength(1);
    const before = await computedAt();
    await t.database.db
      .update(activities)
      .set({ activityType: 'hotline' })
      .where(eq(activities.identifier, 'KEPT-MWI-2'));
    const after = await all();
    expect(overlapsIn(after, 'MWI')).toEqual([]);
    expect(overlapsIn(after, 'ZMB')).toHaveLength(1);
    expect(recomputed(before, await computedAt())).toEqual(['all MWI']);
  });

  it('sees new work at a corridor’s destination when asked for its origin', async () => {
    const corridorGaps = (findings: Finding[]) =>
      findings.filter((f) => f.rule === 'origin_without_destination' && f.cell.corridor?.origin === 'MOZ');
    expect(corridorGaps(await all('country=MOZ'))).toHaveLength(1);
    expect(corridorGaps(await all())).toHaveLength(1);
    await importRows([
      {
        identifier: 'KEPT-DEMAND',
        title: 'Labour inspections in Johannesburg',
        lead_organisation: 'River Refuge (test)',
        activity_type: 'awareness_campaign',
        target_groups: 'migrants',
        chain_stage: 'demand',
        destination_countries: 'ZAF',
        ...YEAR,
      },
    ]);
    expect(corridorGaps(await all('country=MOZ'))).toEqual([]);
    expect(corridorGaps(await all())).toEqual([]);
  });

  it('computes a country again when its need changes, and all of them when an organisation is renamed', async () => {
    const needGaps = (findings: Finding[]) => findings.filter((f) => f.rule === 'need_uncovered');
    expect(needGaps(await all('country=LSO'))).toEqual([]);
    await t.database.db.insert(coverageNeeds).values({
      iso3: 'LSO',
      pillar: 'protection',
      fromYear: 2026,
      toYear: 2026,
      level: 'high',
      peopleInNeed: 500,
    });
    expect(needGaps(await all('country=LSO'))).toHaveLength(1);
    await all();
    const before = await computedAt();
    await t.database.db
      .update(organisations)
      .set({ name: 'Great Lake Shelter (test)' })
      .where(eq(organisations.acronym, 'LST'));
    const renamed = overlapsIn(await all(), 'ZMB');
    expect(renamed[0]?.explanation).toContain('Great Lake Shelter (test)');
    expect(recomputed(before, await computedAt()).sort()).toEqual(
      [...before.keys()].filter((key) => key.startsWith('all ')).sort(),
    );
  });

  it('pages without losing or repeating a finding, and counts them all', async () => {
    const whole = await page('limit=10000');
    const seen: Finding[] = [];
    for (let offset = 0; offset < whole.totals.gaps; offset += 2)
      seen.push(...(await page(`limit=2&offset=${offset}`)).gaps);
    expect(seen).toEqual(whole.gaps);
    expect(whole.totals).toEqual({ gaps: whole.gaps.length, overlaps: whole.overlaps.length });
    expect((await page('limit=1')).totals).toEqual(whole.totals);
  });

  it('answers the public from what the public may see, and never reads partners’ kept findings to it', async () => {
    expect(overlapsIn(await all(), 'BWA')).toHaveLength(1);
    expect(overlapsIn(await all('', null), 'BWA')).toEqual([]);
    expect(overlapsIn(await all('', null), 'ZMB')).toHaveLength(1);
    const seenByPublic = await asActor(t.database.db, ANONYMOUS_ACTOR, (tx) =>
      rowsOf<{ scope: string }>(tx, sql`select distinct scope from coverage_findings_entries`),
    );
    expect(seenByPublic).toEqual([{ scope: 'published' }]);
  });

  it('refuses a page beyond its limits with a clear error', async () => {
    const reply = await t.as(coordinator, 'GET', `/api/v1/coverage/findings?${PERIOD}&limit=20000`);
    expect(reply.statusCode).toBe(400);
    expect(reply.body).toContain('limit');
  });

  it('lets go of the findings of queries not asked for a while, or beyond the most recently asked', async () => {
    await all('', null);
    const lately = (i: number) => `asked lately ${String(i).padStart(3, '0')}`;
    const fake = async (keys: string[], ageMinutes: (i: number) => number) => {
      for (const [i, key] of keys.entries()) {
        await rowsOf(
          t.database.db,
          sql`insert into coverage_findings_queries (scope, query_key, used_at)
              values ('published', ${key}, now() - make_interval(mins => ${ageMinutes(i)}::int))`,
        );
        await rowsOf(
          t.database.db,
          sql`insert into coverage_findings_entries
                (scope, query_key, iso3, inputs, depends, depends_versions, gap_count, overlap_count)
              values ('published', ${key}, 'MWI', 'invented', '{MWI}', '{0}', 0, 0)`,
        );
      }
    };
    await fake(['asked long ago'], () => (KEEP_QUERIES.unusedDays + 1) * 24 * 60);
    const recent = Array.from({ length: KEEP_QUERIES.mostRecent }, (_, i) => lately(i));
    await fake(recent, (i) => 10 + i);
    const keys = async () =>
      (
        await rowsOf<{ key: string }>(
          t.database.db,
          sql`select distinct query_key as key from coverage_findings_entries where scope = 'published'`,
        )
      ).map((row) => row.key);
    expect(await keys()).toContain('asked long ago');

    // A change in Malawi makes the next request compute it again, and let go of what nobody asks for.
    await t.database.db
      .update(activities)
      .set({ title: 'Shelter KEPT-MWI-1 (renamed)' })
      .where(eq(activities.identifier, 'KEPT-MWI-1'));
    const answer = await all('', null);
    const left = await keys();
    expect(left).not.toContain('asked long ago');
    expect(left).not.toContain(lately(KEEP_QUERIES.mostRecent - 1));
    expect(left).toContain(lately(0));
    expect(left).toHaveLength(KEEP_QUERIES.mostRecent);
    // The query just asked keeps its findings, and they are the ones answered.
    expect(await all('', null)).toEqual(answer);
    const [{ orphans } = { orphans: -1 }] = await rowsOf<{ orphans: number }>(
      t.database.db,
      sql`select count(*)::int as orphans from coverage_findings_queries q where q.scope = 'published'
            and not exists (select 1 from coverage_findings_entries e
                            where e.scope = q.scope and e.query_key = q.query_key)`,
    );
    expect(orphans).toBe(0);
  });
});
