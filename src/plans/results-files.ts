// A plan's results as files, both ways: written as IATI 2.03 XML, CSV or XLSX with the approved actuals, and read
// from any of the three into what an import checks. The API and the command line share them.
import { eq, inArray } from 'drizzle-orm';
import { organisations } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { eachItem, looksLikeZipArchive, readInWorker } from '../uploads/index.js';
import { readLimitsFor } from '../uploads/limits.js';
import { readIatiResults } from './engine/iati-results-read.js';
import { iatiResultsDocument, type MeasurePlacement } from './engine/iati-results-write.js';
import type { Measure, Plan } from './engine/model.js';
import { listPlanMeasures } from './engine/plan-measures.js';
import { readResultsCsv, resultsCsv } from './engine/results-csv.js';
import type { ResultsImport } from './engine/results-vocabulary.js';
import { readResultsSheet, resultsXlsx } from './engine/results-xlsx.js';
import { readPlan } from './read-plan.js';

export const RESULTS_FORMATS = ['iati', 'csv', 'xlsx'] as const;
export type ResultsFormat = (typeof RESULTS_FORMATS)[number];

export type ResultsFile = { fileName: string; mediaType: string; content: string | Buffer };

/** The identifier prefix the plan's results are published under: its coordinator's IATI identifier, if any. */
export async function identifierPrefixOf(
  db: Queryable,
  plan: Plan,
): Promise<{ prefix: string; ref: string; name: string }> {
  const [coordinator] = await db
    .select({ name: organisations.name, ref: organisations.iatiIdentifier })
    .from(organisations)
    .where(eq(organisations.id, plan.coordinatorOrganisationId));
  const ref = coordinator?.ref ?? 'XI-CONCERTED';
  return { prefix: `${ref}-PLAN-${plan.id.slice(0, 8)}`, ref, name: coordinator?.name ?? '' };
}

export async function writeResultsFile(
  db: Queryable,
  planId: string,
  format: ResultsFormat,
  options: { lang: string; now: Date },
): Promise<ResultsFile> {
  const { plan } = await readPlan(db, planId);
  const { prefix, ref, name } = await identifierPrefixOf(db, plan);
  const measures = listPlanMeasures(plan).map(({ measure }) => measure);
  const placementOf = await placementsOf(db, plan);
  const base = `plan-results-${plan.id.slice(0, 8)}`;
  if (format === 'csv')
    return {
      fileName: `${base}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      content: resultsCsv(measures, placementOf),
    };
  if (format === 'xlsx')
    return {
      fileName: `${base}.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: await resultsXlsx(measures, placementOf),
    };
  const xml = iatiResultsDocument(measures, {
    identifierPrefix: prefix,
    reportingOrganisation: { ref, name },
    generatedAt: options.now.toISOString(),
    lang: options.lang,
    placementOf,
    plan: { title: plan.title, scope: plan.scope, countries: plan.countries, period: plan.period },
  });
  return { fileName: `${base}.xml`, mediaType: 'application/xml; charset=utf-8', content: xml };
}

/** Each measure's objective and owner (named by its IATI identifier), so that the file can seed a new plan. */
async function placementsOf(db: Queryable, plan: Plan): Promise<(measure: Measure) => MeasurePlacement> {
  const placed = listPlanMeasures(plan);
  const ownerIds = [...new Set(placed.map(({ measure }) => measure.ownerOrganisationId))];
  const owners =
    ownerIds.length === 0
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name, ref: organisations.iatiIdentifier })
          .from(organisations)
          .where(inArray(organisations.id, ownerIds));
  const ownerOf = new Map(owners.map((owner) => [owner.id, { ref: owner.ref, name: owner.name }]));
  const objectiveOf = new Map(
    plan.objectives.map((o) => [o.id, { id: o.id, title: o.title, pillar: o.pillar }] as const),
  );
  const byMeasure = new Map(
    placed.map(({ measure, objectiveId }) => [
      measure.id,
      {
        objective: objectiveOf.get(objectiveId) as MeasurePlacement['objective'],
        owner: ownerOf.get(measure.ownerOrganisationId) ?? { ref: null, name: '' },
      },
    ]),
  );
  return (measure) => byMeasure.get(measure.id) as MeasurePlacement;
}

/** Reads a results file in the given format; its problems are in what it returns, never thrown. */
export async function readResultsFile(
  format: ResultsFormat,
  bytes: Buffer,
  identifierPrefix: string,
): Promise<ResultsImport> {
  if (format === 'xlsx') return readResultsSheet(sheetRowsOf(bytes));
  const text = bytes.toString('utf8');
  if (format === 'csv') return readResultsCsv(text);
  return readIatiResults(text, { identifierPrefix });
}

/**
 * A workbook's rows, read in the upload worker under the upload limits: its archive is checked before any
 * inflating, and a file that hangs or swells the zip reader is stopped there rather than in the request.
 */
async function* sheetRowsOf(bytes: Buffer): AsyncGenerator<string[]> {
  if (!looksLikeZipArchive(bytes))
    throw new AppError(
      'unreadable_file',
      'The file could not be read as a spreadsheet: it is not an Excel workbook (.xlsx). Save the results as an Excel workbook, on its first sheet, and import it again.',
    );
  // A copy: the worker takes the memory it is given, and a Buffer may share its memory with others.
  const copy = new Uint8Array(bytes);
  yield* eachItem<string[]>(
    readInWorker(copy, { kind: 'activities-table', format: 'xlsx' }, readLimitsFor('activities')),
  );
}
