// What the coverage rules look at: activities, organisations, memberships and need, loaded once. Pure types.

export type AnalysedActivity = {
  id: string;
  identifier: string;
  title: string;
  leadOrganisationId: string;
  /** Lead and implementing organisations: who does the work. */
  doerIds: readonly string[];
  /** Every registry organisation that takes part in any role (for "joint activity"). */
  participantIds: readonly string[];
  pillar: string;
  activityType: string;
  forms: readonly string[];
  targetGroups: readonly string[];
  chainStage: string | null;
  countries: readonly { iso3: string; role: string; places: readonly string[] }[];
  /** Actual dates when known, planned otherwise; null is open-ended. */
  start: string | null;
  end: string | null;
  reached: number | null;
  mechanismId: string | null;
};

export type NeedStatement = {
  /** Stable id: the need table row's id, or a key built from the statistics row. */
  id: string;
  origin: 'statistics' | 'table';
  iso3: string;
  pillar: string | null;
  form: string | null;
  targetGroup: string | null;
  level: 'low' | 'medium' | 'high';
  peopleInNeed: number | null;
  source: string;
};

export type AnalysisInput = {
  period: { from: string | null; to: string | null };
  activities: readonly AnalysedActivity[];
  organisations: ReadonlyMap<string, { name: string; actorType: string }>;
  /** Current memberships: organisation id → the mechanisms it belongs to. */
  mechanismsOf: ReadonlyMap<string, ReadonlySet<string>>;
  mechanisms: readonly {
    id: string;
    name: string;
    kind: string;
    countries: readonly string[];
    members: number;
  }[];
  needs: readonly NeedStatement[];
  /**
   * Corridors worked on their destination side by activities not loaded (`origin>destination`, or `*>destination`
   * for any origin): a country filter loads its own activities, and the destination ends of its corridors as these.
   */
  corridorsWorkedElsewhere?: readonly string[];
  /** The filters narrow what can be judged: a rule about pillars needs the pillars in view. */
  scope: {
    pillar?: string | undefined;
    activityType?: string | undefined;
    countries?: readonly string[] | undefined;
  };
  thresholds: { minActivities: number; minReachedShare: number };
};

export const PILLARS = ['prevention', 'protection', 'prosecution', 'partnership'] as const;

export function countriesOf(activity: AnalysedActivity): string[] {
  return [...new Set(activity.countries.map((c) => c.iso3))];
}

/** The countries the analysis speaks about: where activities take place or need is recorded, within the filter. */
export function countriesInScope(input: AnalysisInput): string[] {
  const all = new Set<string>();
  for (const activity of input.activities) for (const iso3 of countriesOf(activity)) all.add(iso3);
  for (const need of input.needs) all.add(need.iso3);
  const wanted = input.scope.countries?.length ? new Set(input.scope.countries) : null;
  return [...all].filter((iso3) => !wanted || wanted.has(iso3)).sort();
}

const byCountryCache = new WeakMap<AnalysisInput, ReadonlyMap<string, readonly AnalysedActivity[]>>();

/** The activities that name each country (in any role), built once per analysis. */
export function activitiesByCountry(input: AnalysisInput): ReadonlyMap<string, readonly AnalysedActivity[]> {
  const cached = byCountryCache.get(input);
  if (cached) return cached;
  const index = new Map<string, AnalysedActivity[]>();
  for (const activity of input.activities)
    for (const iso3 of countriesOf(activity)) {
      const list = index.get(iso3);
      if (list) list.push(activity);
      else index.set(iso3, [activity]);
    }
  byCountryCache.set(input, index);
  return index;
}
