// Imports a file of activities: checks every record, then writes all of them in the caller's transaction or none.
import type { Readable } from 'node:stream';
import { type ProvisionalOrganisation, registerProvisionalOrganisations } from '../../partners/index.js';
import type { Queryable } from '../../platform/db.js';
import { type ActivityValues, isSameContent, valuesOf } from '../record.js';
import type { ActivityInput, ImportFormat, ImportOutcome, ImportProblem, ImportReport } from '../schemas.js';
import { ActivityBatchWriter, type ChangeContext, findByIdentifiers, type PreparedRow } from '../store.js';
import { readCsvRows } from './csv.js';
import type { ParsedRecord } from './flat.js';
import { parseIatiActivity } from './iati.js';
import { loadRegistry, type Registry } from './registry.js';
import { recordsOfTable, type TableEvent } from './table.js';
import { readXlsxRows } from './xlsx.js';
import type { XmlLimits } from './xml-limits.js';
import { readElements, type XmlNode } from './xml-tree.js';

/** The file itself, or what an upload worker read from it: rows of a table, or IATI activity elements. */
export type ImportInput =
  | Readable
  | { rows: AsyncIterable<string[]> }
  | { activities: AsyncIterable<XmlNode> };

export type ImportOptions = {
  format: ImportFormat;
  /** Check and count only; write nothing. */
  dryRun: boolean;
  /** Whether the importer may write activities led by this organisation (the access policy decides). */
  mayWrite: (organisationId: string) => boolean;
  context: ChangeContext;
  /** Called after each record with the number read so far, and the number checked and written (or, in a dry run, that would be). */
  onProgress?: (records: number, written: number) => void;
  batchSize?: number;
  /** IATI: register organisations the registry lacks as provisional (the caller checks the right to). */
  registerOrganisations?: boolean;
  /** IATI: skip records with no sign of counter-trafficking work instead of importing them unclassified. */
  onlyTrafficking?: boolean;
  /** IATI: the XML limits to enforce, beyond the defaults (DEFAULT_XML_LIMITS). */
  xmlLimits?: Partial<XmlLimits>;
};

const SKIPPED_REASON =
  'Nothing in it speaks of trafficking in persons (title and description in the six UN languages, SDG targets 5.2, 8.7 and 16.2, Concerted classification); skipped on request';

/** Thrown by a real run that met problems, so that the transaction around it rolls back; carries the report. */
export class ImportRejected extends Error {
  constructor(readonly report: ImportReport) {
    super(`The import found ${report.problemCount} problems; nothing was written.`);
    this.name = 'ImportRejected';
  }
}

/**
 * Rows read between two turns of the event loop (a few hundred microseconds of work). Each turn lets the batch
 * being written move on: the server's answer to one statement starts the next, and a COPY of megabytes reaches
 * the socket a buffer at a time. Every 64 rows left the server waiting for milliseconds at each of these steps;
 * every 8 rows the import ran 6 to 10% faster in wall time, for no more CPU.
 */
const EVENT_LOOP_EVERY = 8;

/** How many problems the report lists; all of them are counted. */
export const LISTED_PROBLEMS = 1000;

export async function importActivities(
  db: Queryable,
  input: ImportInput,
  options: ImportOptions,
): Promise<ImportReport> {
  const registry = await loadRegistry(db);
  const run = new ImportRun(db, registry, options);
  for await (const event of eventsOf(input, options, registry)) await run.take(event);
  await run.flush();
  await run.finish();
  const report = run.report();
  if (!options.dryRun && report.problemCount > 0) throw new ImportRejected(report);
  return report;
}

async function* eventsOf(
  input: ImportInput,
  options: ImportOptions,
  registry: Registry,
): AsyncGenerator<TableEvent> {
  if (options.format === 'iati') {
    yield { kind: 'header', hasHxlRow: false, problems: [], warnings: [] };
    let position = 0;
    const read = { registerOrganisations: options.registerOrganisations === true };
    const activities =
      'activities' in input
        ? input.activities
        : readElements(asStream(input), 'iati-activity', options.xmlLimits);
    for await (const node of activities)
      yield { kind: 'record', record: parseIatiActivity(++position, node, registry, read) };
    return;
  }
  if ('rows' in input) return yield* recordsOfTable(input.rows, registry);
  const stream = asStream(input);
  yield* recordsOfTable(options.format === 'xlsx' ? readXlsxRows(stream) : readCsvRows(stream), registry);
}

