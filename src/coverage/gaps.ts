// Gaps: need without (enough) coverage, and structural gaps in a country's response. Pure; no I/O.
import {
  findingOf,
  type Involvement,
  involvementOf,
  listFirst,
  type NamedActivity,
  type Names,
  nameOf,
  periodText,
} from './explain.js';
import {
  type AnalysedActivity,
  type AnalysisInput,
  activitiesByCountry,
  countriesInScope,
  type NeedStatement,
  PILLARS,
} from './model.js';
import type { Finding } from './schemas.js';

const LEVEL_SEVERITY = { high: 'high', medium: 'medium', low: 'low' } as const;

/** A set of activities as a gap rule speaks of it, whichever engine gathered it. */
export type ActivitySet = {
  involvement: Involvement;
  /** The first five in the order the activities come (by identifier), to name them in a sentence. */
  first: readonly NamedActivity[];
  /** People reached, over the activities that report it. */
  reached: { activities: number; people: number };
  /** The lead organisations, in the order their first activity comes. */
  leadIds: readonly string[];
};

export function activitySetOf(input: Names, activities: readonly AnalysedActivity[]): ActivitySet {
  const known = activities.filter((a) => a.reached !== null);
  return {
    involvement: involvementOf(input, activities),
    first: activities.slice(0, 5),
    reached: { activities: known.length, people: known.reduce((sum, a) => sum + (a.reached ?? 0), 0) },
    leadIds: [...new Set(activities.map((a) => a.leadOrganisationId))],
  };
}

type GapContext = Names & Pick<AnalysisInput, 'period' | 'thresholds'>;

/** Target groups that include others: an activity for children covers a need for girls or boys. */
export const WIDER_GROUPS: Record<string, readonly string[]> = { girls: ['children'], boys: ['children'] };

/** Whether the activity answers the need: same country, and pillar, form and group where the need names them. */
export function covers(activity: AnalysedActivity, need: NeedStatement): boolean {
  if (!activity.countries.some((c) => c.iso3 === need.iso3)) return false;
  if (need.pillar && activity.pillar !== need.pillar) return false;
  // An activity that names no form or group works for all of them; "mixed" covers every form.
  if (
    need.form &&
    activity.forms.length > 0 &&
    !activity.forms.includes(need.form) &&
    !activity.forms.includes('mixed')
  )
    return false;
  if (need.targetGroup && activity.targetGroups.length > 0) {
    const accepted = [need.targetGroup, ...(WIDER_GROUPS[need.targetGroup] ?? [])];
    if (!activity.targetGroups.some((g) => accepted.includes(g))) return false;
  }
  return true;
}

function describeNeed(need: NeedStatement): string {
  const narrowed = [
    need.pillar && `${need.pillar}`,
    need.form && `${need.form.replaceAll('_', ' ')}`,
    need.targetGroup && `for ${need.targetGroup.replaceAll('_', ' ')}`,
  ].filter(Boolean);
  const people = need.peopleInNeed === null ? '' : `, ${need.peopleInNeed} people`;
  return `${need.level} need in ${need.iso3}${narrowed.length ? ` (${narrowed.join(', ')})` : ''}${people}, from ${need.source}`;
}

/** Each need statement checked against the activities that answer it. */
export function findNeedGaps(input: AnalysisInput): Finding[] {
  return input.needs.flatMap((need) => {
    const matching = (activitiesByCountry(input).get(need.iso3) ?? []).filter((a) => covers(a, need));
    return needGapFinding(input, need, activitySetOf(input, matching)) ?? [];
  });
}

