// Use case: the coverage report for a period and filters — matrix, findings and country profiles, at any number of
// activities: the findings and profiles are read from what is kept per country (findings-store.ts).
import type { Queryable } from '../platform/db.js';
import { findCoverageInDatabase } from './find-in-database.js';
import { type Background, keptFindingsAndProfiles } from './findings-store.js';
import { computeMatrix } from './matrix.js';
import type { NeedSource } from './needs.js';
import type { CountryProfile, CoverageQuery, CoverageReport, Findings } from './schemas.js';
import { countUnclassified } from './unclassified.js';

/**
 * The report lists at most this many findings of each kind, the most severe first, and says how many there are
 * in all: at a million activities there are tens of thousands, which the findings routes page through.
 */
export const REPORT_FINDINGS_LIMIT = 1000;

/** Gaps and overlaps, found by the database: what the findings routes answer at any number of activities. */
export async function getFindings(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
): Promise<Findings> {
  return findCoverageInDatabase(db, query, sources);
}

/** A country's profile, or null when it has no activity in view and no need. */
export async function getCountryProfile(
  db: Queryable,
  query: CoverageQuery,
  iso3: string,
  sources?: readonly NeedSource[],
): Promise<CountryProfile | null> {
  const { profiles } = await keptFindingsAndProfiles(
    db,
    { ...query, country: [iso3] },
    { limit: 0, offset: 0 },
    sources,
  );
  return profiles.find((p) => p.iso3 === iso3) ?? null;
}

/** The report; with `background`, findings that take long to compute are left to it and said to be pending. */
export async function getCoverageReport(
  db: Queryable,
  query: CoverageQuery,
  sources?: readonly NeedSource[],
  background?: Background,
): Promise<CoverageReport> {
  const matrix = await computeMatrix(db, query);
  const { findings, totals, profiles, freshness } = await keptFindingsAndProfiles(
    db,
    query,
    { limit: REPORT_FINDINGS_LIMIT, offset: 0 },
    sources,
    background,
  );
  const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
  const unclassifiedActivities = await countUnclassified(db, query);
  return {
    period: matrix.period,
    filters,
    matrix,
    findings,
    findingTotals: totals,
    profiles,
    freshness,
    unclassifiedActivities,
  };
}
