// Findings too long to compute while the reader waits: the reader gets what is kept, told which countries are
// being computed or brought up to date, and the next reader, once the background is done, gets them fresh. Here
// every computation counts as too long (FINDINGS_INLINE_ACTIVITIES=0). On both engines.
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../../test/support/app.js';
import { TEST_ENGINES } from '../../test/support/databases.js';
import { activities, importActivities } from '../activities/index.js';
import { organisations } from '../partners/schema.js';
import type { CoverageReport, Finding, PagedFindings } from './schemas.js';

const PERIOD = 'from=2026-01-01&to=2026-12-31';
const HEADER =
  'identifier,title,lead_organisation,activity_type,target_groups,origin_countries,planned_start,planned_end,published';
const shelter = (identifier: string, lead: string, iso3: string) =>
  `${identifier},Shelter ${identifier},${lead},shelter,women,${iso3},2026-01-01,2026-12-31,yes`;
const REGISTER = [
  HEADER,
  shelter('LATER-MWI-1', 'Lake Shelter (later)', 'MWI'),
  shelter('LATER-MWI-2', 'River Refuge (later)', 'MWI'),
  shelter('LATER-ZMB-1', 'Lake Shelter (later)', 'ZMB'),
  shelter('LATER-ZMB-2', 'River Refuge (later)', 'ZMB'),
].join('\n');

const overlapsIn = (findings: PagedFindings, iso3: string) =>
  findings.overlaps.filter((f: Finding) => f.rule === 'unlinked_overlap' && f.iso3 === iso3);

describe.each(TEST_ENGINES)('findings computed in the background on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  const findings = async (who: Session | null = coordinator): Promise<PagedFindings> => {
    const reply = await t.as(who, 'GET', `/api/v1/coverage/findings?${PERIOD}&limit=500`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json().data as PagedFindings;
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { env: { FINDINGS_INLINE_ACTIVITIES: '0' } });
    coordinator = await t.signInAs(demoEmail('coordinator'));
    await t.database.db.insert(organisations).values([
      { name: 'Lake Shelter (later)', acronym: 'LSL', actorType: 'ngo' },
      { name: 'River Refuge (later)', acronym: 'RRL', actorType: 'ngo' },
    ]);
    const imported = await t.database.db.transaction((tx) =>
      importActivities(tx, Readable.from([REGISTER]), {
        format: 'csv',
        dryRun: false,
        mayWrite: () => true,
        context: { userId: null, via: 'test', at: new Date('2026-01-01T00:00:00Z') },
      }),
    );
    expect(imported.problems).toEqual([]);
  });
  afterAll(() => t?.close());

  it('answers at once, says which countries are still being computed, and has them for the next reader', async () => {
    const first = await findings();
    expect(first.freshness.computing).toEqual(expect.arrayContaining(['MWI', 'ZMB']));
    expect(overlapsIn(first, 'MWI')).toEqual([]);
    await t.app.findingsRefresher.settled();
    const next = await findings();
    expect(next.freshness).toEqual({ updating: [], computing: [] });
    expect(overlapsIn(next, 'MWI')).toHaveLength(1);
    expect(overlapsIn(next, 'ZMB')).toHaveLength(1);
  });

  it('answers what it kept after a change, marked as being brought up to date, then the change', async () => {
    await findings();
    await t.app.findingsRefresher.settled();
    await t.database.db
      .update(activities)
      .set({ activityType: 'hotline' })
      .where(eq(activities.identifier, 'LATER-MWI-2'));
    const during = await findings();
    expect(during.freshness).toEqual({ updating: ['MWI'], computing: [] });
    expect(overlapsIn(during, 'MWI')).toHaveLength(1);
    expect(overlapsIn(during, 'ZMB')).toHaveLength(1);
    await t.app.findingsRefresher.settled();
    const after = await findings();
    expect(after.freshness).toEqual({ updating: [], computing: [] });
    expect(overlapsIn(after, 'MWI')).toEqual([]);
    expect(overlapsIn(after, 'ZMB')).toHaveLength(1);
  });

  it('computes for the public apart, from what the public may see', async () => {
    const first = await findings(null);
    expect(first.freshness.computing.length + first.freshness.updating.length).toBeGreaterThan(0);
    await t.app.findingsRefresher.settled();
    const next = await findings(null);
    expect(next.freshness).toEqual({ updating: [], computing: [] });
    expect(overlapsIn(next, 'ZMB')).toHaveLength(1);
  });

  it('gives the report its profiles once computed, and says meanwhile that they are pending', async () => {
    await t.database.db
      .update(activities)
      .set({ activityType: 'shelter' })
      .where(eq(activities.identifier, 'LATER-MWI-2'));
    const report = async () => {
      const reply = await t.as(coordinator, 'GET', `/api/v1/coverage?${PERIOD}`);
      expect(reply.statusCode, reply.body).toBe(200);
      return reply.json().data as CoverageReport;
    };
    expect((await report()).freshness.updating).toEqual(['MWI']);
    await t.app.findingsRefresher.settled();
    const done = await report();
    expect(done.freshness).toEqual({ updating: [], computing: [] });
    expect(done.profiles.find((p) => p.iso3 === 'MWI')).toMatchObject({ activities: 2, overlaps: 1 });
  });
});
