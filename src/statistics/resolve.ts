// Finds what a query names: the release (newest by default), the indicator and dimensions as published.
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { textArray } from '../platform/sql-arrays.js';
import { isKnownIso3, isKnownM49Area } from '../reference/index.js';
import { statisticReleases } from './schema.js';
import type { Release } from './schemas.js';
import { type DimensionKind, dimensionKindOf, TOTAL } from './terms.js';

type ReleaseRow = typeof statisticReleases.$inferSelect;

/** Newest first: by publication date, then by when the release was first imported. */
export const NEWEST_FIRST = [
  sql`${statisticReleases.publishedOn} desc nulls last`,
  desc(statisticReleases.createdAt),
];

export function releaseView(row: ReleaseRow, isDefault: boolean): Release {
  return {
    id: row.id,
    source: row.source,
    label: row.label,
    publisher: row.publisher,
    publishedOn: row.publishedOn,
    isSynthetic: row.isSynthetic,
    isDefault,
    fileName: row.fileName,
    observations: row.observationCount,
    rejected: row.rejectedCount,
    importedAt: row.importedAt.toISOString(),
  };
}

/** Every release, newest first, each marked whether it is its source's default. */
export async function listReleases(db: Queryable, filter: { source?: string | undefined } = {}) {
  const rows = await db
    .select()
    .from(statisticReleases)
    .where(filter.source ? eq(statisticReleases.source, filter.source) : undefined)
    .orderBy(...NEWEST_FIRST);
  const seen = new Set<string>();
  return rows.map((row) => {
    const isDefault = !seen.has(row.source);
    seen.add(row.source);
    return releaseView(row, isDefault);
  });
}

export async function getRelease(db: Queryable, id: string): Promise<Release> {
  const releases = await listReleases(db);
  const found = releases.find((release) => release.id === id);
  if (!found)
    throw new AppError(
      'not_found',
      `No statistics release ${id}; GET /api/v1/statistics/releases lists them.`,
    );
  return found;
}

export type ResolvedIndicator = { release: Release; indicator: string };

/** The release to read and the indicator's exact published name (matched without regard to case). */
export async function resolveIndicator(
  db: Queryable,
  query: { indicator: string; release?: string | undefined; source?: string | undefined },
): Promise<ResolvedIndicator> {
  const releases = (await listReleases(db, { source: query.source })).filter(
    (release) => !query.release || release.id === query.release,
  );
  if (query.release && releases.length === 0) await getRelease(db, query.release);
  const ids = releases.map((release) => release.id);
  if (ids.length > 0) {
    const matches = await rowsOf<{ releaseId: string; indicator: string }>(
      db,
      // The ids as one array parameter: the same statement text however many releases there are.
      sql`select distinct release_id as "releaseId", indicator from statistic_categories
          where release_id = any(${textArray(ids)}::uuid[])
            and lower(indicator) = lower(${query.indicator})`,
    );
    for (const release of releases) {
      const match = matches.find((m) => m.releaseId === release.id);
      if (match) return { release, indicator: match.indicator };
    }
  }
  const known = await rowsOf<{ indicator: string }>(
    db,
    sql`select distinct indicator from statistic_categories order by indicator limit 30`,
  );
  throw new AppError(
    'not_found',
    `No release holds the indicator "${query.indicator}". Indicators as published: ${known.map((k) => k.indicator).join('; ') || 'none imported yet'}.`,
  );
}

export type DimensionInfo = { name: string; kind: DimensionKind };

/** The breakdowns besides sex and age that an indicator has in a release. */
export async function dimensionsOf(
  db: Queryable,
  releaseId: string,
  indicator: string,
): Promise<DimensionInfo[]> {
  const rows = await rowsOf<{ dimension: string }>(
    db,
    sql`select distinct dimension from statistic_categories
        where release_id = ${releaseId} and indicator = ${indicator}
          and dimension not in ('sex', 'age', ${TOTAL}) order by dimension`,
  );
  return rows.map((row) => ({ name: row.dimension, kind: dimensionKindOf(row.dimension) }));
}

