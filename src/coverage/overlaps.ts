// Overlaps: organisations doing the same thing for the same people in the same place at the same time,
// without a shared coordination mechanism or a joint activity to link them. Pure; no I/O.
import {
  byStartThenIdentifier,
  compareText as compare,
  datesOf,
  findingOf,
  involvementOf,
  type Names,
  nameOf,
} from './explain.js';
import type { AnalysedActivity, AnalysisInput } from './model.js';
import type { Finding } from './schemas.js';

/** What an overlap finding tells of each activity, whichever engine found it. */
export type OverlapActivity = Pick<
  AnalysedActivity,
  'id' | 'identifier' | 'title' | 'leadOrganisationId' | 'doerIds' | 'pillar' | 'start' | 'end'
>;
/** An activity in one country, with its places there. */
export type OverlapSlot = { activity: OverlapActivity; places: readonly string[] };
/** Two activities that overlap: `a` comes first by start (open start first), then identifier. */
export type OverlapPair = {
  a: OverlapSlot;
  b: OverlapSlot;
  from: string | null;
  to: string | null;
  groups: readonly string[];
  forms: readonly string[];
};

type Slot = { activity: AnalysedActivity; places: readonly string[] };
type Pair = OverlapPair & { a: Slot; b: Slot };

const MIN = '0000-01-01';
const MAX = '9999-12-31';

/** What two activities share of a list; two empty lists ("not said") count as the same. */
function shared(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length === 0 && b.length === 0) return [];
  const common = a.filter((x) => b.includes(x));
  return common.length > 0 ? common : null;
}

/** Same place: one of them works country-wide, or they name a place in common. */
function placesMeet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => x.toLowerCase() === y.toLowerCase()));
}

/**
 * Links that make an overlap coordinated: a shared mechanism, a shared organisation, or a joint activity. Links
 * are local: a joint project in one country, or a task force of another country, coordinates nobody here. That
 * keeps the findings of a country the same whether it is analysed alone or with every other country.
 */
class Links {
  private readonly jointPairs = new Set<string>();
  private readonly mechanismCountries: ReadonlyMap<string, readonly string[]>;

  constructor(private readonly input: AnalysisInput) {
    for (const activity of input.activities) {
      const ids = [...new Set(activity.participantIds)].sort();
      if (ids.length < 2) continue;
      for (const iso3 of new Set(activity.countries.map((c) => c.iso3)))
        for (let i = 0; i < ids.length; i++)
          for (let j = i + 1; j < ids.length; j++) this.jointPairs.add(`${iso3}|${ids[i]}|${ids[j]}`);
    }
    this.mechanismCountries = new Map(input.mechanisms.map((m) => [m.id, m.countries]));
  }

  /** A mechanism that names no countries (or is not known here) is taken to work everywhere. */
  private worksIn(mechanismId: string, iso3: string): boolean {
    const countries = this.mechanismCountries.get(mechanismId);
    return !countries || countries.length === 0 || countries.includes(iso3);
  }

  between(a: AnalysedActivity, b: AnalysedActivity, iso3: string): string | null {
    if (a.mechanismId && a.mechanismId === b.mechanismId) return 'reported under the same mechanism';
    if (a.participantIds.some((id) => b.participantIds.includes(id)))
      return 'an organisation takes part in both';
    const [x, y] = [a.leadOrganisationId, b.leadOrganisationId].sort();
    if (this.jointPairs.has(`${iso3}|${x}|${y}`)) return 'their organisations run a joint activity here';
    const mine = this.input.mechanismsOf.get(a.leadOrganisationId);
    const theirs = this.input.mechanismsOf.get(b.leadOrganisationId);
    if (mine && theirs && [...mine].some((m) => theirs.has(m) && this.worksIn(m, iso3)))
      return 'their organisations share a coordination mechanism working here';
    return null;
  }
}

