// Loads countries, M49 areas and code lists into the database: an idempotent upsert in the caller's transaction.
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../platform/db.js';
import { textArray } from '../platform/sql-arrays.js';
import { CODE_LISTS, type CodeListFile, codeListFromFile } from './code-list-data.js';
import { buildCountryList, ISO_COUNTRIES_VERSION } from './countries.js';
import { buildM49Areas, CLDR_VERSION } from './m49.js';
import { codeLists, codes, countries, datasetLoads, m49Areas } from './schema.js';

export type ReferenceSeedReport = { countries: number; areas: number; codeLists: number; codes: number };

export const REFERENCE_DATASET_NAME = 'reference';

/** The code lists' own version plus the versions of the packages countries and areas come from. */
export function referenceDatasetVersion(): string {
  const listVersion =
    CODE_LISTS.map((list) => list.version)
      .sort()
      .at(-1) ?? '0';
  return `${listVersion}+iso-countries.${ISO_COUNTRIES_VERSION}+cldr.${CLDR_VERSION}`;
}

/** The proposed value of a column in ON CONFLICT DO UPDATE. */
function excluded(column: PgColumn): SQL {
  return sql.raw(`excluded."${column.name}"`);
}

export async function seedReferenceData(db: Queryable): Promise<ReferenceSeedReport> {
  const areaCount = await upsertAreas(db);
  // Countries refer to areas, so areas go first.
  const countryCount = await upsertCountries(db);
  const codeCount = await upsertCodeLists(db, CODE_LISTS);
  await db
    .insert(datasetLoads)
    .values({ name: REFERENCE_DATASET_NAME, version: referenceDatasetVersion(), isIllustrative: false })
    .onConflictDoUpdate({
      target: datasetLoads.name,
      set: { version: excluded(datasetLoads.version), isIllustrative: false, loadedAt: sql`now()` },
    });
  return { countries: countryCount, areas: areaCount, codeLists: CODE_LISTS.length, codes: codeCount };
}

async function upsertAreas(db: Queryable): Promise<number> {
  const areas = buildM49Areas();
  await db
    .insert(m49Areas)
    .values(areas)
    .onConflictDoUpdate({
      target: m49Areas.code,
      set: {
        level: excluded(m49Areas.level),
        parentCode: excluded(m49Areas.parentCode),
        names: excluded(m49Areas.names),
      },
    });
  return areas.length;
}

async function upsertCountries(db: Queryable): Promise<number> {
  const rows = buildCountryList();
  await db
    .insert(countries)
    .values(rows)
    .onConflictDoUpdate({
      target: countries.iso3,
      set: {
        iso2: excluded(countries.iso2),
        numeric: excluded(countries.numeric),
        regionCode: excluded(countries.regionCode),
        subregionCode: excluded(countries.subregionCode),
        intermediateRegionCode: excluded(countries.intermediateRegionCode),
        names: excluded(countries.names),
      },
    });
  return rows.length;
}

/** Upserts lists and codes; a code that left the data is marked deprecated, never deleted, as records use it. */
async function upsertCodeLists(db: Queryable, lists: readonly CodeListFile[]): Promise<number> {
  await db
    .insert(codeLists)
    .values(lists.map(({ name, version, labels, description }) => ({ name, version, labels, description })))
    .onConflictDoUpdate({
      target: codeLists.name,
      set: {
        version: excluded(codeLists.version),
        labels: excluded(codeLists.labels),
        description: excluded(codeLists.description),
        updatedAt: sql`now()`,
      },
      // Only a real change moves updated_at, so it tells when a list last changed, not when it was seeded.
      setWhere: sql`(${codeLists.version}, ${codeLists.labels}, ${codeLists.description})
        is distinct from (excluded.version, excluded.labels, excluded.description)`,
    });
  const rows = lists.flatMap((file) => {
    const list = codeListFromFile(file);
    return list.codes.map((entry) => ({ ...entry, listName: list.name }));
  });
  await db
    .insert(codes)
    .values(rows)
    .onConflictDoUpdate({
      target: [codes.listName, codes.code],
      set: {
        parentList: excluded(codes.parentList),
        parentCode: excluded(codes.parentCode),
        sortOrder: excluded(codes.sortOrder),
        labels: excluded(codes.labels),
        isDeprecated: false,
      },
    });
  // Two arrays rather than a `(list_name, code) not in ((…), …)` list, which corrupts PGlite's memory
  // once it holds a few hundred pairs.
  await db.execute(
    sql`update ${codes} c set is_deprecated = true
        where not c.is_deprecated and not exists (
          select 1 from unnest(${textArray(rows.map((row) => row.listName))}::text[],
                               ${textArray(rows.map((row) => row.code))}::text[]) as current(list_name, code)
          where current.list_name = c.list_name and current.code = c.code)`,
  );
  return rows.length;
}
