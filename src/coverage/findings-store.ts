// Use case: the findings routes at a million activities. A country's findings are kept once computed and computed
// again only when what they came from changed: the activities of the countries they depend on (whose versions
// the activities' trigger raises, migration 0037) or anything else (organisations, mechanisms, need, the rules),
// compared by a hash. Asking for every country then reads what is kept, and a change in one country costs the
// computation of that country alone.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { findingOrder, SEVERITY_ORDER } from './analysis.js';
import { findWithDependencies } from './find-in-database.js';
import { type AnalysisContext, loadAnalysisContext } from './load.js';
import type { NeedSource } from './needs.js';
import { type ProfileCounts, profileOf } from './profiles.js';
import { ruleList } from './rules.js';
import type {
  CountryProfile,
  CoverageQuery,
  Finding,
  Findings,
  FindingsQuery,
  PagedFindings,
} from './schemas.js';

/**
 * Raised whenever the rules' code changes what they find for the same inputs: every kept finding is then
 * computed again. The rules' own texts and thresholds are hashed anyway.
 */
export const ENGINE_VERSION = 'coverage-findings-2';

/**
 * How long, and how many, queries keep their findings (migration 0042): those nobody asked for in this many
 * days, and those beyond this many most recently asked in a scope, are let go when findings are next written.
 */
export const KEEP_QUERIES = { unusedDays: 30, mostRecent: 100 };

/** More stale countries than this are computed in one pass over every activity, not one country at a time. */
const ONE_PASS_FROM = 12;

type Kind = 'gap' | 'overlap';
type KeptFinding = { kind: Kind; finding: Finding; home: boolean };
type Entry = {
  id: string;
  iso3: string;
  inputs: string;
  depends: string[];
  dependsVersions: string[];
  profile: CountryProfile | null;
};
type Versions = Map<string, string>;

/** The query as kept answers are filed under it: every filter but the countries and the page. */
export function queryKey(query: CoverageQuery, sources?: readonly NeedSource[]): string {
  const { country: _countries, ...filters } = query;
  const sorted = Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return JSON.stringify({ ...sorted, sources: sources?.map((s) => s.name) ?? null });
}

