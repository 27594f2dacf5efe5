// Writes observations into a release's new table. On PostgreSQL: one COPY … FROM STDIN stream for the
// whole file, each row written as COPY text bytes the moment it is read (the cell's columns are encoded
// once per cell; release_id is left to the new table's default), sent in chunks that wait only when the
// connection's buffer is full. On PGlite: one
// INSERT … SELECT FROM unnest(arrays) per batch, one batch in flight while the next is parsed.
import { sql } from 'drizzle-orm';
import { CopyLines, sendLines } from '../../platform/copy-lines.js';
import { type CopyStream, endCopy, openCopy, postgresClientOf } from '../../platform/copy-text.js';
import type { Queryable } from '../../platform/db.js';
import { booleanArray, numberArray, textArray } from '../../platform/sql-arrays.js';
import { CELL_COLUMNS, type CellRegistry } from './cells.js';
import type { ObservationInput } from './types.js';

export const DEFAULT_BATCH_SIZE = 5000;

/** Without release_id: the release's new table fills it (statistic_release_open, migration 0021). */
const COPY_COLUMNS = [
  'row_no',
  'cell_id',
  'iso3',
  'm49',
  ...CELL_COLUMNS,
  'value_lower',
  'value_upper',
  'is_censored',
  'value_text',
  'source',
  'note',
];

const INSERT_COLUMNS = [
  'release_id',
  'row_no',
  'cell_id',
  'indicator',
  'unit',
  'iso3',
  'm49',
  'year',
  'sex',
  'age',
  'dimension',
  'category',
  'sex_code',
  'age_code',
  'category_code',
  'value_lower',
  'value_upper',
  'is_censored',
  'value_text',
  'source',
  'note',
];

export class ObservationWriter {
  private batch: ObservationInput[] = [];
  private cellIds: number[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private readonly copy: CopyStream | null;
  private copyError: Error | null = null;
  private readonly lines = new CopyLines();
  written = 0;

  constructor(
    private readonly db: Queryable,
    /** The release's new table (statistic_release_open), filled before it is indexed and attached. */
    private readonly table: string,
    private readonly releaseId: string,
    private readonly cells: CellRegistry,
    private readonly batchSize = DEFAULT_BATCH_SIZE,
  ) {
    const client = postgresClientOf(db);
    this.copy = client ? openCopy(client, table, COPY_COLUMNS) : null;
    this.copy?.on('error', (error: Error) => {
      this.copyError = error;
    });
  }

  add(o: ObservationInput, cellId: number): Promise<void> | undefined {
    if (this.copy) {
      const lines = this.lines;
      lines.number(o.rowNo).tab().number(cellId).tab().text(o.iso3).tab().text(o.m49).tab();
      lines.raw(this.cells.copyBytesOf(cellId)).tab().number(o.lower).tab();
      (o.upper === null ? lines.ascii('\\N') : lines.number(o.upper)).tab();
      lines
        .ascii(o.isCensored ? 't' : 'f')
        .tab()
        .text(o.valueText)
        .tab()
        .text(o.source)
        .tab()
        .text(o.note)
        .end();
      this.written += 1;
      return lines.isFull ? this.sendText() : undefined;
    }
    this.batch.push(o);
    this.cellIds.push(cellId);
    return this.batch.length >= this.batchSize ? this.flush() : undefined;
  }

  private async sendText(): Promise<void> {
    if (this.copyError) throw this.copyError;
    await sendLines(this.copy as CopyStream, this.lines);
  }

  /** Sends the current batch once the previous one has been taken; does not wait for this one. */
  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    const cellIds = this.cellIds;
    this.batch = [];
    this.cellIds = [];
    await this.inFlight;
    this.inFlight = this.insert(batch, cellIds);
    // Marked as handled now; the error still surfaces at the next await of inFlight.
    this.inFlight.catch(() => {});
  }

  async finish(): Promise<number> {
    if (this.copy) {
      if (this.lines.length > 0) await this.sendText();
      // Resolves when the server has taken every row; rejects when it refused one.
      await endCopy(this.copy);
      if (this.copyError) throw this.copyError;
      return this.written;
    }
    await this.flush();
    await this.inFlight;
    return this.written;
  }

  /**
   * After a failure elsewhere: a COPY still open would keep the connection busy, and the transaction could
   * never roll back. Destroying the stream tells the server to abandon the COPY.
   */
  async abort(): Promise<void> {
    await this.inFlight.catch(() => {});
    if (!this.copy) return;
    this.copy.destroy(new Error('import abandoned'));
    await endCopy(this.copy).catch(() => {});
  }

  private async insert(batch: ObservationInput[], cellIds: number[]): Promise<void> {
    const column = <K extends keyof ObservationInput>(key: K) => batch.map((o) => o[key]);
    await this.db.execute(sql`
      insert into ${sql.identifier(this.table)} (${sql.raw(INSERT_COLUMNS.join(', '))})
      select ${this.releaseId}::uuid, * from unnest(
        ${numberArray(column('rowNo'))}::int[], ${numberArray(cellIds)}::int[], ${textArray(column('indicator'))}::text[],
        ${textArray(column('unit'))}::text[], ${textArray(column('iso3'))}::text[],
        ${textArray(column('m49'))}::text[], ${numberArray(column('year'))}::smallint[],
        ${textArray(column('sex'))}::text[], ${textArray(column('age'))}::text[],
        ${textArray(column('dimension'))}::text[], ${textArray(column('category'))}::text[],
        ${textArray(column('sexCode'))}::text[], ${textArray(column('ageCode'))}::text[],
        ${textArray(column('categoryCode'))}::text[], ${numberArray(column('lower'))}::numeric[],
        ${numberArray(column('upper'))}::numeric[], ${booleanArray(column('isCensored'))}::boolean[],
        ${textArray(column('valueText'))}::text[], ${textArray(column('source'))}::text[],
        ${textArray(column('note'))}::text[])`);
    this.written += batch.length;
  }
}
