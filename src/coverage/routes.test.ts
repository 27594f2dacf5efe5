// Coverage through the API on the demo dataset: the planted gaps and overlaps are found, explained,
// and the same on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../../test/support/app.js';
import { TEST_ENGINES } from '../../test/support/databases.js';
import { matrixCells } from './compact.js';
import type { CoverageReport, Finding } from './schemas.js';

const PERIOD = 'from=2026-01-01&to=2026-12-31';
const results = new Map<string, unknown>();

/** What must agree across engines: rules, places, activities by identifier, explanations. */
function comparable(report: CoverageReport, identifiers: Map<string, string>) {
  const finding = (f: Finding) => ({
    rule: f.rule,
    severity: f.severity,
    iso3: f.iso3,
    cell: f.cell,
    activities: f.activityIds.map((id) => identifiers.get(id)),
    explanation: f.explanation,
    period: f.period,
  });
  return {
    matrix: report.matrix,
    gaps: report.findings.gaps.map(finding),
    overlaps: report.findings.overlaps.map(finding),
    profiles: report.profiles.map((p) => ({ ...p, mechanisms: p.mechanisms.map((m) => m.name) })),
  };
}

describe.each(TEST_ENGINES)('coverage API on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let report: CoverageReport;
  const identifiers = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    const reply = await t.as(coordinator, 'GET', `/api/v1/coverage?${PERIOD}`);
    expect(reply.statusCode, reply.body).toBe(200);
    report = reply.json().data;
    const list = (await t.as(coordinator, 'GET', '/api/v1/activities?limit=500')).json().data;
    for (const a of list as { id: string; identifier: string }[]) identifiers.set(a.id, a.identifier);
  });
  afterAll(() => t?.close());

  const byRule = (rule: string, iso3?: string) =>
    [...report.findings.gaps, ...report.findings.overlaps].filter(
      (f) => f.rule === rule && (!iso3 || f.iso3 === iso3),
    );
  const idsOf = (f: Finding | undefined) => (f?.activityIds ?? []).map((id) => identifiers.get(id)).sort();

  it('finds the planted overlap in Kampala, and explains organisations and dates', () => {
    const overlaps = report.findings.overlaps;
    const kampala = overlaps.find((f) => f.iso3 === 'UGA' && f.cell.activityType === 'counselling');
    expect(idsOf(kampala)).toEqual(['DEMO-UGA-001', 'DEMO-UGA-002']);
    expect(kampala?.period).toEqual({ from: '2026-05-01', to: '2026-11-30' });
    expect(kampala?.explanation).toContain('Safe Harbour Shelter Network (demo)');
    expect(kampala?.explanation).toContain('Regional Legal Aid Centre (demo)');
    expect(kampala?.explanation).toContain('from 2026-05-01 to 2026-11-30');
  });

  it('reports no overlap for work linked through the national task force', () => {
    expect(report.findings.overlaps.filter((f) => f.cell.activityType === 'awareness_campaign')).toEqual([]);
    expect(report.findings.overlaps).toHaveLength(1);
  });

  it('finds the planted structural gaps', () => {
    expect(idsOf(byRule('protection_without_prosecution', 'TZA')[0])).toEqual(['DEMO-TZA-001']);
    const corridor = byRule('origin_without_destination')[0];
    expect(corridor?.cell.corridor).toEqual({ origin: 'UGA', destination: 'SAU' });
    expect(idsOf(corridor)).toEqual(['DEMO-UGA-003']);
    expect(byRule('protection_without_prosecution', 'KEN')).toEqual([]);
  });

  it('finds need from the need table that no activity covers', () => {
    const men = byRule('need_uncovered', 'KEN').find((f) => f.cell.targetGroups.includes('men'));
    expect(men?.need).toMatchObject({ origin: 'table', level: 'high', peopleInNeed: 120 });
    expect(men?.explanation).toContain('forced labour');
  });

  it('uses official statistics as need where they exist', () => {
    expect(report.findings.needSources).toContain('official statistics');
    const official = [...byRule('need_uncovered'), ...byRule('need_under_covered')].filter(
      (f) => f.need?.origin === 'statistics',
    );
    expect(official.length).toBeGreaterThan(0);
    expect(official[0]?.explanation).toContain('detected victims');
  });

  it('explains every finding with its rule and lists its activities', () => {
    for (const finding of [...report.findings.gaps, ...report.findings.overlaps]) {
      expect(finding.explanation.startsWith(`Rule ${finding.rule}:`)).toBe(true);
      expect(finding.activities.length).toBe(Math.min(finding.activityIds.length, 50));
    }
  });

  it('aggregates the matrix per cell, counting organisations once', () => {
    const cells = matrixCells(report.matrix);
    const cell = cells.find(
      (c) =>
        c.iso3 === 'KEN' &&
        c.activityType === 'law_enforcement_training' &&
        c.targetGroup === 'police' &&
        c.form === 'forced_labour',
    );
    expect(cell).toMatchObject({ activities: 1, organisations: 2, peopleReached: 125 });
    const shelter = cells.find(
      (c) => c.iso3 === 'KEN' && c.activityType === 'shelter' && c.targetGroup === 'women',
    );
    expect(shelter).toMatchObject({ budget: 180000, budgetOtherCurrencies: 0 });
  });

  it('shows the public the analysis of published activities', async () => {
    const reply = await t.as(null, 'GET', `/api/v1/coverage/matrix?${PERIOD}&country=UGA`);
    expect(reply.statusCode).toBe(200);
    expect(new Set(matrixCells(reply.json().data).map((c) => c.iso3))).toEqual(new Set(['UGA']));
  });

  it('gives a country profile and CSV exports', async () => {
    const profile = (await t.as(null, 'GET', `/api/v1/coverage/countries/KEN?${PERIOD}`)).json().data;
    expect(profile).toMatchObject({
      iso3: 'KEN',
      mechanisms: expect.arrayContaining([expect.objectContaining({ kind: 'national_task_force' })]),
    });
    expect(profile.underMechanismShare).toBeGreaterThan(0);
    const matrix = await t.as(null, 'GET', `/api/v1/coverage/matrix.csv?${PERIOD}`);
    expect(matrix.headers['content-type']).toContain('text/csv');
    expect(matrix.body.split('\n')[0]).toBe(
      'iso3,pillar,activity_type,target_group,form_of_exploitation,organisations,activities,people_reached,budget_USD,budget_other_currencies',
    );
    const findings = await t.as(null, 'GET', `/api/v1/coverage/findings.csv?${PERIOD}`);
    expect(findings.body).toContain('unlinked_overlap');
  });

  it('lets coordinators keep the need table, and the analysis follows it', async () => {
    const created = await t.as(coordinator, 'POST', '/api/v1/coverage/needs', {
      iso3: 'TZA',
      pillar: 'prosecution',
      fromYear: 2026,
      toYear: 2026,
      level: 'high',
    });
    expect(created.statusCode, created.body).toBe(201);
    const findings = (
      await t.as(coordinator, 'GET', `/api/v1/coverage/findings?${PERIOD}&country=TZA`)
    ).json().data;
    expect(
      findings.gaps.some((g: Finding) => g.rule === 'need_uncovered' && g.cell.pillar === 'prosecution'),
    ).toBe(true);
    const id = created.json().data.id;
    expect(
      (await t.as(coordinator, 'PATCH', `/api/v1/coverage/needs/${id}`, { level: 'low' })).json().data.level,
    ).toBe('low');
    expect((await t.as(coordinator, 'DELETE', `/api/v1/coverage/needs/${id}`)).statusCode).toBe(204);
    const editor = await t.signInAs(demoEmail('editor'));
    expect(
      (
        await t.as(editor, 'POST', '/api/v1/coverage/needs', {
          iso3: 'TZA',
          fromYear: 2026,
          toYear: 2026,
          level: 'low',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('records what both engines must agree on', () => {
    results.set(engine.name, comparable(report, identifiers));
  });
});

describe('coverage on both engines', () => {
  it.runIf(TEST_ENGINES.length > 1)(
    'gives the same matrix, findings and profiles on PGlite and PostgreSQL',
    () => {
      expect(results.get('postgres')).toEqual(results.get('pglite'));
    },
  );
});
