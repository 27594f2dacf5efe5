// Writes a prepared release as a draft, charging the dataset's privacy budget first: both in the caller's
// transaction, so that a release refused for its budget, or failing to be written, leaves nothing.
import type { Queryable } from '../platform/db.js';
import type { PreparedRelease } from './methods.js';
import type { ColumnChoice, ReleaseMethod } from './schemas.js';
import { findOrCreateBudget, getRelease, insertRelease, type ReleaseRecord, spendBudget } from './store.js';

export type ReleaseToSave = {
  title: string;
  source: { kind: 'file' | 'cases'; label: string; organisationId: string | null };
  columns: ColumnChoice[];
  method: ReleaseMethod;
  prepared: PreparedRelease;
  userId: string | null;
};

/** Releases of one organisation's case data share a budget (the same people); a file's is its checksum's. */
export function datasetKeyOf(source: ReleaseToSave['source'], inputChecksum: string): string {
  return source.kind === 'cases' ? `cases:${source.organisationId}` : `file:${inputChecksum}`;
}

export async function saveRelease(tx: Queryable, release: ReleaseToSave): Promise<ReleaseRecord> {
  const { prepared, source } = release;
  const rho = prepared.privacy.rho ?? 0;
  let budgetId: string | null = null;
  if (rho > 0) {
    const budget = await findOrCreateBudget(tx, {
      datasetKey: datasetKeyOf(source, prepared.inputChecksum),
      label: source.label,
      organisationId: source.organisationId,
    });
    budgetId = (await spendBudget(tx, budget, rho)).id;
  }
  const row = await insertRelease(tx, {
    title: release.title,
    kind: prepared.kind,
    method: release.method.method,
    sourceKind: source.kind,
    sourceLabel: source.label,
    organisationId: source.organisationId,
    budgetId,
    inputRows: prepared.inputRows,
    inputChecksum: prepared.inputChecksum,
    columns: release.columns,
    parameters: prepared.parameters,
    privacy: prepared.privacy,
    evaluation: prepared.evaluation,
    softwareVersion: prepared.softwareVersion,
    seed: prepared.seed,
    outputRows: prepared.outputRows,
    outputChecksum: prepared.outputChecksum,
    outputCsvGzip: Buffer.from(prepared.outputCsvGzip),
    reportHtml: prepared.reportHtml,
    createdBy: release.userId,
  });
  return getRelease(tx, row.id);
}
