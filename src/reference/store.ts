// SQL for reference data: countries, M49 areas and code lists, each read in one set-based query.
import { asc, count, eq, or, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db.js';
import { codeLists, codes, countries, m49Areas } from './schema.js';
import type { CodeList, CodeListSummary, Country, Labels, M49Area } from './schemas.js';

export type CountryFilter = {
  /** An M49 area code at any level; "001" (the world) or absent for every country. */
  areaCode?: string | undefined;
};

export async function listCountries(db: Queryable, filter: CountryFilter = {}): Promise<Country[]> {
  const area = filter.areaCode;
  const inArea =
    area && area !== '001'
      ? or(
          eq(countries.regionCode, area),
          eq(countries.subregionCode, area),
          eq(countries.intermediateRegionCode, area),
        )
      : undefined;
  return db.select().from(countries).where(inArea).orderBy(asc(countries.iso3));
}

/** A country with the names of its M49 region and sub-region, or undefined when no country has the code. */
export type CountryPlace = Country & { regionNames: Labels | null; subregionNames: Labels | null };

export async function findCountryPlace(db: Queryable, iso3: string): Promise<CountryPlace | undefined> {
  const [row] = await rowsOf<{
    iso3: string;
    iso2: string;
    numeric: string;
    regionCode: string | null;
    subregionCode: string | null;
    intermediateRegionCode: string | null;
    names: Labels;
    regionNames: Labels | null;
    subregionNames: Labels | null;
  }>(
    db,
    sql`select c.iso3, c.iso2, c.numeric, c.region_code as "regionCode", c.subregion_code as "subregionCode",
          c.intermediate_region_code as "intermediateRegionCode", c.names,
          r.names as "regionNames", s.names as "subregionNames"
        from countries c
        left join m49_areas r on r.code = c.region_code
        left join m49_areas s on s.code = c.subregion_code
        where c.iso3 = ${iso3}`,
  );
  return row;
}

/** Areas from the top down: the world, regions, sub-regions, intermediate regions; by code within each. */
export async function listM49Areas(db: Queryable): Promise<M49Area[]> {
  const depth = sql`case ${m49Areas.level} when 'world' then 0 when 'region' then 1
    when 'subregion' then 2 else 3 end`;
  return db.select().from(m49Areas).orderBy(depth, asc(m49Areas.code));
}

export async function listCodeLists(db: Queryable): Promise<CodeListSummary[]> {
  return db
    .select({
      name: codeLists.name,
      version: codeLists.version,
      labels: codeLists.labels,
      description: codeLists.description,
      codeCount: count(codes.code),
    })
    .from(codeLists)
    .leftJoin(codes, eq(codes.listName, codeLists.name))
    .groupBy(codeLists.name)
    .orderBy(asc(codeLists.name));
}

/** One code list with its codes in display order, or undefined when no list has that name. */
export async function findCodeList(db: Queryable, name: string): Promise<CodeList | undefined> {
  const [list] = await db
    .select({
      name: codeLists.name,
      version: codeLists.version,
      labels: codeLists.labels,
      description: codeLists.description,
    })
    .from(codeLists)
    .where(eq(codeLists.name, name));
  if (!list) return undefined;
  const rows = await db
    .select({
      code: codes.code,
      labels: codes.labels,
      parentList: codes.parentList,
      parentCode: codes.parentCode,
      sortOrder: codes.sortOrder,
      isDeprecated: codes.isDeprecated,
    })
    .from(codes)
    .where(eq(codes.listName, name))
    .orderBy(asc(codes.sortOrder), asc(codes.code));
  return { ...list, codes: rows };
}
