// Sums country figures into every M49 area that holds them while the file streams past: per cell and
// country placement (a few dozen placements), then, at the end, into the world, regions, sub-regions and
// intermediate regions. Memory grows with cells × placements, never with rows.
import { sql } from 'drizzle-orm';
import { CopyLines, sendLines } from '../../platform/copy-lines.js';
import { endCopy, openCopy, postgresClientOf } from '../../platform/copy-text.js';
import { type Queryable, rowsOf } from '../../platform/db.js';
import { textArray } from '../../platform/sql-arrays.js';
import { buildCountryList } from '../../reference/index.js';
import { tidy } from '../interval.js';
import { CELL_COLUMNS, type CellRegistry } from './cells.js';

const MAX_PLACEMENTS = 64;

/** A country's place in M49: the areas its figures add to, the world first. */
function placementsByCountry(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const country of buildCountryList()) {
    if (!country.regionCode) continue;
    const areas = ['001', country.regionCode, country.subregionCode, country.intermediateRegionCode];
    map.set(
      country.iso3,
      areas.filter((a): a is string => a !== null),
    );
  }
  return map;
}

export class RollupAccumulator {
  private readonly placementOfCountry = placementsByCountry();
  private readonly placementIds = new Map<string, number>();
  private readonly placements: string[][] = [];
  private lower = new Float64Array(1 << 14);
  /** NaN once any summed figure has no upper bound (NaN stays NaN through additions). */
  private upper = new Float64Array(1 << 14);
  private count = new Int32Array(1 << 14);
  private censored = new Uint8Array(1 << 14);

  /** Adds a country's figure; figures for M49 areas and for countries outside M49 are not summed. */
  add(cellId: number, iso3: string, lower: number, upper: number | null, isCensored: boolean): void {
    const placement = this.placementIdOf(iso3);
    if (placement < 0) return;
    const slot = cellId * MAX_PLACEMENTS + placement;
    if (slot >= this.count.length) this.grow(slot);
    this.lower[slot] = (this.lower[slot] as number) + lower;
    this.upper[slot] = (this.upper[slot] as number) + (upper === null ? Number.NaN : upper);
    this.count[slot] = (this.count[slot] as number) + 1;
    if (isCensored) this.censored[slot] = 1;
  }

  /** Countries' placements by code, found once per country rather than once per row. */
  private readonly placementIdByCountry = new Map<string, number>();

  private placementIdOf(iso3: string): number {
    let id = this.placementIdByCountry.get(iso3);
    if (id === undefined) {
      id = this.findPlacementId(iso3);
      this.placementIdByCountry.set(iso3, id);
    }
    return id;
  }

  private findPlacementId(iso3: string): number {
    const areas = this.placementOfCountry.get(iso3);
    if (!areas) return -1;
    const key = areas.join('|');
    let id = this.placementIds.get(key);
    if (id === undefined) {
      id = this.placements.length;
      if (id >= MAX_PLACEMENTS) throw new Error('more M49 placements than expected');
      this.placementIds.set(key, id);
      this.placements.push(areas);
    }
    return id;
  }

