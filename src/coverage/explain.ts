// Building findings that explain themselves: the activities, their dates and organisations, in words. Pure.
import { createHash } from 'node:crypto';
import type { AnalysedActivity, AnalysisInput } from './model.js';
import type { RuleCode } from './rules.js';
import { RULES } from './rules.js';
import type { Finding } from './schemas.js';

/** At most this many activities are listed in a finding (all are counted in activityIds). */
const LISTED = 50;

export function findingId(rule: RuleCode, key: readonly (string | null | undefined)[]): string {
  return `${rule}:${createHash('sha256')
    .update(key.map((k) => k ?? '').join('|'))
    .digest('hex')
    .slice(0, 16)}`;
}

export function nameOf(input: AnalysisInput, organisationId: string): string {
  return input.organisations.get(organisationId)?.name ?? organisationId;
}

export function datesOf(activity: AnalysedActivity): string {
  return `${activity.start ?? 'open start'} – ${activity.end ?? 'open end'}`;
}

/** "“Title” (Lead, 2026-01-01 – 2026-12-31)" */
export function describeActivity(input: AnalysisInput, activity: AnalysedActivity): string {
  return `“${activity.title}” (${nameOf(input, activity.leadOrganisationId)}, ${datesOf(activity)})`;
}

export function listActivities(
  input: AnalysisInput,
  activities: readonly AnalysedActivity[],
  max = 5,
): string {
  const shown = activities.slice(0, max).map((a) => describeActivity(input, a));
  const more = activities.length - shown.length;
  return more > 0 ? `${shown.join('; ')} and ${more} more` : shown.join('; ');
}

type FindingParts = Omit<
  Finding,
  'id' | 'kind' | 'activityIds' | 'activities' | 'organisationIds' | 'cell'
> & {
  cell: Partial<Finding['cell']>;
  key: readonly (string | null | undefined)[];
  rule: RuleCode;
  involved: readonly AnalysedActivity[];
};

export function makeFinding(input: AnalysisInput, parts: FindingParts): Finding {
  const { key, involved, ...rest } = parts;
  const sorted = [...involved].sort(
    (a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.identifier.localeCompare(b.identifier),
  );
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
    activityIds: sorted.map((a) => a.id),
    activities: sorted.slice(0, LISTED).map((a) => ({
      id: a.id,
      identifier: a.identifier,
      title: a.title,
      leadOrganisationId: a.leadOrganisationId,
      leadOrganisation: nameOf(input, a.leadOrganisationId),
      start: a.start,
      end: a.end,
    })),
    organisationIds: [...new Set(sorted.flatMap((a) => a.doerIds))].sort(),
  };
}

export function periodText(period: AnalysisInput['period']): string {
  if (!period.from && !period.to) return 'at any time';
  return `between ${period.from ?? 'the start'} and ${period.to ?? 'now'}`;
}