function asStream(input: ImportInput): Readable {
  if ('rows' in input || 'activities' in input)
    throw new Error('An IATI import needs IATI elements, a table import rows or the file itself.');
  return input;
}

class ImportRun {
  private readonly problems: ImportProblem[] = [];
  private problemCount = 0;
  private readonly warnings: ImportProblem[] = [];
  private readonly seen = new Map<string, number>();
  /** Only what the write and its outcomes need: the parsed record itself is left to the collector. */
  private batch: {
    row: number;
    identifier: string | null;
    values: ActivityValues;
    /** Encoded for the write as soon as it is read, unless nothing will be written. */
    prepared: PreparedRow | null;
  }[] = [];
  private rows = 0;
  private counts = { created: 0, updated: 0, unchanged: 0 };
  private hasHxlRow = false;
  private readonly leadColumn: string;
  private readonly writer: ActivityBatchWriter;
  private readonly outcomes: ImportOutcome[] = [];
  private skipped = 0;
  private unclassified = 0;
  /** Proposed organisations of kept records, by id; `registered` holds those already written. */
  private readonly toRegister = new Map<string, ProvisionalOrganisation>();
  private readonly registered = new Set<string>();

  constructor(
    private readonly db: Queryable,
    private readonly registry: Registry,
    private readonly options: ImportOptions,
  ) {
    this.leadColumn = options.format === 'iati' ? 'reporting-org' : 'lead_organisation';
    this.writer = new ActivityBatchWriter(db, options.context);
  }

