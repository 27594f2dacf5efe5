// Complaints and referrals naming each agency, counted by the database (intermediary_public_counts), which
// answers 0 for a count under the small-count minimum: the rows themselves are never read for the public,
// and the engine shows what is left only as "at least" a band.
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db.js';
import { DEFAULT_RISK_RULES, monthsBefore, type RiskRules } from '../register/index.js';
import { uuidList } from './read.js';

export type PublicCounts = { complaints: number; referrals: number };

export async function publicCountsOf(
  db: Queryable,
  ids: readonly string[],
  asOf: string,
  rules: Partial<RiskRules> = {},
): Promise<Map<string, PublicCounts>> {
  if (ids.length === 0) return new Map();
  const { windowMonths, minimumShownCount } = { ...DEFAULT_RISK_RULES, ...rules };
  const rows = await rowsOf<{ agency_id: string; complaints: number; referrals: number }>(
    db,
    sql`select agency_id::text, complaints, referrals from intermediary_public_counts(
          ${uuidList(ids)}::uuid[], ${monthsBefore(asOf, windowMonths)}::date, ${asOf}::date,
          ${minimumShownCount}::int)`,
  );
  return new Map(
    rows.map((row) => [row.agency_id, { complaints: row.complaints, referrals: row.referrals }]),
  );
}
