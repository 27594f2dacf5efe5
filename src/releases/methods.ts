// Makes a release by its method: a count table with small cells hidden or with noise, or synthetic data
// (k-anonymous or differentially private); then checks its guarantees on the output, measures its utility
// against the source, and writes its CSV and report. Deterministic for a seed. No database here.
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SOFTWARE_VERSION } from '../platform/version.js';
import type { Dataset } from './engine/dataset.js';
import type { LoadedDataset } from './pipeline.js';
import { releaseReportHtml, type UtilityByLength } from './report-html.js';
import type { Privacy, ReleaseMethod } from './schemas.js';
import { syntheticData } from './synthetic-method.js';
import { noisyCountTable, suppressedTable } from './table-methods.js';
import type { PrepareTask } from './tasks.js';

export type PreparedRelease = {
  kind: 'table' | 'synthetic';
  parameters: Record<string, unknown>;
  seed: string | null;
  softwareVersion: string;
  inputRows: number;
  inputChecksum: string;
  outputRows: number;
  outputChecksum: string;
  outputCsvGzip: Uint8Array;
  privacy: Privacy;
  evaluation: Record<string, unknown>;
  reportHtml: string;
};

export type OnStage = (stage: string, index: number, total: number) => void;

export type Made = {
  kind: PreparedRelease['kind'];
  csv: string;
  outputRows: number;
  parameters: Record<string, unknown>;
  seed: string | null;
  privacy: Privacy;
  evaluation: Record<string, unknown>;
  utility: UtilityByLength[];
  methodSentence: string;
  figures: [string, string][];
};

export const number = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 3 });

export function freshSeed(): string {
  return randomBytes(16).toString('hex');
}

export async function makeRelease(
  loaded: LoadedDataset,
  task: PrepareTask,
  onStage: OnStage = () => {},
): Promise<PreparedRelease> {
  const made = await makeByMethod(loaded.dataset, task.method, onStage);
  const outputChecksum = createHash('sha256').update(made.csv).digest('hex');
  const createdAt = new Date().toISOString();
  const reportHtml = releaseReportHtml({
    title: task.title,
    methodSentence: made.methodSentence,
    createdAt,
    softwareVersion: SOFTWARE_VERSION,
    sourceLabel: task.sourceLabel,
    inputRows: loaded.inputRows,
    inputChecksum: loaded.inputChecksum,
    outputRows: made.outputRows,
    outputChecksum,
    columns: task.columns,
    parameters: Object.entries(made.parameters).map(([name, value]) => [name, String(value)]),
    privacyStatements: made.privacy.statements,
    figures: made.figures,
    utility: made.utility,
    notes: loaded.notes,
  });
  return {
    kind: made.kind,
    parameters: made.parameters,
    seed: made.seed,
    softwareVersion: SOFTWARE_VERSION,
    inputRows: loaded.inputRows,
    inputChecksum: loaded.inputChecksum,
    outputRows: made.outputRows,
    outputChecksum,
    outputCsvGzip: gzipSync(made.csv),
    privacy: made.privacy,
    evaluation: made.evaluation,
    reportHtml,
  };
}

function makeByMethod(dataset: Dataset, method: ReleaseMethod, onStage: OnStage): Made | Promise<Made> {
  switch (method.method) {
    case 'suppression':
      return suppressedTable(dataset, method, onStage);
    case 'laplace':
    case 'gaussian':
      return noisyCountTable(dataset, method, onStage);
    case 'k-anonymous':
    case 'dp':
      return syntheticData(dataset, method, onStage);
  }
}
