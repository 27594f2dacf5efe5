// Use case: the coverage report for a period and filters — matrix, findings and country profiles.
import type { Queryable } from '../platform/db.js';
import { analyseCoverage } from './analysis.js';
import { findCoverageInDatabase } from './find-in-database.js';
import { loadAnalysisInput } from './load.js';
import { computeMatrix } from './matrix.js';
import type { NeedSource } from './needs.js';
import type { CoverageQuery, CoverageReport, Findings } from './schemas.js';
import { countUnclassified } from './unclassified.js';

/** Gaps and overlaps, found by the database: what the findings routes answer at any number of activities. */
export async function getFindings(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<Findings> {
  return findCoverageInDatabase(db, query, sources);
}

/** Gaps and overlaps, and the country profiles that count them. */
export async function getFindingsAndProfiles(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
) {
  const input = await loadAnalysisInput(db, query, sources);
  const { findings, profiles } = analyseCoverage(input);
  return { findings: { ...findings, needSources: input.needSources } satisfies Findings, profiles };
}

export async function getCoverageReport(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<CoverageReport> {
  const matrix = await computeMatrix(db, query);
  const { findings, profiles } = await getFindingsAndProfiles(db, query, sources);
  const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
  const unclassifiedActivities = await countUnclassified(db, query);
  return { period: matrix.period, filters, matrix, findings, profiles, unclassifiedActivities };
}
