// Collects the publisher-defined areas an import met, counts their figures, and stores them with the release.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db.js';
import { textArray } from '../../platform/sql-arrays.js';
import type { PublisherArea } from '../publisher-areas.js';
import type { PublisherAreaSummary } from '../schemas.js';

export class PublisherAreaTally {
  private readonly areas = new Map<string, { area: PublisherArea; observations: number }>();

  note(area: PublisherArea): void {
    const entry = this.areas.get(area.code);
    if (entry) entry.observations += 1;
    else this.areas.set(area.code, { area, observations: 1 });
  }

  summary(): PublisherAreaSummary[] {
    return [...this.areas.values()]
      .map(({ area, observations }) => ({
        code: area.code,
        name: area.names.en,
        kind: area.kind,
        sameAsM49: area.sameAsM49,
        members: area.members.length,
        observations,
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Replaces the release's publisher areas with those of this import (none is fine). */
  async save(db: Queryable, releaseId: string): Promise<void> {
    await db.execute(sql`delete from statistic_publisher_areas where release_id = ${releaseId}`);
    const entries = [...this.areas.values()];
    if (entries.length === 0) return;
    const column = (pick: (area: PublisherArea) => string | null) =>
      textArray(entries.map(({ area }) => pick(area)));
    await db.execute(sql`
      insert into statistic_publisher_areas
        (release_id, code, kind, names, same_as_m49, parent_m49, members, observations)
      select ${releaseId}::uuid, code, kind, names::jsonb, same_as, parent, members::char(3)[], n
      from unnest(${column((a) => a.code)}::text[], ${column((a) => a.kind)}::text[],
        ${column((a) => JSON.stringify(a.names))}::text[], ${column((a) => a.sameAsM49)}::text[],
        ${column((a) => a.parentM49)}::text[], ${column((a) => textArray(a.members))}::text[],
        ${`{${entries.map((e) => e.observations).join(',')}}`}::int[])
        as t(code, kind, names, same_as, parent, members, n)`);
  }
}
