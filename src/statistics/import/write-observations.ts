// Writes observations into a release's new table. On PostgreSQL: one COPY … FROM STDIN stream for the
// whole file. On PGlite: one INSERT … SELECT FROM unnest(arrays) per batch. One batch in flight while
// the next is parsed.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { copyField, postgresClientOf } from '../../platform/copy-text.js';
import type { Queryable } from '../../platform/db.js';
import { booleanArray, numberArray, textArray } from '../../platform/sql-arrays.js';
import type { ObservationInput } from './types.js';

export const DEFAULT_BATCH_SIZE = 5000;

const COLUMNS = [
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
  private copy: NodeJS.WritableStream | null = null;
  private copyError: Error | null = null;
  written = 0;

  constructor(
    private readonly db: Queryable,
    /** The release's new table (statistic_release_open), filled before it is indexed and attached. */
    private readonly table: string,
    private readonly releaseId: string,
    private readonly batchSize = DEFAULT_BATCH_SIZE,
  ) {}

  async add(observation: ObservationInput, cellId: number): Promise<void> {
    this.batch.push(observation);
    this.cellIds.push(cellId);
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  /** Sends the current batch once the previous one has been taken; does not wait for this one. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    const cellIds = this.cellIds;
    this.batch = [];
    this.cellIds = [];
    await this.inFlight;
    this.inFlight = this.send(batch, cellIds);
    // Marked as handled now; the error still surfaces at the next await of inFlight.
    this.inFlight.catch(() => {});
  }

  async finish(): Promise<number> {
    await this.flush();
    await this.inFlight;
    if (this.copy) {
      const stream = this.copy;
      this.copy = null;
      stream.end();
      // Resolves when the server has taken every row; rejects when it refused one.
      await finished(stream);
      if (this.copyError) throw this.copyError;
    }
    return this.written;
  }

  /**
   * After a failure elsewhere: a COPY still open would keep the connection busy, and the transaction could
   * never roll back. Destroying the stream tells the server to abandon the COPY.
   */
  async abort(): Promise<void> {
    await this.inFlight.catch(() => {});
    const stream = this.copy as (NodeJS.WritableStream & { destroy(error?: Error): void }) | null;
    this.copy = null;
    if (!stream) return;
    stream.destroy(new Error('import abandoned'));
    await finished(stream).catch(() => {});
  }

  private async send(batch: ObservationInput[], cellIds: number[]): Promise<void> {
    const client = this.copy ? null : postgresClientOf(this.db);
    if (client) {
      const columns = COLUMNS.map((c) => `"${c}"`).join(', ');
      const stream = client.query(
        copyFrom(`COPY "${this.table.replaceAll('"', '""')}" (${columns}) FROM STDIN`),
      );
      stream.on('error', (error: Error) => {
        this.copyError = error;
      });
      this.copy = stream;
    }
    if (this.copy) await this.sendCopy(this.copy, batch, cellIds);
    else await this.insert(batch, cellIds);
    this.written += batch.length;
  }

  private async sendCopy(stream: NodeJS.WritableStream, batch: ObservationInput[], cellIds: number[]) {
    if (this.copyError) throw this.copyError;
    const lines = new Array<string>(batch.length);
    for (let i = 0; i < batch.length; i += 1) {
      const o = batch[i] as ObservationInput;
      lines[i] = [
        this.releaseId,
        String(o.rowNo),
        String(cellIds[i]),
        copyField(o.indicator),
        copyField(o.unit),
        o.iso3 ?? '\\N',
        o.m49 ?? '\\N',
        String(o.year),
        copyField(o.sex),
        copyField(o.age),
        copyField(o.dimension),
        copyField(o.category),
        copyField(o.sexCode),
        copyField(o.ageCode),
        copyField(o.categoryCode),
        String(o.lower),
        o.upper === null ? '\\N' : String(o.upper),
        o.isCensored ? 't' : 'f',
        copyField(o.valueText),
        copyField(o.source),
        copyField(o.note),
      ].join('\t');
    }
    if (!stream.write(`${lines.join('\n')}\n`)) await once(stream, 'drain');
  }

  private async insert(batch: ObservationInput[], cellIds: number[]): Promise<void> {
    const column = <K extends keyof ObservationInput>(key: K) => batch.map((o) => o[key]);
    await this.db.execute(sql`
      insert into ${sql.identifier(this.table)} (${sql.raw(COLUMNS.join(', '))})
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
  }
}