  async take(event: TableEvent) {
    if (event.kind === 'header') {
      this.hasHxlRow = event.hasHxlRow;
      this.addProblems(event.problems);
      this.warnings.push(...event.warnings.slice(0, LISTED_PROBLEMS - this.warnings.length));
      return;
    }
    const { record } = event;
    this.rows++;
    this.options.onProgress?.(this.rows, this.counts.created + this.counts.updated + this.counts.unchanged);
    // Rows of one chunk of the file are read in microtasks, which hold back the network events of the batch
    // being written (each statement's answer, the COPY's socket writes): letting them in every few rows keeps
    // the database busy while JavaScript reads.
    if (this.rows % EVENT_LOOP_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (this.options.onlyTrafficking && record.isTraffickingRelated === false) {
      this.skipped++;
      this.addOutcome(record, 'skipped', SKIPPED_REASON);
      return;
    }
    this.addProblems(record.problems);
    if (record.problems.length > 0)
      this.addOutcome(record, 'rejected', record.problems.map((p) => `${p.column}: ${p.message}`).join('; '));
    if (record.warnings.length > 0)
      this.warnings.push(...record.warnings.slice(0, Math.max(0, LISTED_PROBLEMS - this.warnings.length)));
    if (record.identifier) {
      const first = this.seen.get(record.identifier);
      if (first !== undefined)
        this.addProblems([
          {
            ...problemAt(record, 'identifier'),
            message: `The identifier appears already in row ${first}`,
          },
        ]);
      else this.seen.set(record.identifier, record.row);
    }
    if (!record.input) return;
    if (!this.options.mayWrite(record.input.leadOrganisationId)) {
      const message = 'You may not record activities led by this organisation';
      this.addProblems([{ ...problemAt(record, this.leadColumn), message }]);
      this.addOutcome(record, 'rejected', message);
      return;
    }
    for (const proposal of record.proposals ?? []) this.toRegister.set(proposal.id, proposal);
    if (record.input.activityType === null) this.unclassified++;
    const values = valuesOf(record.input, participantNames(record.input.participants));
    const isWritten = !this.options.dryRun && this.problemCount === 0;
    this.batch.push({
      row: record.row,
      identifier: record.identifier,
      values,
      prepared: isWritten ? this.writer.prepare(values) : null,
    });
    if (this.batch.length >= (this.options.batchSize ?? this.writer.batchSize)) await this.flush();
  }

  async flush() {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    const existing = await findByIdentifiers(
      this.db,
      batch.map((b) => b.values.identifier),
    );
    for (const record of batch) {
      const { values } = record;
      const stored = existing.get(values.identifier);
      if (stored && !this.options.mayWrite(stored.leadOrganisationId)) {
        const message = `An activity with this identifier exists, led by ${this.registry.organisationName(stored.leadOrganisationId) ?? 'another organisation'}, which you may not change`;
        this.addProblems([{ ...problemAt(record, 'identifier'), message }]);
        this.addOutcome(record, 'rejected', message, values.activityType === null);
        continue;
      }
      const outcome = !stored ? 'created' : isSameContent(values, stored) ? 'unchanged' : 'updated';
      this.addOutcome(record, outcome, null, values.activityType === null);
    }
    if (this.options.dryRun || this.problemCount > 0) {
      for (const { values } of batch) {
        const stored = existing.get(values.identifier);
        if (!stored) this.counts.created++;
        else if (isSameContent(values, stored)) this.counts.unchanged++;
        else this.counts.updated++;
      }
      return;
    }
    await this.registerProposals();
    const saved = await this.writer.save(
      batch.map((b) => b.prepared ?? this.writer.prepare(b.values)),
      existing,
    );
    this.counts.created += saved.created;
    this.counts.updated += saved.updated;
    this.counts.unchanged += saved.unchanged;
  }

  /** Provisional organisations the batch refers to, written before the activities that name them. */
  private async registerProposals() {
    const pending = [...this.toRegister.values()].filter((p) => !this.registered.has(p.id));
    await registerProvisionalOrganisations(
      this.db,
      pending,
      this.options.context.via,
      this.options.context.at,
    );
    for (const p of pending) this.registered.add(p.id);
  }

  private addOutcome(
    record: Pick<ParsedRecord, 'row' | 'identifier'> & { input?: ParsedRecord['input'] },
    outcome: ImportOutcome['outcome'],
    reason: string | null,
    needsClassification = record.input?.activityType === null,
  ) {
    if (this.outcomes.length >= LISTED_PROBLEMS) return;
    this.outcomes.push({
      row: record.row,
      identifier: record.identifier,
      outcome,
      needsClassification,
      reason,
    });
  }

  /** Waits for the batch still being written. */
  finish() {
    return this.writer.finish();
  }

  private addProblems(problems: readonly ImportProblem[]) {
    if (problems.length === 0) return;
    this.problemCount += problems.length;
    this.problems.push(...problems.slice(0, Math.max(0, LISTED_PROBLEMS - this.problems.length)));
  }

  report(): ImportReport {
    const isRejected = !this.options.dryRun && this.problemCount > 0;
    return {
      format: this.options.format,
      dryRun: this.options.dryRun,
      committed: !this.options.dryRun && this.problemCount === 0,
      rows: this.rows,
      // A rejected real run wrote nothing, so it reports nothing written; a dry run says what would be.
      ...(!this.options.dryRun && this.problemCount > 0
        ? { created: 0, updated: 0, unchanged: 0 }
        : this.counts),
      problems: this.problems,
      problemCount: this.problemCount,
      warnings: this.warnings,
      hasHxlRow: this.hasHxlRow,
      unclassified: this.unclassified,
      skipped: this.skipped,
      // A rejected real run wrote nothing: only what was skipped or rejected is true of it.
      outcomes: isRejected
        ? this.outcomes.filter((o) => o.outcome === 'rejected' || o.outcome === 'skipped')
        : this.outcomes,
      organisationsRegistered: isRejected
        ? []
        : [...this.toRegister.values()].map((p) => ({
            id: p.id,
            name: p.name,
            iatiIdentifier: p.iatiIdentifier,
            iatiOrganisationType: p.iatiOrganisationType,
            actorType: p.actorType,
          })),
    };
  }
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** The names of the registry organisations taking part, by id (valuesOf writes them into the record). */
function participantNames(participants: ActivityInput['participants']): ReadonlyMap<string, string> {
  if (participants.length === 0) return NO_NAMES;
  const names = new Map<string, string>();
  for (const p of participants) if (p.organisationId) names.set(p.organisationId, p.name ?? '');
  return names;
}

function problemAt(record: Pick<ParsedRecord, 'row' | 'identifier'>, column: string): ImportProblem {
  return { row: record.row, column, identifier: record.identifier, message: '' };
}