/** The finding for a need and the activities that cover it, if they fall short. */
export function needGapFinding(
  input: GapContext,
  need: NeedStatement,
  matching: ActivitySet,
): Finding | null {
  const cell = {
    pillar: need.pillar as Finding['cell']['pillar'],
    forms: need.form ? [need.form as Finding['cell']['forms'][number]] : [],
    targetGroups: need.targetGroup ? [need.targetGroup as Finding['cell']['targetGroups'][number]] : [],
  };
  const common = {
    iso3: need.iso3,
    cell,
    key: [need.id, input.period.from, input.period.to],
    period: input.period,
    need: { source: need.source, origin: need.origin, level: need.level, peopleInNeed: need.peopleInNeed },
    involvement: matching.involvement,
  };
  const count = matching.involvement.count;
  if (count === 0)
    return findingOf({
      ...common,
      rule: 'need_uncovered',
      severity: LEVEL_SEVERITY[need.level],
      explanation: `Rule need_uncovered: ${describeNeed(need)}; no activity covers it ${periodText(input.period)}.`,
    });
  const shortfall = underCoverage(matching, need, input.thresholds);
  if (!shortfall) return null;
  return findingOf({
    ...common,
    rule: 'need_under_covered',
    severity: need.level === 'high' ? 'medium' : 'low',
    explanation: `Rule need_under_covered: ${describeNeed(need)}; ${shortfall} ${periodText(input.period)}: ${listFirst(input, matching.first, count)}.`,
  });
}

function underCoverage(
  matching: ActivitySet,
  need: NeedStatement,
  thresholds: AnalysisInput['thresholds'],
): string | null {
  const count = matching.involvement.count;
  if (count < thresholds.minActivities)
    return `only ${count} ${count === 1 ? 'activity covers' : 'activities cover'} it (the minimum is ${thresholds.minActivities})`;
  if (need.peopleInNeed && matching.reached.activities > 0) {
    const reached = matching.reached.people;
    const share = reached / need.peopleInNeed;
    if (share < thresholds.minReachedShare)
      return `the activities reached ${reached} people, ${(share * 100).toFixed(1)}% of ${need.peopleInNeed} (the minimum is ${(thresholds.minReachedShare * 100).toFixed(0)}%)`;
  }
  return null;
}

/** Pillars missing in a country, protection without prosecution, and corridors worked from one end only. */
export function findStructuralGaps(input: AnalysisInput): Finding[] {
  if (input.scope.activityType) return findCorridorGaps(input);
  return [...findPillarGaps(input), ...findCorridorGaps(input)];
}

function findPillarGaps(input: AnalysisInput): Finding[] {
  const pillars = input.scope.pillar ? [input.scope.pillar] : [...PILLARS];
  return countriesInScope(input).flatMap((iso3) => {
    const here = activitiesByCountry(input).get(iso3) ?? [];
    const counts = new Map(pillars.map((p) => [p, here.filter((a) => a.pillar === p).length]));
    return pillarGapFindings(input, iso3, counts, here.length, () =>
      activitySetOf(
        input,
        here.filter((a) => a.pillar === 'protection'),
      ),
    );
  });
}

/**
 * The pillar gaps of a country from its activities per pillar in view (only the pillars the filter leaves); the
 * protection activities are gathered only when the imbalance finding names them.
 */
export function pillarGapFindings(
  input: GapContext,
  iso3: string,
  counts: ReadonlyMap<string, number>,
  total: number,
  protectionSet: () => ActivitySet,
): Finding[] {
  if (total === 0) return [];
  const findings: Finding[] = [];
  const protection = counts.get('protection') ?? 0;
  const isProsecutionMissing = counts.get('prosecution') === 0;
  const showsImbalance = protection > 0 && isProsecutionMissing;
  if (showsImbalance) {
    const set = protectionSet();
    findings.push(
      findingOf({
        rule: 'protection_without_prosecution',
        severity: 'high',
        iso3,
        cell: { pillar: 'prosecution' },
        key: [iso3, input.period.from, input.period.to],
        period: input.period,
        need: null,
        involvement: set.involvement,
        explanation: `Rule protection_without_prosecution: in ${iso3}, ${protection} protection ${protection === 1 ? 'activity runs' : 'activities run'} ${periodText(input.period)} (${listFirst(input, set.first.slice(0, 3), protection)}) but no prosecution activity does.`,
      }),
    );
  }
  for (const [pillar, count] of counts) {
    // The more specific finding above already says that prosecution is missing.
    if (count > 0 || (pillar === 'prosecution' && showsImbalance)) continue;
    const others = [...counts].filter(([, n]) => n > 0).map(([p, n]) => `${n} ${p}`);
    findings.push(
      findingOf({
        rule: 'pillar_absent',
        severity: pillar === 'partnership' ? 'low' : 'medium',
        iso3,
        cell: { pillar: pillar as Finding['cell']['pillar'] },
        key: [iso3, pillar, input.period.from, input.period.to],
        period: input.period,
        need: null,
        involvement: { count: 0, listed: [], organisationIds: [] },
        explanation: `Rule pillar_absent: no ${pillar} activity in ${iso3} ${periodText(input.period)}; the country has ${others.join(', ')} ${total === 1 ? 'activity' : 'activities'} in other pillars.`,
      }),
    );
  }
  return findings;
}