/** Everything but activities that a country's findings come from, as one hash. */
export function inputsOf(context: AnalysisContext, iso3: string): string {
  const hash = createHash('sha256');
  hash.update(ENGINE_VERSION);
  hash.update(JSON.stringify(ruleList()));
  hash.update(JSON.stringify([...context.organisations].sort(([a], [b]) => a.localeCompare(b))));
  hash.update(
    JSON.stringify(
      [...context.mechanismsOf]
        .map(([org, mechanisms]) => [org, [...mechanisms].sort()] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
  hash.update(JSON.stringify([...context.mechanisms].sort((a, b) => a.id.localeCompare(b.id))));
  hash.update(JSON.stringify(context.needs.filter((n) => n.iso3 === iso3)));
  hash.update(JSON.stringify(context.needSources));
  return hash.digest('base64url');
}

/** One page of the findings for a query, computing again only the countries whose inputs changed. */
export async function findCoverageKept(
  db: Queryable,
  query: FindingsQuery,
  sources?: readonly NeedSource[],
  background?: Background,
): Promise<PagedFindings> {
  const { limit, offset, ...coverage } = query;
  const kept = await keptFindingsAndProfiles(db, coverage, { limit, offset }, sources, background);
  return { ...kept.findings, totals: kept.totals, page: { limit, offset }, freshness: kept.freshness };
}

/** Every finding for a query (the CSV export), in the order they are answered in. */
export async function allKeptFindings(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<Findings> {
  const { context, entries } = await freshEntries(db, query, sources);
  const ids = entries.map((e) => e.id);
  const home = !query.country?.length;
  const all = async (kind: Kind) => (await readPage(db, ids, kind, home, null, 0)).findings;
  return {
    period: context.period,
    gaps: await all('gap'),
    overlaps: await all('overlap'),
    rules: ruleList(),
    needSources: context.needSources,
  };
}

/**
 * A page of each kind of findings with the totals, and the profile of every country in view, all read from what
 * is kept: the findings routes and the coverage report.
 */
export async function keptFindingsAndProfiles(
  db: Queryable,
  query: CoverageQuery,
  { limit, offset }: { limit: number; offset: number },
  sources?: readonly NeedSource[],
  background?: Background,
): Promise<{
  findings: Findings;
  totals: { gaps: number; overlaps: number };
  profiles: CountryProfile[];
  freshness: Freshness;
}> {
  const { context, entries, freshness } = await freshEntries(db, query, sources, background);
  const ids = entries.map((e) => e.id);
  const home = !query.country?.length;
  const [gaps, overlaps] = [
    await readPage(db, ids, 'gap', home, limit, offset),
    await readPage(db, ids, 'overlap', home, limit, offset),
  ];
  return {
    findings: {
      period: context.period,
      gaps: gaps.findings,
      overlaps: overlaps.findings,
      rules: ruleList(),
      needSources: context.needSources,
    },
    totals: { gaps: gaps.total, overlaps: overlaps.total },
    profiles: entries.flatMap((e) => e.profile ?? []),
    freshness,
  };
}

/**
 * Where findings too long to compute while the reader waits are brought up to date: `inlineActivities` is how many
 * activities the stale countries may hold for them to be computed at once; past it, `schedule` is called (with the
 * caller's scope and query key, to run refreshStaleCountry until nothing is stale) and the reader gets what is kept.
 */
export type Background = { inlineActivities: number; schedule: (scope: string, key: string) => void };

/** What an answer read from kept findings still waits for: both empty when every country is up to date. */
export type Freshness = {
  /** Countries answered with findings computed before their latest changes, being brought up to date. */
  updating: string[];
  /** Countries with no findings kept yet, left out of the answer while they are computed. */
  computing: string[];
};

/** The countries asked for (every country when none is), their kept entries and which of those are stale. */
async function planEntries(db: Queryable, query: CoverageQuery, sources?: readonly NeedSource[]) {
  // The versions are read before anything is computed: a write committed meanwhile leaves its countries stale.
  const versions = await readVersions(db);
  const context = await loadAnalysisContext(db, query, sources);
  const [{ scope } = { scope: 'published' }] = await rowsOf<{ scope: string }>(
    db,
    sql`select coverage_scope() as scope`,
  );
  const key = queryKey(query, sources);
  const countries = query.country?.length
    ? [...new Set(query.country)].sort()
    : [
        ...new Set([
          ...[...versions.keys()].filter((key) => !key.startsWith('demand:')),
          ...context.needs.map((n) => n.iso3),
        ]),
      ].sort();
  const kept = await readEntries(db, scope, key, countries);
  const stale = countries.filter((iso3) => !isFresh(kept.get(iso3), inputsOf(context, iso3), versions));
  return { versions, context, scope, key, countries, kept, stale };
}

/** The kept entries of the countries asked for, each fresh unless bringing them up to date is left to `background`. */
async function freshEntries(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
  background?: Background,
) {
  const { versions, context, scope, key, countries, kept, stale } = await planEntries(db, query, sources);
  await noteUse(db, scope, key);
  const freshness: Freshness = { updating: [], computing: [] };
  if (stale.length > 0 && background && (await activitiesIn(db, stale, background.inlineActivities))) {
    background.schedule(scope, key);
    freshness.updating = stale.filter((iso3) => kept.has(iso3));
    freshness.computing = stale.filter((iso3) => !kept.has(iso3));
  } else if (stale.length > 0) {
    const computed =
      stale.length >= ONE_PASS_FROM
        ? await computeInOnePass(db, query, context, stale)
        : await computeOneByOne(db, query, context, stale);
    for (const iso3 of stale) {
      const result = computed.get(iso3) ?? { findings: [], touched: [], profile: null };
      kept.set(iso3, await writeEntry(db, scope, key, iso3, inputsOf(context, iso3), versions, result));
    }
    await letGoOfUnusedQueries(db, scope);
  }
  return {
    context,
    scope,
    key,
    freshness,
    entries: countries.flatMap((iso3) => kept.get(iso3) ?? []),
  };
}

/** Whether the countries hold more than `limit` activities (counted no further than that). */
async function activitiesIn(db: Queryable, countries: string[], limit: number): Promise<boolean> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from coverage_slots
        where iso3 = any(${`{${countries.join(',')}}`}::text[]) limit ${limit + 1}) s`,
  );
  return Number(row?.n ?? 0) > limit;
}

/**
 * Brings the findings of one stale country up to date (the first in order), for the background: one country a
 * transaction, so that readers are served in between. Returns how many countries are still stale.
 */
export async function refreshStaleCountry(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<number> {
  const { versions, context, scope, key, stale } = await planEntries(db, query, sources);
  const [iso3] = stale;
  if (iso3 === undefined) return 0;
  const computed = await computeOneByOne(db, query, context, [iso3]);
  const result = computed.get(iso3) ?? { findings: [], touched: [], profile: null };
  await writeEntry(db, scope, key, iso3, inputsOf(context, iso3), versions, result);
  if (stale.length === 1) await letGoOfUnusedQueries(db, scope);
  return stale.length - 1;
}

async function readVersions(db: Queryable): Promise<Versions> {
  const rows = await rowsOf<{ iso3: string; version: string }>(
    db,
    sql`select iso3, version::text as version from coverage_country_versions`,
  );
  return new Map(rows.map((r) => [r.iso3, r.version]));
}

async function readEntries(
  db: Queryable,
  scope: string,
  key: string,
  countries: string[],
): Promise<Map<string, Entry>> {
  const rows = await rowsOf<Entry>(
    db,
    sql`select id::text as id, iso3, inputs, depends, depends_versions::text[] as "dependsVersions", profile
        from coverage_findings_entries
        where scope = ${scope} and query_key = ${key} and iso3 = any(${`{${countries.join(',')}}`}::text[])`,
  );
  return new Map(rows.map((r) => [r.iso3, r]));
}

function isFresh(entry: Entry | undefined, inputs: string, versions: Versions): boolean {
  if (!entry || entry.inputs !== inputs) return false;
  return entry.depends.every((iso3, i) => (versions.get(iso3) ?? '0') === entry.dependsVersions[i]);
}

type Computed = { findings: KeptFinding[]; touched: string[]; profile: CountryProfile | null };

/**
 * The findings of each country asked alone: those under it, and the corridor gaps of corridors it is the origin
 * of (kept under their destination, but found when the origin is asked for).
 */
function belongsTo(iso3: string, finding: Finding): boolean {
  return finding.iso3 === iso3 || finding.cell.corridor?.origin === iso3;
}

function keptOf(iso3: string, findings: Findings): KeptFinding[] {
  const of = (kind: Kind, list: Finding[]) =>
    list.filter((f) => belongsTo(iso3, f)).map((finding) => ({ kind, finding, home: finding.iso3 === iso3 }));
  return [...of('gap', findings.gaps), ...of('overlap', findings.overlaps)];
}

/**
 * A country's profile, as the reference engine builds it: for a country with activities in view or need in it,
 * counting the findings under it.
 */
function keptProfile(
  context: AnalysisContext,
  iso3: string,
  counts: ProfileCounts | undefined,
  findings: KeptFinding[],
): CountryProfile | null {
  if (!counts && !context.needs.some((n) => n.iso3 === iso3)) return null;
  const home = (kind: Kind) => findings.filter((f) => f.kind === kind && f.home).length;
  return profileOf(
    context,
    iso3,
    counts ?? { activities: 0, byPillar: new Map(), underMechanism: 0, doerIds: [] },
    { gaps: home('gap'), overlaps: home('overlap') },
  );
}

function computedFor(
  context: AnalysisContext,
  iso3: string,
  found: Awaited<ReturnType<typeof findWithDependencies>>,
): Computed {
  const findings = keptOf(iso3, found.findings);
  return {
    findings,
    touched: found.touched.get(iso3) ?? [],
    profile: keptProfile(context, iso3, found.profiles.get(iso3), findings),
  };
}

function contextFor(context: AnalysisContext, countries: string[]): AnalysisContext {
  const wanted = new Set(countries);
  return {
    ...context,
    needs: context.needs.filter((n) => wanted.has(n.iso3)),
    scope: { ...context.scope, countries },
  };
}

async function computeOneByOne(
  db: Queryable,
  query: CoverageQuery,
  context: AnalysisContext,
  stale: string[],
): Promise<Map<string, Computed>> {
  const computed = new Map<string, Computed>();
  for (const iso3 of stale) {
    const alone = contextFor(context, [iso3]);
    const found = await findWithDependencies(db, { ...query, country: [iso3] }, alone);
    computed.set(iso3, computedFor(alone, iso3, found));
  }
  return computed;
}

/** Many stale countries: one pass over every activity finds what asking each alone finds (a tested property). */
async function computeInOnePass(
  db: Queryable,
  query: CoverageQuery,
  context: AnalysisContext,
  stale: string[],
): Promise<Map<string, Computed>> {
  const { country: _countries, ...everywhere } = query;
  const those = contextFor(context, stale);
  const found = await findWithDependencies(db, everywhere, those);
  return new Map(stale.map((iso3) => [iso3, computedFor(those, iso3, found)]));
}

/** Notes that the query was asked for: at most once an hour, so that reading stays a read. */
async function noteUse(db: Queryable, scope: string, key: string): Promise<void> {
  await rowsOf(
    db,
    sql`insert into coverage_findings_queries (scope, query_key) values (${scope}, ${key})
        on conflict (scope, query_key) do update set used_at = now()
        where coverage_findings_queries.used_at < now() - interval '1 hour'`,
  );
}

/** Lets go of the findings of queries not asked for a while, or beyond the most recently asked ones. */
async function letGoOfUnusedQueries(db: Queryable, scope: string): Promise<void> {
  await rowsOf(
    db,
    sql`with gone as (
          delete from coverage_findings_queries q
          where q.scope = ${scope}
            and (q.used_at < now() - make_interval(days => ${KEEP_QUERIES.unusedDays}::int)
                 or q.query_key in (select r.query_key from coverage_findings_queries r where r.scope = ${scope}
                                    order by r.used_at desc, r.query_key offset ${KEEP_QUERIES.mostRecent}::int))
          returning q.query_key)
        delete from coverage_findings_entries e using gone
        where e.scope = ${scope} and e.query_key = gone.query_key`,
  );
}

async function writeEntry(
  db: Queryable,
  scope: string,
  key: string,
  iso3: string,
  inputs: string,
  versions: Versions,
  computed: Computed,
): Promise<Entry> {
  const depends = [...new Set([iso3, ...computed.touched])].sort();
  const dependsVersions = depends.map((c) => versions.get(c) ?? '0');
  const count = (kind: Kind) => computed.findings.filter((f) => f.kind === kind && f.home).length;
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`insert into coverage_findings_entries
          (scope, query_key, iso3, inputs, depends, depends_versions, gap_count, overlap_count, profile)
        values (${scope}, ${key}, ${iso3}, ${inputs}, ${`{${depends.join(',')}}`}::text[],
          ${`{${dependsVersions.join(',')}}`}::bigint[], ${count('gap')}, ${count('overlap')},
          ${computed.profile === null ? null : JSON.stringify(computed.profile)}::jsonb)
        on conflict (scope, query_key, iso3) do update set inputs = excluded.inputs, depends = excluded.depends,
          depends_versions = excluded.depends_versions, gap_count = excluded.gap_count,
          overlap_count = excluded.overlap_count, profile = excluded.profile, computed_at = now()
        returning id::text as id`,
  );
  const id = row?.id as string;
  await rowsOf(db, sql`delete from coverage_findings_kept where entry_id = ${id}::bigint`);
  if (computed.findings.length > 0) {
    const kept = computed.findings.map((f, position) => [
      f.kind,
      position,
      SEVERITY_ORDER[f.finding.severity],
      f.finding.iso3,
      f.home,
      f.finding,
    ]);
    await rowsOf(
      db,
      sql`insert into coverage_findings_kept (entry_id, kind, position, severity_rank, iso3, home, finding)
          select ${id}::bigint, k->>0, (k->>1)::int, (k->>2)::smallint, k->>3, (k->>4)::boolean, k->5
          from jsonb_array_elements(${JSON.stringify(kept)}::jsonb) k`,
    );
  }
  return { id, iso3, inputs, depends, dependsVersions, profile: computed.profile };
}

/**
 * A page of one kind of findings, in the order they are answered in. For every country, each finding is read
 * from the entry of the country it is under; for some countries, a corridor gap under another country is read
 * from its origin's entry, once even when several entries hold it.
 */
async function readPage(
  db: Queryable,
  entryIds: string[],
  kind: Kind,
  homeOnly: boolean,
  limit: number | null,
  offset: number,
): Promise<{ findings: Finding[]; total: number }> {
  if (entryIds.length === 0) return { findings: [], total: 0 };
  const ids = `{${entryIds.join(',')}}`;
  const rows = await rowsOf<{ total: number; findings: string | null }>(
    db,
    sql`with chosen as ${
      homeOnly
        ? sql`(select k.severity_rank, k.iso3, true as home, k.iso3 as entry_iso3, k.position, k.finding
            from coverage_findings_kept k
            where k.entry_id = any(${ids}::bigint[]) and k.kind = ${kind} and k.home)`
        : sql`(select distinct on (k.finding->>'id') k.severity_rank, k.iso3, k.home, e.iso3 as entry_iso3,
              k.position, k.finding
            from coverage_findings_kept k join coverage_findings_entries e on e.id = k.entry_id
            where k.entry_id = any(${ids}::bigint[]) and k.kind = ${kind}
            order by k.finding->>'id', k.home desc)`
    },
        page as (
          select * from chosen order by severity_rank, iso3 collate "C", home desc, entry_iso3 collate "C", position
          ${limit === null ? sql`` : sql`limit ${limit}`} offset ${offset})
        select (select count(*)::int from chosen) as total,
          (select json_agg(finding order by severity_rank, iso3 collate "C", home desc, entry_iso3 collate "C",
            position)::text from page) as findings`,
  );
  const [row] = rows;
  const findings = JSON.parse(row?.findings ?? '[]') as Finding[];
  return { findings: homeOnly ? findings : findings.sort(findingOrder), total: Number(row?.total ?? 0) };
}
