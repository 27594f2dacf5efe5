// From a CSV's bytes to what people ask of it: the columns and their values, the disclosure risk, a release.
// Runs in a worker thread for the API and in the process for the command line; no database here.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { readDataset } from './engine/csv.js';
import type { Dataset } from './engine/dataset.js';
import { ageHierarchy, countryHierarchy, generalise, type Hierarchy } from './engine/hierarchies.js';
import { assessRisk, type RiskReport } from './engine/risk.js';
import type { ColumnChoice, Generalisation } from './schemas.js';

export type LoadedDataset = {
  dataset: Dataset;
  inputRows: number;
  /** SHA-256 of the bytes read, so that a release names exactly what it was made from. */
  inputChecksum: string;
  /** Sentences on what generalisation could not place. */
  notes: string[];
};

const HIERARCHIES: Record<Generalisation['hierarchy'], () => Hierarchy> = {
  age: ageHierarchy,
  country: countryHierarchy,
};

export function checksumOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The chosen columns in their order (all when none are chosen), each generalised as asked. */
export async function loadDataset(
  csv: Uint8Array,
  columns: readonly ColumnChoice[] | null,
  missing: readonly string[] = [],
): Promise<LoadedDataset> {
  let dataset = await readDataset(Readable.from([Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength)]), {
    columns: columns ? columns.map((column) => column.name) : undefined,
    missing: [...missing],
  });
  const notes: string[] = [];
  for (const column of columns ?? []) {
    if (!column.generalise) continue;
    const hierarchy = HIERARCHIES[column.generalise.hierarchy]();
    const result = generalise(dataset, column.name, hierarchy, column.generalise.level);
    dataset = result.dataset;
    if (result.unknownValues.length > 0)
      notes.push(
        `${result.unknownRecords.toLocaleString('en')} records of “${column.name}” hold ${result.unknownValues.length} value(s) the ${hierarchy.name} hierarchy does not know; they stay as published.`,
      );
  }
  return { dataset, inputRows: dataset.rowCount, inputChecksum: checksumOf(csv), notes };
}

export type ColumnSummary = {
  name: string;
  distinct: number;
  missing: number;
  top: { value: string; count: number }[];
  /** The hierarchy that seems to fit its values, to offer first. */
  suggestedHierarchy: Generalisation['hierarchy'] | null;
};

/** Each column's distinct values, missing cells and most frequent values, to help choose roles. */
export function summariseColumns(dataset: Dataset, topCount = 5): ColumnSummary[] {
  return dataset.columns.map((column) => {
    const counts = new Uint32Array(column.values.length);
    for (const code of column.codes) counts[code] = (counts[code] ?? 0) + 1;
    const present = [...counts.keys()].filter((code) => code !== 0 && (counts[code] ?? 0) > 0);
    const top = present
      .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
      .slice(0, topCount)
      .map((code) => ({ value: column.values[code] ?? '', count: counts[code] ?? 0 }));
    return {
      name: column.name,
      distinct: present.length,
      missing: counts[0] ?? 0,
      top,
      suggestedHierarchy: fittingHierarchy(column.values),
    };
  });
}

/** The hierarchy that knows most of the values, when it knows at least half of them. */
function fittingHierarchy(values: readonly string[]): Generalisation['hierarchy'] | null {
  const present = values.filter((value) => value !== '');
  if (present.length === 0) return null;
  for (const name of ['age', 'country'] as const) {
    const hierarchy = HIERARCHIES[name]();
    const known = present.filter((value) => hierarchy.generalise(value, 1) !== undefined).length;
    if (known * 2 >= present.length) return name;
  }
  return null;
}

/** The risk report for the chosen roles, with generalisations to try on the quasi-identifiers that fit one. */
export function riskOf(
  dataset: Dataset,
  columns: readonly ColumnChoice[],
  options: { k: number; l: number },
): RiskReport {
  const quasiIdentifiers = columns.filter((c) => c.role === 'quasi_identifier').map((c) => c.name);
  const sensitive = columns.filter((c) => c.role === 'sensitive').map((c) => c.name);
  const summaries = new Map(summariseColumns(dataset, 0).map((summary) => [summary.name, summary]));
  const hierarchies: Record<string, Hierarchy> = {};
  for (const name of quasiIdentifiers) {
    const fitting = summaries.get(name)?.suggestedHierarchy;
    if (fitting) hierarchies[name] = HIERARCHIES[fitting]();
  }
  return assessRisk(dataset, { quasiIdentifiers, sensitive, k: options.k, l: options.l, hierarchies });
}
