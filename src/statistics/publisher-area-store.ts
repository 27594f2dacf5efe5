// Reads the areas a release's publisher defines (its regional codes, joint areas, territories).
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { getRelease } from './resolve.js';
import { statisticPublisherAreas } from './schema.js';
import type { PublisherAreaView } from './schemas.js';

/** The release's publisher areas, by code; a release without any answers an empty list. */
export async function listPublisherAreas(db: Queryable, releaseId: string): Promise<PublisherAreaView[]> {
  await getRelease(db, releaseId);
  const rows = await db
    .select()
    .from(statisticPublisherAreas)
    .where(eq(statisticPublisherAreas.releaseId, releaseId))
    .orderBy(asc(statisticPublisherAreas.code));
  return rows.map((row) => ({
    code: row.code,
    kind: row.kind,
    names: row.names as PublisherAreaView['names'],
    sameAsM49: row.sameAsM49,
    parentM49: row.parentM49,
    members: row.members.map((member) => member.trim()),
    observations: row.observations,
  }));
}

/** The codes a query may name as areas of this release. */
export async function publisherAreaCodes(db: Queryable, releaseId: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: statisticPublisherAreas.code })
    .from(statisticPublisherAreas)
    .where(eq(statisticPublisherAreas.releaseId, releaseId));
  return new Set(rows.map((row) => row.code));
}
