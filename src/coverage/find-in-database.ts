// Use case: gaps and overlaps found by the database, for the findings routes at any number of activities. The
// reference engine (analysis.ts over activities loaded into memory) states the same rules; tests hold them equal.

import type { Queryable } from '../platform/db.js';
import { findingOrder } from './analysis.js';
import { findGapsInDatabase } from './gaps-sql.js';
import { inCountries, loadAnalysisContext } from './load.js';
import { coverageConditions } from './matrix.js';
import type { NeedSource } from './needs.js';
import { findOverlapsInDatabase } from './overlaps-sql.js';
import { ruleList } from './rules.js';
import type { CoverageQuery, Findings } from './schemas.js';

export async function findCoverageInDatabase(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<Findings> {
  const context = await loadAnalysisContext(db, query, sources);
  const wanted = query.country?.length ? query.country : null;
  const conditions = [...coverageConditions(query), ...(wanted ? [inCountries(wanted)] : [])];
  const overlaps = await findOverlapsInDatabase(db, context, conditions, wanted);
  const gaps = await findGapsInDatabase(db, query, conditions, context);
  return {
    period: context.period,
    gaps: gaps.sort(findingOrder),
    overlaps: overlaps.sort(findingOrder),
    rules: ruleList(),
    needSources: context.needSources,
  };
}