  private grow(slot: number): void {
    let size = this.count.length;
    while (size <= slot) size *= 2;
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T) => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.lower = widen(this.lower, (n) => new Float64Array(n));
    this.upper = widen(this.upper, (n) => new Float64Array(n));
    this.count = widen(this.count, (n) => new Int32Array(n));
    this.censored = widen(this.censored, (n) => new Uint8Array(n));
  }

  /**
   * Writes one row per cell and M49 area with any member's figure, into a new table that then takes the
   * place of the release's previous roll-ups (statistic_rollups_open and _attach, migration 0021). On
   * PostgreSQL by COPY, the lines made while the server reads the ones before.
   */
  async save(db: Queryable, releaseId: string, cells: CellRegistry): Promise<number> {
    const [opened] = await rowsOf<{ name: string }>(
      db,
      sql`select statistic_rollups_open(${releaseId}::uuid) as name`,
    );
    if (!opened) throw new Error('no table for the roll-ups');
    const client = postgresClientOf(db);
    const copy = client ? openCopy(client, opened.name, ROLLUP_COLUMNS) : null;
    let batch: RollupRow[] = [];
    const lines = new CopyLines();
    let saved = 0;
    try {
      for (let cellId = 0; cellId < cells.cells.length; cellId += 1) {
        const sums = this.sumsOf(cellId);
        saved += sums.length;
        // COPY text is written straight from the sums; the embedded database takes rows in arrays.
        if (copy) {
          writeRollupLines(lines, cells.copyBytesOf(cellId), sums);
          if (lines.isFull) await sendLines(copy, lines);
        } else for (const sum of sums) batch.push({ cellId, ...sum });
        if (batch.length >= 10_000) {
          await insertRollups(db, opened.name, releaseId, cells, batch);
          batch = [];
        }
      }
      if (copy) {
        await sendLines(copy, lines);
        await endCopy(copy);
      } else if (batch.length > 0) await insertRollups(db, opened.name, releaseId, cells, batch);
    } catch (error) {
      copy?.destroy(error as Error);
      if (copy) await endCopy(copy).catch(() => {});
      throw error;
    }
    await db.execute(sql`select statistic_rollups_attach(${releaseId}::uuid)`);
    return saved;
  }

  /** Each area's index in `sums` while one cell is summed; -1 for areas the cell has not reached. */
  private readonly slotOfArea = new Map<string, number>();

  /** The cell's sums per M49 area, from its per-placement sums, in the order areas are first reached. */
  private sumsOf(cellId: number): AreaSum[] {
    const sums: AreaSum[] = [];
    const slotOfArea = this.slotOfArea;
    slotOfArea.clear();
    for (let placement = 0; placement < this.placements.length; placement += 1) {
      const slot = cellId * MAX_PLACEMENTS + placement;
      const n = this.count[slot] ?? 0;
      if (n === 0) continue;
      for (const area of this.placements[placement] ?? []) {
        let at = slotOfArea.get(area);
        if (at === undefined) {
          at = sums.length;
          slotOfArea.set(area, at);
          sums.push({ area, lower: 0, upper: 0, n: 0, censored: false });
        }
        const sum = sums[at] as AreaSum;
        sum.lower += this.lower[slot] as number;
        sum.upper += this.upper[slot] as number;
        sum.n += n;
        sum.censored ||= this.censored[slot] === 1;
      }
    }
    return sums;
  }
}

type AreaSum = { area: string; lower: number; upper: number; n: number; censored: boolean };
type RollupRow = AreaSum & { cellId: number };

/** Without release_id: the new table fills it. */
const ROLLUP_COLUMNS = ['m49', ...CELL_COLUMNS, 'value_lower', 'value_upper', 'is_censored', 'countries'];

/** One cell's roll-ups as COPY lines; the cell's columns are encoded once (CellRegistry.copyBytesOf). */
function writeRollupLines(lines: CopyLines, cell: Uint8Array, sums: readonly AreaSum[]): void {
  for (const r of sums) {
    lines.text(r.area).tab().raw(cell).tab().number(tidy(r.lower)).tab();
    (Number.isNaN(r.upper) ? lines.ascii('\\N') : lines.number(tidy(r.upper))).tab();
    lines
      .ascii(r.censored ? 't' : 'f')
      .tab()
      .number(r.n)
      .end();
  }
}

async function insertRollups(
  db: Queryable,
  table: string,
  releaseId: string,
  cells: CellRegistry,
  rows: RollupRow[],
) {
  if (rows.length === 0) return 0;
  const cell = (row: RollupRow) => cells.cells[row.cellId];
  const text = (pick: (row: RollupRow) => string | null) => textArray(rows.map(pick));
  const numbers = (pick: (row: RollupRow) => number | null) =>
    `{${rows.map((row) => pick(row) ?? 'NULL').join(',')}}`;
  await db.execute(sql`
    insert into ${sql.identifier(table)} (release_id, indicator, m49, dimension, age, sex, category, year, unit,
      sex_code, age_code, category_code, value_lower, value_upper, is_censored, countries)
    select ${releaseId}::uuid, * from unnest(
      ${text((r) => cell(r)?.indicator ?? null)}::text[], ${text((r) => r.area)}::text[],
      ${text((r) => cell(r)?.dimension ?? null)}::text[], ${text((r) => cell(r)?.age ?? null)}::text[],
      ${text((r) => cell(r)?.sex ?? null)}::text[], ${text((r) => cell(r)?.category ?? null)}::text[],
      ${numbers((r) => cell(r)?.year ?? null)}::smallint[], ${text((r) => cell(r)?.unit ?? null)}::text[],
      ${text((r) => cell(r)?.sexCode ?? null)}::text[], ${text((r) => cell(r)?.ageCode ?? null)}::text[],
      ${text((r) => cell(r)?.categoryCode ?? null)}::text[], ${numbers((r) => tidy(r.lower))}::numeric[],
      ${numbers((r) => (Number.isNaN(r.upper) ? null : tidy(r.upper)))}::numeric[],
      ${`{${rows.map((r) => (r.censored ? 't' : 'f')).join(',')}}`}::boolean[], ${numbers((r) => r.n)}::int[])`);
  return rows.length;
}
