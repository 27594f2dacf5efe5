// The work a release asks of a CSV, by name, as the worker thread and the command line run it.
import type { RiskReport } from './engine/risk.js';
import { makeRelease, type PreparedRelease } from './methods.js';
import { type ColumnSummary, loadDataset, riskOf, summariseColumns } from './pipeline.js';
import type { ColumnChoice, ReleaseMethod } from './schemas.js';

export type InspectTask = { task: 'inspect'; missing: string[] };
export type RiskTask = { task: 'risk'; missing: string[]; columns: ColumnChoice[]; k: number; l: number };
export type PrepareTask = {
  task: 'prepare';
  missing: string[];
  title: string;
  sourceLabel: string;
  columns: ColumnChoice[];
  method: ReleaseMethod;
};
export type ReleaseTask = InspectTask | RiskTask | PrepareTask;

export type Inspection = { rows: number; inputChecksum: string; columns: ColumnSummary[] };

export type TaskResult<T extends ReleaseTask> = T extends InspectTask
  ? Inspection
  : T extends RiskTask
    ? RiskReport & { notes: string[] }
    : PreparedRelease;

export async function runTask<T extends ReleaseTask>(csv: Uint8Array, task: T): Promise<TaskResult<T>> {
  if (task.task === 'inspect') {
    const loaded = await loadDataset(csv, null, task.missing);
    const inspection: Inspection = {
      rows: loaded.inputRows,
      inputChecksum: loaded.inputChecksum,
      columns: summariseColumns(loaded.dataset),
    };
    return inspection as TaskResult<T>;
  }
  if (task.task === 'risk') {
    const loaded = await loadDataset(csv, task.columns, task.missing);
    return { ...riskOf(loaded.dataset, task.columns, task), notes: loaded.notes } as TaskResult<T>;
  }
  const loaded = await loadDataset(csv, task.columns, task.missing);
  return (await makeRelease(loaded, task)) as TaskResult<T>;
}
