// Readable identifiers for activities entered without one: lead organisation's acronym, year, number (SHSN-2026-0007).
import { eq, like, sql } from 'drizzle-orm';
import { organisations } from '../partners/index.js';
import { type Queryable, rowsOf } from '../platform/db.js';
import { activities } from './schema.js';

/** Letters and digits of the acronym, else the initials of the name; "ORG" when neither has Latin letters. */
export function identifierPrefixOf(organisation: { name: string; acronym: string | null }): string {
  const clean = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase();
  const fromAcronym = clean(organisation.acronym ?? '');
  if (fromAcronym) return fromAcronym.slice(0, 12);
  const initials = clean(
    organisation.name
      .split(/\s+/)
      .map((word) => word.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '')[0] ?? '')
      .join(''),
  );
  return initials ? initials.slice(0, 12) : 'ORG';
}

/** The next number after the highest one already used with this prefix, four digits at least. */
export function nextIdentifier(prefix: string, taken: readonly string[]): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  const highest = taken.reduce((max, identifier) => {
    const match = pattern.exec(identifier);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `${prefix}-${String(highest + 1).padStart(4, '0')}`;
}

/**
 * Locks the prefix for the rest of the transaction, so that two activities created at the same moment
 * get consecutive numbers instead of one of them failing on the unique identifier.
 */
export async function readableIdentifier(db: Queryable, leadOrganisationId: string, year: number) {
  const [organisation] = await db
    .select({ name: organisations.name, acronym: organisations.acronym })
    .from(organisations)
    .where(eq(organisations.id, leadOrganisationId));
  const prefix = `${identifierPrefixOf(organisation ?? { name: '', acronym: null })}-${year}`;
  await rowsOf(db, sql`select pg_advisory_xact_lock(hashtext(${`activity-identifier:${prefix}`}))`);
  const taken = await db
    .select({ identifier: activities.identifier })
    .from(activities)
    .where(like(activities.identifier, `${prefix}-%`));
  return nextIdentifier(
    prefix,
    taken.map((row) => row.identifier),
  );
}
