// Need per country: the table coordinators fill, and official statistics (detected victims) when they exist.
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { detectedVictimsByCountryAndForm } from '../statistics/index.js';
import type { NeedStatement } from './model.js';
import { coverageNeeds } from './schema.js';
import type { Need, NeedQuery, NeedRequest, UpdateNeedRequest } from './schemas.js';

type NeedRow = typeof coverageNeeds.$inferSelect;

export function needView(row: NeedRow): Need {
  return {
    id: row.id,
    iso3: row.iso3,
    pillar: row.pillar as Need['pillar'],
    form: row.form as Need['form'],
    targetGroup: row.targetGroup as Need['targetGroup'],
    fromYear: row.fromYear,
    toYear: row.toYear,
    level: row.level,
    peopleInNeed: row.peopleInNeed,
    source: row.source,
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listNeeds(db: Queryable, query: z.infer<typeof NeedQuery>) {
  const filters: SQL[] = [];
  if (query.country) filters.push(eq(coverageNeeds.iso3, query.country));
  if (query.year)
    filters.push(lte(coverageNeeds.fromYear, query.year), gte(coverageNeeds.toYear, query.year));
  const rows = await db
    .select()
    .from(coverageNeeds)
    .where(and(...filters))
    .orderBy(asc(coverageNeeds.iso3), asc(coverageNeeds.fromYear));
  return rows.map(needView);
}

export async function createNeed(
  db: Queryable,
  input: z.infer<typeof NeedRequest>,
  userId: string | null,
  at: Date,
) {
  const [row] = await db
    .insert(coverageNeeds)
    .values({ ...input, updatedBy: userId, createdAt: at, updatedAt: at })
    .returning();
  if (!row) throw new AppError('internal_error');
  return needView(row);
}

export async function updateNeed(
  db: Queryable,
  id: string,
  input: z.infer<typeof UpdateNeedRequest>,
  userId: string | null,
  at: Date,
) {
  const [current] = await db.select().from(coverageNeeds).where(eq(coverageNeeds.id, id));
  if (!current) throw new AppError('not_found', `No need statement ${id}.`);
  const fromYear = input.fromYear ?? current.fromYear;
  const toYear = input.toYear ?? current.toYear;
  if (fromYear > toYear)
    throw new AppError('validation_failed', 'fromYear is after toYear.', [
      { path: 'body.toYear', message: 'fromYear is after toYear', code: 'inconsistent' },
    ]);
  const [row] = await db
    .update(coverageNeeds)
    .set({ ...input, updatedBy: userId, updatedAt: at })
    .where(eq(coverageNeeds.id, id))
    .returning();
  if (!row) throw new AppError('not_found', `No need statement ${id}.`);
  return needView(row);
}

export async function deleteNeed(db: Queryable, id: string) {
  const removed = await db
    .delete(coverageNeeds)
    .where(eq(coverageNeeds.id, id))
    .returning({ id: coverageNeeds.id });
  if (removed.length === 0) throw new AppError('not_found', `No need statement ${id}.`);
}

/** Where need comes from; more sources (surveys, hotlines) can be added without touching the rules. */
export type NeedSource = {
  name: string;
  needs(
    db: Queryable,
    years: { fromYear: number; toYear: number },
    countries?: readonly string[],
  ): Promise<NeedStatement[]>;
};

export const NEED_TABLE_SOURCE: NeedSource = {
  name: 'need table',
  async needs(db, years, countries) {
    const rows = await db
      .select()
      .from(coverageNeeds)
      .where(and(lte(coverageNeeds.fromYear, years.toYear), gte(coverageNeeds.toYear, years.fromYear)));
    return rows
      .filter((row) => !countries?.length || countries.includes(row.iso3))
      .map((row) => ({
        id: row.id,
        origin: 'table' as const,
        iso3: row.iso3,
        pillar: row.pillar,
        form: row.form,
        targetGroup: row.targetGroup,
        level: row.level,
        peopleInNeed: row.peopleInNeed,
        source: `the need table${row.source ? ` (${row.source})` : ''}`,
      }));
  },
};

/** Statistics lag behind: a period may use figures from up to this many years before it starts. */
export const STATISTICS_LOOKBACK_YEARS = 5;

/**
 * Detected victims by country and form in official statistics, the latest year available in the period or the
 * years just before it: a protection need, high wherever victims were found.
 */
export const STATISTICS_SOURCE: NeedSource = {
  name: 'official statistics',
  async needs(db, years, countries) {
    const rows = await detectedVictimsByCountryAndForm(db, {
      fromYear: years.fromYear - STATISTICS_LOOKBACK_YEARS,
      toYear: years.toYear,
      iso3: countries?.length === 1 ? countries[0] : undefined,
    });
    const latest = new Map<string, { iso3: string; form: string | null; year: number; lower: number }>();
    for (const row of rows) {
      if (countries?.length && !countries.includes(row.iso3)) continue;
      const key = `${row.iso3}|${row.form ?? ''}`;
      const entry = latest.get(key);
      if (!entry || row.year > entry.year)
        latest.set(key, { iso3: row.iso3, form: row.form, year: row.year, lower: row.lower });
      else if (row.year === entry.year) entry.lower += row.lower;
    }
    return [...latest.values()]
      .filter((t) => t.lower > 0)
      .map((t) => ({
        id: `statistics:${t.iso3}:${t.form ?? 'all'}:${t.year}`,
        origin: 'statistics' as const,
        iso3: t.iso3,
        pillar: 'protection',
        form: t.form,
        targetGroup: null,
        level: 'high' as const,
        peopleInNeed: t.lower,
        source: `official statistics (at least ${t.lower} detected victims in ${t.year})`,
      }));
  },
};

/**
 * Need from every source: statistics first; a table statement is kept unless statistics already speak of the
 * same country and form for protection (or for no pillar) with no target group, so that need is not counted twice.
 */
export async function collectNeeds(
  db: Queryable,
  years: { fromYear: number; toYear: number },
  countries: readonly string[] | undefined,
  sources: readonly NeedSource[] = [STATISTICS_SOURCE, NEED_TABLE_SOURCE],
): Promise<{ needs: NeedStatement[]; sources: string[] }> {
  const collected: NeedStatement[] = [];
  const used: string[] = [];
  for (const source of sources) {
    const needs = await source.needs(db, years, countries);
    if (needs.length > 0) used.push(source.name);
    collected.push(...needs);
  }
  const official = new Set(
    collected.filter((n) => n.origin === 'statistics').map((n) => `${n.iso3}|${n.form ?? ''}`),
  );
  const needs = collected.filter(
    (n) =>
      n.origin === 'statistics' ||
      !(
        official.has(`${n.iso3}|${n.form ?? ''}`) &&
        (n.pillar === null || n.pillar === 'protection') &&
        n.targetGroup === null
      ),
  );
  return { needs, sources: used };
}
