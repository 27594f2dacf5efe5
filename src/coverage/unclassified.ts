// Activities awaiting classification (imported without a counter-trafficking type): counted apart, never in cells.
import { and, sql } from 'drizzle-orm';
import { activityConditions } from '../activities/index.js';
import { type Queryable, rowsOf } from '../platform/db.js';
import type { CoverageQuery } from './schemas.js';

/** How many activities the filters select that the matrix and findings leave out until someone classifies them. */
export async function countUnclassified(db: Queryable, query: Partial<CoverageQuery>): Promise<number> {
  const conditions = [
    ...activityConditions({
      country: query.country,
      targetGroup: query.targetGroup,
      form: query.form,
      organisationId: query.organisationId,
      from: query.from,
      to: query.to,
    }),
    sql`status <> 'cancelled'`,
    sql`needs_classification`,
  ];
  const [row] = await rowsOf<{ count: number }>(
    db,
    sql`select count(*)::int as count from activities where ${and(...conditions)}`,
  );
  return row?.count ?? 0;
}