/**
 * What a query of the indicator may name besides sex and age, in one round trip: its dimensions (as
 * dimensionsOf) and the codes of the release's publisher areas (as publisherAreaCodes).
 */
export async function namesOfIndicator(
  db: Queryable,
  releaseId: string,
  indicator: string,
): Promise<{ dimensions: DimensionInfo[]; publisherAreaCodes: Set<string> }> {
  const rows = await rowsOf<{ kind: 'dimension' | 'area'; name: string }>(
    db,
    sql`select 'dimension' as kind, dimension as name from (
          select distinct dimension from statistic_categories
          where release_id = ${releaseId} and indicator = ${indicator}
            and dimension not in ('sex', 'age', ${TOTAL})) d
        union all
        select 'area', code from statistic_publisher_areas where release_id = ${releaseId}
        order by kind, name`,
  );
  return {
    dimensions: rows
      .filter((row) => row.kind === 'dimension')
      .map((row) => ({ name: row.name, kind: dimensionKindOf(row.name) })),
    publisherAreaCodes: new Set(rows.filter((row) => row.kind === 'area').map((row) => row.name)),
  };
}

const ALIASES: Record<string, DimensionKind> = {
  form: 'form_of_exploitation',
  form_of_exploitation: 'form_of_exploitation',
  citizenship: 'citizenship',
  nationality: 'citizenship',
  repatriation: 'country_of_repatriation',
  country_of_repatriation: 'country_of_repatriation',
};

/** A dimension named as published (any case) or by alias ("form"); a validation error lists the known ones. */
export function findDimension(known: readonly DimensionInfo[], name: string, field: string): DimensionInfo {
  const lower = name.trim().toLowerCase();
  const exact = known.find((d) => d.name.toLowerCase() === lower);
  if (exact) return exact;
  const kind = ALIASES[lower.replace(/[\s-]+/g, '_')];
  const byKind = kind ? known.filter((d) => d.kind === kind) : [];
  if (byKind.length === 1 && byKind[0]) return byKind[0];
  const names = known.map((d) => `"${d.name}"`).join(', ') || 'none besides sex and age';
  throw new AppError('validation_failed', `This indicator has no dimension "${name}"; it has ${names}.`, [
    { path: field, message: `unknown dimension; known: ${names}`, code: 'unknown_dimension' },
  ]);
}

export type AreaCode = { code: string; kind: 'country' | 'm49' | 'publisher' };

/**
 * ISO3 countries, M49 areas and the publisher's own areas (codes of the release's publisher areas) as a
 * query names them.
 */
export function parseAreas(
  areas: readonly string[] | undefined,
  publisherCodes: ReadonlySet<string> = new Set(),
): AreaCode[] {
  const list = areas && areas.length > 0 ? areas : ['001'];
  return list.map((raw, index) => {
    const code = raw.trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(code) && isKnownIso3(code)) return { code, kind: 'country' as const };
    const padded = /^\d{1,3}$/.test(code) ? code.padStart(3, '0') : code;
    if (isKnownM49Area(padded)) return { code: padded, kind: 'm49' as const };
    if (publisherCodes.has(code)) return { code, kind: 'publisher' as const };
    const others =
      publisherCodes.size > 0 ? `, or one of the publisher's areas (${[...publisherCodes].join(', ')})` : '';
    throw new AppError(
      'validation_failed',
      `"${raw}" is neither an ISO3 country nor a UN M49 area${others ? ' nor an area of this release' : ''}.`,
      [
        {
          path: `querystring.area.${index}`,
          message: `use an ISO3 code (KEN) or an M49 code (002)${others}`,
          code: 'unknown_area',
        },
      ],
    );
  });
}

/** The SQL list of values for an IN (...) clause. */
export function inList(values: readonly string[]): SQL {
  if (values.length === 0) return sql`null`;
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}
