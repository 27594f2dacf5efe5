// Synthetic official statistics for the demo: invented figures, labelled so in the release, never a publisher's.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db.js';
import { CellRegistry } from './import/cells.js';
import { RollupAccumulator } from './import/rollups.js';
import { finishRelease, openReleaseTable } from './import/run-import.js';
import type { ObservationInput } from './import/types.js';
import { ObservationWriter } from './import/write-observations.js';
import { statisticReleases } from './schema.js';
import { ageCodeOf, formCodeOf, sexCodeOf, TOTAL } from './terms.js';

export const DEMO_STATISTICS_LABEL = 'synthetic demo data 2026.1';
const INDICATOR = 'Detected trafficking victims';
const FORM = 'by form of exploitation';
const PROSECUTED = 'Persons prosecuted';
const CONVICTED = 'Persons convicted';
const COUNTRIES = ['KEN', 'UGA', 'NGA', 'THA', 'PHL', 'ROU', 'MDA', 'BRA'];
const YEARS = [2018, 2019, 2020, 2021, 2022];
const SEXES = ['Female', 'Male'];
const AGES = ['Adult', 'Minor'];
const FORMS = ['Sexual exploitation', 'Forced labour', 'Forced criminal activity', 'Other purposes'];

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Invented counts for one country and year: sex × age × form cells; those under 5 are published as "<5". */
/** Persons prosecuted and convicted by sex, so that the justice chart has figures (convictions lag). */
function addJustice(
  iso3: string,
  year: number,
  next: () => number,
  add: (
    iso3: string,
    year: number,
    sex: string,
    age: string,
    category: string,
    count: number,
    indicator: string,
  ) => void,
) {
  const prosecuted = SEXES.map(() => Math.floor(next() * 40));
  const convicted = prosecuted.map((count) => Math.floor(count * (0.2 + next() * 0.4)));
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  for (const [indicator, values] of [
    [PROSECUTED, prosecuted],
    [CONVICTED, convicted],
  ] as const) {
    add(iso3, year, TOTAL, TOTAL, TOTAL, total(values), indicator);
    for (const [index, sex] of SEXES.entries())
      add(iso3, year, sex, TOTAL, TOTAL, values[index] ?? 0, indicator);
  }
}

export function demoObservations(): ObservationInput[] {
  const next = random(2026);
  const rows: ObservationInput[] = [];
  const add = (
    iso3: string,
    year: number,
    sex: string,
    age: string,
    category: string,
    count: number,
    indicator = INDICATOR,
  ) => {
    const isCensored = count < 5;
    rows.push({
      rowNo: rows.length + 1,
      indicator,
      unit: 'Counts',
      iso3,
      m49: null,
      year,
      sex,
      age,
      dimension: category === TOTAL ? TOTAL : FORM,
      category,
      sexCode: sex === TOTAL ? null : sexCodeOf(sex),
      ageCode: age === TOTAL ? null : ageCodeOf(age),
      categoryCode: category === TOTAL ? null : formCodeOf(category),
      lower: isCensored ? 0 : count,
      upper: isCensored ? 4 : count,
      isCensored,
      valueText: isCensored ? '<5' : String(count),
      source: 'Concerted synthetic demo data (invented figures)',
      note: 'Synthetic: not published by any authority',
    });
  };
  for (const iso3 of COUNTRIES) {
    for (const year of YEARS) {
      const leaves = SEXES.flatMap((sex) =>
        AGES.flatMap((age) =>
          FORMS.map((form) => ({
            sex,
            age,
            form,
            count: Math.floor(next() * (form === 'Other purposes' ? 8 : 60)),
          })),
        ),
      );
      // The full cube, as publishers give it: every cell and every margin (a Total on any axis).
      for (const sex of [TOTAL, ...SEXES]) {
        for (const age of [TOTAL, ...AGES]) {
          for (const form of [TOTAL, ...FORMS]) {
            const matches = (value: string, wanted: string) => wanted === TOTAL || value === wanted;
            const count = leaves
              .filter((leaf) => matches(leaf.sex, sex) && matches(leaf.age, age) && matches(leaf.form, form))
              .reduce((sum, leaf) => sum + leaf.count, 0);
            add(iso3, year, sex, age, form, count);
          }
        }
      }
      addJustice(iso3, year, next, add);
    }
  }
  return rows;
}

export async function loadDemoStatistics(tx: Queryable): Promise<number> {
  const [release] = await tx
    .insert(statisticReleases)
    .values({
      source: 'demo',
      label: DEMO_STATISTICS_LABEL,
      publisher: 'Concerted (synthetic demo data, invented figures)',
      isSynthetic: true,
    })
    .returning({ id: statisticReleases.id });
  if (!release) throw new Error('the demo release was not created');
  const table = await openReleaseTable(tx, release.id);
  const cells = new CellRegistry();
  const writer = new ObservationWriter(tx, table, release.id, cells);
  const rollups = new RollupAccumulator();
  for (const row of demoObservations()) {
    const { cellId } = cells.register(row);
    if (row.iso3) rollups.add(cellId, row.iso3, row.lower, row.upper, row.isCensored);
    await writer.add(row, cellId);
  }
  const count = await writer.finish();
  await finishRelease(tx, { releaseId: release.id, table, cells, rollups });
  await tx
    .update(statisticReleases)
    .set({ observationCount: count })
    .where(eq(statisticReleases.id, release.id));
  return count;
}
