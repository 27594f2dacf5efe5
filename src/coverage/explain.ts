// Building findings that explain themselves: the activities, their dates and organisations, in words. Pure.
import { createHash } from 'node:crypto';
import type { AnalysedActivity, AnalysisInput } from './model.js';
import type { RuleCode } from './rules.js';
import { RULES } from './rules.js';
import type { Finding } from './schemas.js';

/** At most this many activities are listed in a finding, and their ids given; activityCount counts them all. */
export const LISTED = 50;

/** Code-unit order, as the database's "C" collation sorts: the same in every engine and locale. */
export const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export function findingId(rule: RuleCode, key: readonly (string | null | undefined)[]): string {
  return `${rule}:${createHash('sha256')
    .update(key.map((k) => k ?? '').join('|'))
    .digest('hex')
    .slice(0, 16)}`;
}

/** What naming organisations needs: their names. */
export type Names = Pick<AnalysisInput, 'organisations'>;

export function nameOf(input: Names, organisationId: string): string {
  return input.organisations.get(organisationId)?.name ?? organisationId;
}

type Dated = { start: string | null; end: string | null };
/** What a sentence needs to name an activity. */
export type NamedActivity = Dated & { title: string; leadOrganisationId: string };

export function datesOf(activity: Dated): string {
  return `${activity.start ?? 'open start'} – ${activity.end ?? 'open end'}`;
}

/** "“Title” (Lead, 2026-01-01 – 2026-12-31)" */
export function describeActivity(input: Names, activity: NamedActivity): string {
  return `“${activity.title}” (${nameOf(input, activity.leadOrganisationId)}, ${datesOf(activity)})`;
}

export function listActivities(input: Names, activities: readonly NamedActivity[], max = 5): string {
  return listFirst(input, activities.slice(0, max), activities.length);
}

/** The first activities named, and how many more there are of `count`. */
export function listFirst(input: Names, first: readonly NamedActivity[], count: number): string {
  const shown = first.map((a) => describeActivity(input, a));
  const more = count - shown.length;
  return more > 0 ? `${shown.join('; ')} and ${more} more` : shown.join('; ');
}

/** The activities a finding concerns, as both engines hand them over: counted, the first LISTED in order. */
export type Involvement = {
  count: number;
  /** The first LISTED activities by start (open start first), then identifier. */
  listed: readonly Finding['activities'][number][];
  /** Lead and implementing organisations of every activity concerned. */
  organisationIds: readonly string[];
};

type FindingParts = Omit<
  Finding,
  'id' | 'kind' | 'activityIds' | 'activityCount' | 'activities' | 'organisationIds' | 'cell'
> & {
  cell: Partial<Finding['cell']>;
  key: readonly (string | null | undefined)[];
  rule: RuleCode;
};

/** The order of a finding's activities: by start (open start first), then identifier. */
export function byStartThenIdentifier(
  a: { start: string | null; identifier: string },
  b: { start: string | null; identifier: string },
): number {
  return compareText(a.start ?? '', b.start ?? '') || compareText(a.identifier, b.identifier);
}

type Involved = Dated & {
  id: string;
  identifier: string;
  title: string;
  leadOrganisationId: string;
  doerIds: readonly string[];
};

/** What a finding says of activities held in memory (the reference engine). */
export function involvementOf(input: Names, involved: readonly Involved[]): Involvement {
  const sorted = [...involved].sort(byStartThenIdentifier);
  return {
    count: involved.length,
    listed: sorted.slice(0, LISTED).map((a) => ({
      id: a.id,
      identifier: a.identifier,
      title: a.title,
      leadOrganisationId: a.leadOrganisationId,
      leadOrganisation: nameOf(input, a.leadOrganisationId),
      start: a.start,
      end: a.end,
    })),
    organisationIds: [...new Set(involved.flatMap((a) => a.doerIds))].sort(),
  };
}

export function makeFinding(
  input: AnalysisInput,
  parts: FindingParts & { involved: readonly AnalysedActivity[] },
): Finding {
  const { involved, ...rest } = parts;
  return findingOf({ ...rest, involvement: involvementOf(input, involved) });
}

/** A finding from its parts and the activities it concerns, however they were found. */
export function findingOf(parts: FindingParts & { involvement: Involvement }): Finding {
  const { key, involvement, ...rest } = parts;
  return {
    ...rest,
    id: findingId(parts.rule, key),
    kind: RULES[parts.rule].kind,
    cell: {
      pillar: null,
      activityType: null,
      targetGroups: [],
      forms: [],
      places: [],
      corridor: null,
      ...parts.cell,
    } as Finding['cell'],
    activityIds: involvement.listed.map((a) => a.id),
    activityCount: involvement.count,
    activities: [...involvement.listed],
    organisationIds: [...involvement.organisationIds],
  };
}

export function periodText(period: AnalysisInput['period']): string {
  if (!period.from && !period.to) return 'at any time';
  return `between ${period.from ?? 'the start'} and ${period.to ?? 'now'}`;
}