/** Cheapest tests first: this runs for every pair of activities of a type in a country. */
function overlapOf(a: Slot, b: Slot): Pair | null {
  if (a.activity.leadOrganisationId === b.activity.leadOrganisationId) return null;
  const startA = a.activity.start ?? MIN;
  const startB = b.activity.start ?? MIN;
  const endA = a.activity.end ?? MAX;
  const endB = b.activity.end ?? MAX;
  const from = startA > startB ? startA : startB;
  const to = endA < endB ? endA : endB;
  if (from > to) return null;
  const groups = shared(a.activity.targetGroups, b.activity.targetGroups);
  if (!groups) return null;
  const forms = shared(a.activity.forms, b.activity.forms);
  if (!forms || !placesMeet(a.places, b.places)) return null;
  return { a, b, from: from === MIN ? null : from, to: to === MAX ? null : to, groups, forms };
}

/** One finding per country and activity type for each group of activities linked by unlinked overlaps. */
export function findOverlaps(input: AnalysisInput): Finding[] {
  const links = new Links(input);
  const cells = new Map<string, Slot[]>();
  for (const activity of input.activities) {
    // A country listed in two roles is one place of work.
    const placesIn = new Map<string, string[]>();
    for (const country of activity.countries)
      placesIn.set(country.iso3, [...(placesIn.get(country.iso3) ?? []), ...country.places]);
    for (const [iso3, places] of placesIn) {
      const key = `${iso3}|${activity.activityType}`;
      const slots = cells.get(key);
      if (slots) slots.push({ activity, places });
      else cells.set(key, [{ activity, places }]);
    }
  }
  const wanted = input.scope.countries?.length ? new Set(input.scope.countries) : null;
  const findings: Finding[] = [];
  for (const [key, slots] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
    const [iso3 = '', activityType = ''] = key.split('|');
    if (wanted && !wanted.has(iso3)) continue;
    const pairs = unlinkedPairs(slots, links, iso3);
    for (const group of connectedGroups(pairs))
      findings.push(overlapFinding(input, iso3, activityType, group));
  }
  return findings;
}

/**
 * Two activities can only overlap when they share a target group and a form (or both name none), so each
 * activity goes into one bucket per group × form it names, and pairs are looked for inside buckets only: at a
 * million activities that is tens of thousands of small sweeps instead of every pair of a type in a country.
 */
function unlinkedPairs(slots: Slot[], links: Links, iso3: string): Pair[] {
  const buckets = new Map<string, Slot[]>();
  for (const slot of slots) {
    const groups = slot.activity.targetGroups.length ? slot.activity.targetGroups : [''];
    const forms = slot.activity.forms.length ? slot.activity.forms : [''];
    for (const group of groups)
      for (const form of forms) {
        const key = `${group}|${form}`;
        const bucket = buckets.get(key);
        if (bucket) bucket.push(slot);
        else buckets.set(key, [slot]);
      }
  }
  const pairs: Pair[] = [];
  for (const [key, bucket] of buckets) {
    if (bucket.length < 2) continue;
    // By start, then identifier: which of two is `a` must not depend on the order the activities came in.
    bucket.sort(
      (x, y) =>
        compare(x.activity.start ?? MIN, y.activity.start ?? MIN) ||
        compare(x.activity.identifier, y.activity.identifier),
    );
    for (let i = 0; i < bucket.length; i++) {
      const a = bucket[i] as Slot;
      const endA = a.activity.end ?? MAX;
      for (let j = i + 1; j < bucket.length; j++) {
        const b = bucket[j] as Slot;
        // Sorted by start: once b starts after a ends, no later one overlaps a either.
        if ((b.activity.start ?? MIN) > endA) break;
        const pair = overlapOf(a, b);
        // A pair sharing several groups or forms meets in several buckets: it counts in its first one only.
        if (!pair || firstBucketOf(pair) !== key) continue;
        if (!links.between(a.activity, b.activity, iso3)) pairs.push(pair);
      }
    }
  }
  return pairs;
}

function firstBucketOf(pair: Pair): string {
  const first = (list: readonly string[]) => list.reduce((min, v) => (v < min ? v : min), list[0] ?? '');
  return `${first(pair.groups)}|${first(pair.forms)}`;
}

