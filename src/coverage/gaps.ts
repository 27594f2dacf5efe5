// Gaps: need without (enough) coverage, and structural gaps in a country's response. Pure; no I/O.
import { listActivities, makeFinding, nameOf, periodText } from './explain.js';
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

/** Target groups that include others: an activity for children covers a need for girls or boys. */
const WIDER_GROUPS: Record<string, readonly string[]> = { girls: ['children'], boys: ['children'] };

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
  const findings: Finding[] = [];
  for (const need of input.needs) {
    const matching = (activitiesByCountry(input).get(need.iso3) ?? []).filter((a) => covers(a, need));
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
      involved: matching,
    };
    if (matching.length === 0) {
      findings.push(
        makeFinding(input, {
          ...common,
          rule: 'need_uncovered',
          severity: LEVEL_SEVERITY[need.level],
          explanation: `Rule need_uncovered: ${describeNeed(need)}; no activity covers it ${periodText(input.period)}.`,
        }),
      );
      continue;
    }
    const shortfall = underCoverage(matching, need, input.thresholds);
    if (shortfall)
      findings.push(
        makeFinding(input, {
          ...common,
          rule: 'need_under_covered',
          severity: need.level === 'high' ? 'medium' : 'low',
          explanation: `Rule need_under_covered: ${describeNeed(need)}; ${shortfall} ${periodText(input.period)}: ${listActivities(input, matching)}.`,
        }),
      );
  }
  return findings;
}

function underCoverage(
  matching: readonly AnalysedActivity[],
  need: NeedStatement,
  thresholds: AnalysisInput['thresholds'],
): string | null {
  if (matching.length < thresholds.minActivities)
    return `only ${matching.length} ${matching.length === 1 ? 'activity covers' : 'activities cover'} it (the minimum is ${thresholds.minActivities})`;
  const known = matching.filter((a) => a.reached !== null);
  if (need.peopleInNeed && known.length > 0) {
    const reached = known.reduce((sum, a) => sum + (a.reached ?? 0), 0);
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
  const findings: Finding[] = [];
  const pillars = input.scope.pillar ? [input.scope.pillar] : [...PILLARS];
  for (const iso3 of countriesInScope(input)) {
    const here = activitiesByCountry(input).get(iso3) ?? [];
    const byPillar = new Map(pillars.map((p) => [p, here.filter((a) => a.pillar === p)]));
    const protection = byPillar.get('protection') ?? [];
    const isProsecutionMissing =
      byPillar.has('prosecution') && (byPillar.get('prosecution') ?? []).length === 0;
    const showsImbalance = protection.length > 0 && isProsecutionMissing;
    if (showsImbalance)
      findings.push(
        makeFinding(input, {
          rule: 'protection_without_prosecution',
          severity: 'high',
          iso3,
          cell: { pillar: 'prosecution' },
          key: [iso3, input.period.from, input.period.to],
          period: input.period,
          need: null,
          involved: protection,
          explanation: `Rule protection_without_prosecution: in ${iso3}, ${protection.length} protection ${protection.length === 1 ? 'activity runs' : 'activities run'} ${periodText(input.period)} (${listActivities(input, protection, 3)}) but no prosecution activity does.`,
        }),
      );
    for (const [pillar, activities] of byPillar) {
      // The more specific finding above already says that prosecution is missing.
      if (activities.length > 0 || (pillar === 'prosecution' && showsImbalance) || here.length === 0)
        continue;
      const others = [...byPillar]
        .filter(([, list]) => list.length > 0)
        .map(([p, list]) => `${list.length} ${p}`);
      findings.push(
        makeFinding(input, {
          rule: 'pillar_absent',
          severity: pillar === 'partnership' ? 'low' : 'medium',
          iso3,
          cell: { pillar: pillar as Finding['cell']['pillar'] },
          key: [iso3, pillar, input.period.from, input.period.to],
          period: input.period,
          need: null,
          involved: [],
          explanation: `Rule pillar_absent: no ${pillar} activity in ${iso3} ${periodText(input.period)}; the country has ${others.join(', ')} ${here.length === 1 ? 'activity' : 'activities'} in other pillars.`,
        }),
      );
    }
  }
  return findings;
}

type Corridor = { origin: string; destination: string };

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
    const organisations = [...new Set(activities.map((a) => nameOf(input, a.leadOrganisationId)))];
    findings.push(
      makeFinding(input, {
        rule: 'origin_without_destination',
        severity: 'medium',
        iso3: corridor.destination,
        cell: { corridor },
        key: [corridor.origin, corridor.destination, input.period.from, input.period.to],
        period: input.period,
        need: null,
        involved: activities,
        explanation: `Rule origin_without_destination: on the corridor ${corridor.origin} → ${corridor.destination}, ${activities.length} ${activities.length === 1 ? 'activity works' : 'activities work'} on the origin side (${organisations.join(', ')}: ${listActivities(input, activities, 3)}) but no activity works on the destination side in ${corridor.destination} (chain stage demand) ${periodText(input.period)}.`,
      }),
    );
  }
  return findings;
}
