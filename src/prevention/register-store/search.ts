// The agencies a look-up may be about, found through the indexes: licence numbers as compared, and names
// through trigrams (a name that contains the one asked for, or is spelt alike). A name contained in a longer
// one asked for is found when the two are spelt alike enough; asking whether a stored name lies within the
// question cannot use the index, and would read the whole register on every look-up. The
// database's likeness is only a first sieve, looser than the engine's; the engine then ranks the few
// candidates and decides, so the answer is the same as over the whole register in memory.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db.js';
import { comparableLicenceNumber, comparableName, type LookupQuery } from '../register/index.js';

/** More candidates than this and the name asked for is too common to answer by name anyway. */
export const CANDIDATE_CAP = 500;

/**
 * The sieve's thresholds, for this transaction only. Spelling: the engine's likeness of 0.6 over letter
 * triples (Sørensen–Dice) is about 0.43 in pg_trgm's measure (Jaccard), so 0.4 keeps every name the engine
 * may call similar. Words: a name contained in the other scores 1; 0.8 leaves room for a typing mistake.
 * Looser thresholds would read a large share of a register whose names share words ("Manpower Services").
 */
const SIEVE = { similarity: '0.4', wordSimilarity: '0.8' };

export async function candidateIdsOf(db: Queryable, query: LookupQuery): Promise<string[]> {
  const country = query.country ? sql`and a.country_iso3 = ${query.country}` : sql``;
  const found = new Set<string>();
  const licence = query.licenceNumber ? comparableLicenceNumber(query.licenceNumber) : '';
  if (licence)
    for (const id of await idsOf(
      db,
      sql`select distinct l.agency_id::text as id from intermediary_licences l
          join intermediary_agencies a on a.id = l.agency_id
          where l.number_key = ${licence} ${country} limit ${CANDIDATE_CAP}`,
    ))
      found.add(id);
  const name = query.name ? comparableName(query.name) : '';
  if (name)
    await db.execute(
      sql`select set_config('pg_trgm.similarity_threshold', ${SIEVE.similarity}, true),
               set_config('pg_trgm.word_similarity_threshold', ${SIEVE.wordSimilarity}, true)`,
    );
  if (name)
    for (const id of await idsOf(
      db,
      sql`select n.agency_id::text as id from intermediary_agency_names n
          join intermediary_agencies a on a.id = n.agency_id
          where (n.comparable = ${name} or n.comparable % ${name} or ${name} <% n.comparable) ${country}
          group by n.agency_id
          order by max(greatest(similarity(n.comparable, ${name}), word_similarity(${name}, n.comparable),
                                word_similarity(n.comparable, ${name}))) desc
          limit ${CANDIDATE_CAP}`,
    ))
      found.add(id);
  return [...found];
}

async function idsOf(db: Queryable, query: SQL): Promise<string[]> {
  return (await rowsOf<{ id: string }>(db, query)).map((row) => row.id);
}

/** A page of a country's agencies by name, and how many it has: a look-up by country alone. */
export async function countryPageOf(
  db: Queryable,
  country: string,
  page: { offset: number; limit: number },
): Promise<{ ids: string[]; total: number }> {
  const [counted] = await rowsOf<{ total: number }>(
    db,
    sql`select count(*)::int as total from intermediary_agencies where country_iso3 = ${country}`,
  );
  const ids = await idsOf(
    db,
    sql`select id::text as id from intermediary_agencies where country_iso3 = ${country}
        order by name, id offset ${page.offset} limit ${page.limit}`,
  );
  return { ids, total: counted?.total ?? 0 };
}

export async function isCountryCovered(db: Queryable, country: string): Promise<boolean> {
  const rows = await rowsOf<{ covered: boolean }>(
    db,
    sql`select exists (select 1 from intermediary_agencies where country_iso3 = ${country}) as covered`,
  );
  return rows[0]?.covered === true;
}
