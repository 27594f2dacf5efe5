// The coverage rules on a planted dataset: every gap and overlap is found, explained, and nothing else.
import { describe, expect, it } from 'vitest';
import { analyseCoverage } from './analysis.js';
import type { AnalysedActivity, AnalysisInput, NeedStatement } from './model.js';

const ORG = {
  a: '00000000-0000-4000-8000-00000000000a',
  b: '00000000-0000-4000-8000-00000000000b',
  c: '00000000-0000-4000-8000-00000000000c',
  d: '00000000-0000-4000-8000-00000000000d',
};
const MECHANISM = '00000000-0000-4000-8000-0000000000aa';
let counter = 0;

function activity(
  overrides: Partial<AnalysedActivity> & Pick<AnalysedActivity, 'leadOrganisationId'>,
): AnalysedActivity {
  counter++;
  const id = `10000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    identifier: `T-${counter}`,
    title: `Activity ${counter}`,
    doerIds: [overrides.leadOrganisationId],
    participantIds: [overrides.leadOrganisationId],
    pillar: 'protection',
    activityType: 'shelter',
    forms: ['sexual_exploitation'],
    targetGroups: ['women'],
    chainStage: null,
    countries: [{ iso3: 'KEN', role: 'destination', places: [] }],
    start: '2026-01-01',
    end: '2026-12-31',
    reached: 100,
    mechanismId: null,
    ...overrides,
  };
}

function input(activities: AnalysedActivity[], extra: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    period: { from: '2026-01-01', to: '2026-12-31' },
    activities,
    organisations: new Map([
      [ORG.a, { name: 'Alpha', actorType: 'ngo' }],
      [ORG.b, { name: 'Beta', actorType: 'ngo' }],
      [ORG.c, { name: 'Gamma', actorType: 'government' }],
      [ORG.d, { name: 'Delta', actorType: 'un_entity' }],
    ]),
    mechanismsOf: new Map(),
    mechanisms: [],
    needs: [],
    scope: {},
    thresholds: { minActivities: 1, minReachedShare: 0.1 },
    ...extra,
  };
}

/** Every pillar present in KEN, so that structural rules stay quiet unless a test wants them. */
function balancedKenya(): AnalysedActivity[] {
  return [
    activity({
      leadOrganisationId: ORG.c,
      pillar: 'prevention',
      activityType: 'awareness_campaign',
      targetGroups: ['general_public'],
      forms: [],
    }),
    activity({
      leadOrganisationId: ORG.c,
      pillar: 'prosecution',
      activityType: 'law_enforcement_training',
      targetGroups: ['police'],
      forms: [],
    }),
    activity({
      leadOrganisationId: ORG.c,
      pillar: 'partnership',
      activityType: 'coordination_mechanism',
      targetGroups: [],
      forms: [],
    }),
    activity({ leadOrganisationId: ORG.a }),
  ];
}

const need = (overrides: Partial<NeedStatement>): NeedStatement => ({
  id: 'need-1',
  origin: 'table',
  iso3: 'KEN',
  pillar: 'protection',
  form: null,
  targetGroup: null,
  level: 'high',
  peopleInNeed: null,
  source: 'the need table',
  ...overrides,
});

describe('coverage analysis', () => {
  it('finds nothing in a balanced country without need or parallel work', () => {
    const { findings } = analyseCoverage(input(balancedKenya()));
    expect(findings.gaps).toEqual([]);
    expect(findings.overlaps).toEqual([]);
  });

  it('finds need that no activity covers, and says which need and from where', () => {
    const { findings } = analyseCoverage(
      input(balancedKenya(), {
        needs: [need({ form: 'forced_labour', targetGroup: 'men', peopleInNeed: 120 })],
      }),
    );
    expect(findings.gaps).toHaveLength(1);
    const [gap] = findings.gaps;
    expect(gap).toMatchObject({ rule: 'need_uncovered', severity: 'high', iso3: 'KEN', activityIds: [] });
    expect(gap?.need).toMatchObject({ origin: 'table', peopleInNeed: 120 });
    expect(gap?.explanation).toContain('Rule need_uncovered');
    expect(gap?.explanation).toContain('forced labour');
  });

  it('finds need covered below the threshold of people reached, listing the activities and dates', () => {
    const activities = balancedKenya();
    const { findings } = analyseCoverage(
      input(activities, { needs: [need({ form: 'sexual_exploitation', peopleInNeed: 5000 })] }),
    );
    expect(findings.gaps.map((g) => g.rule)).toEqual(['need_under_covered']);
    expect(findings.gaps[0]?.activityIds).toEqual([activities[3]?.id]);
    expect(findings.gaps[0]?.explanation).toMatch(/reached 100 people, 2\.0% of 5000/);
    expect(findings.gaps[0]?.explanation).toContain('2026-01-01 – 2026-12-31');
  });

  it('counts an activity for children as covering a need for girls, and one naming no form as covering any form', () => {
    const activities = [
      ...balancedKenya(),
      activity({ leadOrganisationId: ORG.b, targetGroups: ['children'], forms: [] }),
    ];
    const { findings } = analyseCoverage(
      input(activities, { needs: [need({ targetGroup: 'girls', form: 'forced_begging' })] }),
    );
    expect(findings.gaps).toEqual([]);
  });

  it('finds a missing pillar, and protection without prosecution once (not also as a missing pillar)', () => {
    const activities = [
      activity({ leadOrganisationId: ORG.a, countries: [{ iso3: 'TZA', role: 'origin', places: [] }] }),
      activity({
        leadOrganisationId: ORG.a,
        pillar: 'prevention',
        activityType: 'awareness_campaign',
        countries: [{ iso3: 'TZA', role: 'origin', places: [] }],
      }),
      activity({
        leadOrganisationId: ORG.a,
        pillar: 'partnership',
        activityType: 'research_and_data',
        countries: [{ iso3: 'TZA', role: 'origin', places: [] }],
      }),
    ];
    const { findings } = analyseCoverage(input(activities));
    expect(findings.gaps.map((g) => [g.rule, g.iso3, g.cell.pillar])).toEqual([
      ['protection_without_prosecution', 'TZA', 'prosecution'],
    ]);
    expect(findings.gaps[0]?.activityIds).toEqual([activities[0]?.id]);
    const noPrevention = analyseCoverage(
      input(activities.slice(0, 1).concat(activities.slice(2)), { scope: { pillar: undefined } }),
    );
    expect(noPrevention.findings.gaps.map((g) => g.rule).sort()).toEqual([
      'pillar_absent',
      'protection_without_prosecution',
    ]);
  });

  it('finds a corridor worked only at the origin, and not once destination-side work exists', () => {
    const briefing = activity({
      leadOrganisationId: ORG.b,
      pillar: 'prevention',
      activityType: 'pre_departure_briefing',
      chainStage: 'supply',
      countries: [
        { iso3: 'KEN', role: 'origin', places: [] },
        { iso3: 'SAU', role: 'destination', places: [] },
      ],
    });
    const base = balancedKenya();
    const withoutDestination = analyseCoverage(
      input([...base, briefing], { scope: { pillar: 'prevention' } }),
    );
    const corridor = withoutDestination.findings.gaps.filter((g) => g.rule === 'origin_without_destination');
    expect(corridor).toHaveLength(1);
    expect(corridor[0]?.cell.corridor).toEqual({ origin: 'KEN', destination: 'SAU' });
    expect(corridor[0]?.explanation).toContain('KEN → SAU');
    const shelterAtDestination = activity({
      leadOrganisationId: ORG.d,
      chainStage: 'demand',
      countries: [{ iso3: 'SAU', role: 'destination', places: [] }],
    });
    const covered = analyseCoverage(
      input([...base, briefing, shelterAtDestination], { scope: { pillar: 'prevention' } }),
    );
    expect(covered.findings.gaps.filter((g) => g.rule === 'origin_without_destination')).toEqual([]);
  });

  it('finds organisations doing the same thing in the same place at the same time, and explains the dates', () => {
    const first = activity({
      leadOrganisationId: ORG.a,
      countries: [{ iso3: 'KEN', role: 'destination', places: ['Nairobi'] }],
      start: '2026-01-01',
      end: '2026-06-30',
    });
    const second = activity({
      leadOrganisationId: ORG.b,
      countries: [{ iso3: 'KEN', role: 'destination', places: ['Nairobi', 'Kisumu'] }],
      start: '2026-03-01',
      end: '2026-12-31',
    });
    const { findings } = analyseCoverage(input([...balancedKenya().slice(0, 3), first, second]));
    expect(findings.overlaps).toHaveLength(1);
    const [overlap] = findings.overlaps;
    expect(overlap).toMatchObject({
      rule: 'unlinked_overlap',
      iso3: 'KEN',
      period: { from: '2026-03-01', to: '2026-06-30' },
    });
    expect(overlap?.activityIds.sort()).toEqual([first.id, second.id].sort());
    expect(overlap?.cell).toMatchObject({
      activityType: 'shelter',
      targetGroups: ['women'],
      forms: ['sexual_exploitation'],
    });
    expect(overlap?.explanation).toContain('from 2026-03-01 to 2026-06-30');
    expect(overlap?.explanation).toContain('Alpha');
    expect(overlap?.explanation).toContain('Beta');
  });

  it('does not call it an overlap when dates, places, groups or forms differ, or the lead is the same', () => {
    const base = balancedKenya().slice(0, 3);
    const a = activity({
      leadOrganisationId: ORG.a,
      countries: [{ iso3: 'KEN', role: 'destination', places: ['Nairobi'] }],
    });
    const variants = [
      activity({ leadOrganisationId: ORG.b, start: '2027-01-01', end: '2027-12-31' }),
      activity({
        leadOrganisationId: ORG.b,
        countries: [{ iso3: 'KEN', role: 'destination', places: ['Mombasa'] }],
      }),
      activity({ leadOrganisationId: ORG.b, targetGroups: ['men'] }),
      activity({ leadOrganisationId: ORG.b, forms: ['forced_labour'] }),
      activity({ leadOrganisationId: ORG.a }),
      activity({ leadOrganisationId: ORG.b, activityType: 'counselling' }),
    ];
    for (const other of variants)
      expect(analyseCoverage(input([...base, a, other])).findings.overlaps).toEqual([]);
  });

  it('does not call it an overlap when a mechanism or a joint activity links the organisations', () => {
    const base = balancedKenya().slice(0, 3);
    const a = activity({ leadOrganisationId: ORG.a });
    const b = activity({ leadOrganisationId: ORG.b });
    const sharedMechanism = new Map([
      [ORG.a, new Set([MECHANISM])],
      [ORG.b, new Set([MECHANISM])],
    ]);
    expect(
      analyseCoverage(input([...base, a, b], { mechanismsOf: sharedMechanism })).findings.overlaps,
    ).toEqual([]);
    const joint = activity({
      leadOrganisationId: ORG.a,
      participantIds: [ORG.a, ORG.b],
      activityType: 'research_and_data',
      pillar: 'partnership',
    });
    expect(analyseCoverage(input([...base, a, b, joint])).findings.overlaps).toEqual([]);
    const sameMechanism = [
      { ...a, mechanismId: MECHANISM },
      { ...b, mechanismId: MECHANISM },
    ];
    expect(analyseCoverage(input([...base, ...sameMechanism])).findings.overlaps).toEqual([]);
  });

  it('keeps an overlap when the joint activity or the shared mechanism is in another country', () => {
    const base = balancedKenya().slice(0, 3);
    const a = activity({ leadOrganisationId: ORG.a });
    const b = activity({ leadOrganisationId: ORG.b });
    const jointInUganda = activity({
      leadOrganisationId: ORG.a,
      participantIds: [ORG.a, ORG.b],
      activityType: 'research_and_data',
      pillar: 'partnership',
      countries: [{ iso3: 'UGA', role: 'origin', places: [] }],
    });
    expect(analyseCoverage(input([...base, a, b, jointInUganda])).findings.overlaps).toHaveLength(1);
    const ugandanTaskForce = {
      mechanismsOf: new Map([
        [ORG.a, new Set([MECHANISM])],
        [ORG.b, new Set([MECHANISM])],
      ]),
      mechanisms: [
        { id: MECHANISM, name: 'Task force', kind: 'national_task_force', countries: ['UGA'], members: 2 },
      ],
    };
    expect(analyseCoverage(input([...base, a, b], ugandanTaskForce)).findings.overlaps).toHaveLength(1);
  });

  it('groups three organisations overlapping in one place into one finding', () => {
    const base = balancedKenya().slice(0, 3);
    const overlapping = [ORG.a, ORG.b, ORG.d].map((lead) => activity({ leadOrganisationId: lead }));
    const { findings } = analyseCoverage(input([...base, ...overlapping]));
    expect(findings.overlaps).toHaveLength(1);
    expect(findings.overlaps[0]).toMatchObject({ severity: 'high' });
    expect(findings.overlaps[0]?.organisationIds.sort()).toEqual([ORG.a, ORG.b, ORG.d].sort());
  });

  it('profiles each country: pillar balance, share under a mechanism, partners by type', () => {
    const activities = balancedKenya();
    activities[0] = { ...activities[0]!, mechanismId: MECHANISM };
    const { profiles } = analyseCoverage(
      input(activities, {
        mechanisms: [
          { id: MECHANISM, name: 'Task force', kind: 'national_task_force', countries: ['KEN'], members: 2 },
        ],
      }),
    );
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      iso3: 'KEN',
      activities: 4,
      underMechanismShare: 0.25,
      organisations: 2,
      partnersByActorType: [
        { actorType: 'government', organisations: 1 },
        { actorType: 'ngo', organisations: 1 },
      ],
      mechanisms: [{ name: 'Task force' }],
    });
    expect(profiles[0]?.pillarBalance.find((p) => p.pillar === 'protection')).toEqual({
      pillar: 'protection',
      activities: 1,
      share: 0.25,
    });
  });

  it('gives a finding the same id for the same rule and cell', () => {
    const run = () =>
      analyseCoverage(input(balancedKenya(), { needs: [need({ form: 'organ_removal' })] })).findings.gaps[0]
        ?.id;
    expect(run()).toBe(run());
  });
});