export type Corridor = { origin: string; destination: string };

function corridorsOf(activity: AnalysedActivity): Corridor[] {
  const origins = activity.countries.filter((c) => c.role === 'origin').map((c) => c.iso3);
  const destinations = activity.countries.filter((c) => c.role === 'destination').map((c) => c.iso3);
  return origins.flatMap((origin) =>
    destinations.filter((d) => d !== origin).map((destination) => ({ origin, destination })),
  );
}

/**
 * The corridors worked at their destination: demand-side work in the destination country, for one origin
 * (`origin>destination`) or for any (`*>destination`). Built once, so each corridor is one look-up instead of a
 * pass over every activity of its destination country.
 */
function corridorsWorkedAtDestination(input: AnalysisInput): Set<string> {
  const worked = new Set<string>(input.corridorsWorkedElsewhere);
  for (const activity of input.activities) {
    if (activity.chainStage !== 'demand') continue;
    const origins = activity.countries.filter((c) => c.role === 'origin').map((c) => c.iso3);
    for (const country of activity.countries) {
      if (country.role !== 'destination') continue;
      if (origins.length === 0) worked.add(`*>${country.iso3}`);
      for (const origin of origins) worked.add(`${origin}>${country.iso3}`);
    }
  }
  return worked;
}

function findCorridorGaps(input: AnalysisInput): Finding[] {
  const originSide = new Map<string, { corridor: Corridor; activities: AnalysedActivity[] }>();
  for (const activity of input.activities) {
    if (activity.chainStage === 'demand' || activity.chainStage === 'transit') continue;
    for (const corridor of corridorsOf(activity)) {
      const key = `${corridor.origin}>${corridor.destination}`;
      const entry = originSide.get(key) ?? { corridor, activities: [] };
      entry.activities.push(activity);
      originSide.set(key, entry);
    }
  }
  const wanted = input.scope.countries?.length ? new Set(input.scope.countries) : null;
  const workedAtDestination = corridorsWorkedAtDestination(input);
  const findings: Finding[] = [];
  for (const { corridor, activities } of [...originSide.values()].sort((a, b) =>
    `${a.corridor.origin}${a.corridor.destination}`.localeCompare(
      `${b.corridor.origin}${b.corridor.destination}`,
    ),
  )) {
    if (wanted && !wanted.has(corridor.origin) && !wanted.has(corridor.destination)) continue;
    if (
      workedAtDestination.has(`*>${corridor.destination}`) ||
      workedAtDestination.has(`${corridor.origin}>${corridor.destination}`)
    )
      continue;
    findings.push(corridorGapFinding(input, corridor, activitySetOf(input, activities)));
  }
  return findings;
}

/** A corridor worked on its origin side by `origin`, and on its destination side by nobody. */
export function corridorGapFinding(input: GapContext, corridor: Corridor, originSide: ActivitySet): Finding {
  const organisations = [...new Set(originSide.leadIds.map((id) => nameOf(input, id)))];
  const count = originSide.involvement.count;
  return findingOf({
    rule: 'origin_without_destination',
    severity: 'medium',
    iso3: corridor.destination,
    cell: { corridor },
    key: [corridor.origin, corridor.destination, input.period.from, input.period.to],
    period: input.period,
    need: null,
    involvement: originSide.involvement,
    explanation: `Rule origin_without_destination: on the corridor ${corridor.origin} → ${corridor.destination}, ${count} ${count === 1 ? 'activity works' : 'activities work'} on the origin side (${organisations.join(', ')}: ${listFirst(input, originSide.first.slice(0, 3), count)}) but no activity works on the destination side in ${corridor.destination} (chain stage demand) ${periodText(input.period)}.`,
  });
}