/** Pairs joined into groups that share an activity (union-find over activity ids). */
export function connectedGroups<P extends OverlapPair>(pairs: P[]): P[][] {
  const parent = new Map<string, string>();
  // Iterative, with the path pointed at the root afterwards: chains of thousands would overflow the stack.
  const find = (id: string): string => {
    let root = id;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    for (let at = id; at !== root; ) {
      const up = parent.get(at) as string;
      parent.set(at, root);
      at = up;
    }
    return root;
  };
  for (const pair of pairs) parent.set(find(pair.a.activity.id), find(pair.b.activity.id));
  const groups = new Map<string, P[]>();
  for (const pair of pairs) {
    const root = find(pair.a.activity.id);
    const group = groups.get(root);
    // Pushed, not copied: a group of a country's whole sector holds tens of thousands of pairs at scale.
    if (group) group.push(pair);
    else groups.set(root, [pair]);
  }
  return [...groups.values()];
}

/** The five pairs a finding describes: the earliest to run together, then by identifiers. */
export function describedPairs<P extends OverlapPair>(pairs: readonly P[]): P[] {
  return [...pairs]
    .sort(
      (x, y) =>
        compare(x.from ?? MIN, y.from ?? MIN) ||
        compare(x.a.activity.identifier, y.a.activity.identifier) ||
        compare(x.b.activity.identifier, y.b.activity.identifier),
    )
    .slice(0, 5);
}

/** One finding for a group of overlapping pairs; its activities, names and dates in an order of their own. */
export function overlapFinding(
  input: Names,
  iso3: string,
  activityType: string,
  pairs: readonly OverlapPair[],
): Finding {
  const activities = [
    ...new Map(pairs.flatMap((p) => [p.a, p.b]).map((s) => [s.activity.id, s])).values(),
  ].sort((x, y) => byStartThenIdentifier(x.activity, y.activity));
  const leads = [...new Set(activities.map((s) => nameOf(input, s.activity.leadOrganisationId)))].sort(
    compare,
  );
  const places = [...new Set(activities.flatMap((s) => s.places))].sort();
  const groups = [...new Set(pairs.flatMap((p) => p.groups))].sort();
  const forms = [...new Set(pairs.flatMap((p) => p.forms))].sort();
  let from = MAX;
  let to = MIN;
  for (const p of pairs) {
    if ((p.from ?? MIN) < from) from = p.from ?? MIN;
    if ((p.to ?? MAX) > to) to = p.to ?? MAX;
  }
  const described = describedPairs(pairs).map(
    (p) =>
      `“${p.a.activity.title}” (${nameOf(input, p.a.activity.leadOrganisationId)}, ${datesOf(p.a.activity)}) and “${p.b.activity.title}” (${nameOf(input, p.b.activity.leadOrganisationId)}, ${datesOf(p.b.activity)}) run together from ${p.from ?? 'an open start'} to ${p.to ?? 'an open end'}`,
  );
  const forWhom = [
    groups.length ? `for ${groups.join(', ')}` : 'for no stated group',
    forms.length ? `against ${forms.join(', ')}` : 'for no stated form',
  ];
  return findingOf({
    rule: 'unlinked_overlap',
    severity: leads.length >= 3 ? 'high' : 'medium',
    iso3,
    cell: {
      activityType: activityType as Finding['cell']['activityType'],
      pillar: (activities[0]?.activity.pillar ?? null) as Finding['cell']['pillar'],
      targetGroups: groups as Finding['cell']['targetGroups'],
      forms: forms as Finding['cell']['forms'],
      places,
    },
    key: [iso3, activityType, ...activities.map((s) => s.activity.id).sort()],
    period: { from: from === MIN ? null : from, to: to === MAX ? null : to },
    need: null,
    involvement: involvementOf(
      input,
      activities.map((s) => s.activity),
    ),
    explanation: `Rule unlinked_overlap: in ${iso3}${places.length ? ` (${places.join(', ')})` : ''}, ${leads.length} organisations (${leads.join(', ')}) run ${activityType.replaceAll('_', ' ')} ${forWhom.join(' ')} at the same time: ${described.join('; ')}${pairs.length > 5 ? `; and ${pairs.length - 5} more pairs` : ''}. They share no coordination mechanism and no joint activity in ${iso3}.`,
  });
}
