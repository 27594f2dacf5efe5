// Use case: gaps and overlaps found by the database, for the findings routes at any number of activities. The
// reference engine (analysis.ts over activities loaded into memory) states the same rules; tests hold them equal.
import { and, type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { findingOrder } from './analysis.js';
import {
  GAP_ANSWERS,
  gapSteps,
  gapsFromAnswers,
  PROFILE_ANSWER,
  profileCountsFromAnswers,
} from './gaps-sql.js';
import { type AnalysisContext, inCountries, loadAnalysisContext } from './load.js';
import { coverageConditions } from './matrix.js';
import type { NeedSource } from './needs.js';
import { OVERLAP_ANSWERS, overlapSteps, overlapsFromAnswers } from './overlaps-sql.js';
import type { ProfileCounts } from './profiles.js';
import { ruleList } from './rules.js';
import type { CoverageQuery, Findings } from './schemas.js';

/** The activities in view, read once for both kinds of findings: reading them costs more than the rules. */
function scoped(conditions: SQL[]): SQL {
  return sql`scoped as materialized (
      select id, identifier, title, lead_organisation_id as lead, pillar, activity_type as type, chain_stage,
        countries, participants, organisation_ids as doers, coordination_mechanism_id as mechanism, forms,
        target_groups as groups, reached_total, coalesce(actual_start, planned_start) as start_on,
        coalesce(actual_end, planned_end) as end_on
      from activities where ${and(...conditions)})`;
}

type Answers = {
  pairs: string | null;
  members: string | null;
  counts: string | null;
  sets: string | null;
  touched: string | null;
  profiles: string | null;
};

/**
 * For each origin country, the demand-side work its findings looked at ('demand:QAT'): the destinations of the
 * corridors of its activities in view, other than demand-side and transit work. Found from the activities the
 * findings read anyway, rather than by reading the country's activities a second time.
 */
const TOUCHED_ANSWER = sql`
      (select coalesce(json_object_agg(origin, touched), '{}')::text from (
        select o->>'iso3' as origin, array_agg(distinct 'demand:' || (d->>'iso3')) as touched
        from scoped a
        cross join lateral jsonb_array_elements(a.countries) o
        cross join lateral jsonb_array_elements(a.countries) d
        where a.chain_stage is distinct from 'demand' and a.chain_stage is distinct from 'transit'
          and o->>'role' = 'origin' and d->>'role' = 'destination' and d->>'iso3' <> o->>'iso3'
        group by 1) t) as touched`;

export async function findCoverageInDatabase(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<Findings> {
  return findWithContext(db, query, await loadAnalysisContext(db, query, sources));
}

/** The findings for a query with its context (organisations, mechanisms, need) already loaded. */
export async function findWithContext(
  db: Queryable,
  query: CoverageQuery,
  context: AnalysisContext,
): Promise<Findings> {
  return (await findWithDependencies(db, query, context)).findings;
}

/**
 * The findings for a query, for each origin country in view the demand-side work they depend on beyond its own
 * activities (what the kept findings are computed again for when it changes), and what the profiles count.
 */
export async function findWithDependencies(
  db: Queryable,
  query: CoverageQuery,
  context: AnalysisContext,
): Promise<{ findings: Findings; touched: Map<string, string[]>; profiles: Map<string, ProfileCounts> }> {
  const wanted = query.country?.length ? query.country : null;
  const conditions = [...coverageConditions(query), ...(wanted ? [inCountries(wanted)] : [])];
  // The planner cannot tell how many rows the steps hold and expects one, then nests loops over thousands
  // (minutes): hash joins cost little either way. Compiling the query for the JIT costs more than running it.
  await rowsOf(
    db,
    sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
      set_config('enable_nestloop', 'off', true)`,
  );
  const [answers] = await rowsOf<Answers>(
    db,
    sql`with ${scoped(conditions)}, ${overlapSteps(wanted)}, ${gapSteps(query, context.needs)}
        select ${OVERLAP_ANSWERS}, ${GAP_ANSWERS}, ${TOUCHED_ANSWER}, ${PROFILE_ANSWER}`,
  );
  const overlaps = await overlapsFromAnswers(db, context, answers);
  const gaps = gapsFromAnswers(query, context, answers);
  const touched = JSON.parse(answers?.touched ?? '{}') as Record<string, string[]>;
  return {
    findings: {
      period: context.period,
      gaps: gaps.sort(findingOrder),
      overlaps: overlaps.sort(findingOrder),
      rules: ruleList(),
      needSources: context.needSources,
    },
    touched: new Map(Object.entries(touched)),
    profiles: profileCountsFromAnswers(answers),
  };
}
