// Count tables as releases: small cells hidden (with the cells that would give them away) and audited, or
// every cell with differential-privacy noise. Each entry, totals included, is a row of the CSV.
import { stringify } from 'csv-stringify/sync';
import { type CountTable, coordinateOf, countTable, shapeOf, TOTAL } from './engine/count-tables.js';
import type { Dataset } from './engine/dataset.js';
import { noisyTable } from './engine/noisy-table.js';
import { suppressSmallCells } from './engine/suppression.js';
import { PUBLISHED } from './engine/suppression-audit.js';
import { freshSeed, type Made, number, type OnStage } from './methods.js';
import type { ReleaseMethod } from './schemas.js';

/** Every entry of the table (cells and totals) as a row: the categories, the count or blank, its status. */
function tableCsv(
  table: CountTable,
  published: (entry: number) => number | null,
): { csv: string; rows: number } {
  const shape = shapeOf(table.dimensions);
  const rows: string[][] = [[...table.dimensions.map((d) => d.name), 'count', 'status']];
  for (let entry = 0; entry < shape.entryCount; entry++) {
    const value = published(entry);
    rows.push([
      ...table.dimensions.map((d, index) => d.categories[coordinateOf(shape, entry, index)] ?? TOTAL),
      value === null ? '' : String(value),
      value === null ? 'hidden' : 'published',
    ]);
  }
  return { csv: stringify(rows), rows: rows.length - 1 };
}

export function suppressedTable(
  dataset: Dataset,
  method: Extract<ReleaseMethod, { method: 'suppression' }>,
  onStage: OnStage,
): Made {
  onStage('counting', 0, 3);
  const { table } = countTable(dataset, method.dimensions);
  onStage('hiding small cells', 1, 3);
  const result = suppressSmallCells(table, { threshold: method.threshold });
  onStage('writing', 2, 3);
  const { csv, rows } = tableCsv(table, (entry) =>
    result.status[entry] === PUBLISHED ? (table.values[entry] as number) : null,
  );
  const statements = [
    `Cells counting 1 to ${method.threshold - 1} records are hidden (${result.primaryCount}), and ${result.complementaryCount} more so that none can be worked out from the totals.`,
    result.audit.sentence,
  ];
  return {
    kind: 'table',
    csv,
    outputRows: rows,
    parameters: { dimensions: method.dimensions.join(', '), threshold: method.threshold },
    seed: null,
    privacy: {
      k: method.threshold,
      epsilon: null,
      delta: null,
      rho: null,
      suppressedCells: result.primaryCount + result.complementaryCount,
      statements,
    },
    evaluation: {
      entries: table.values.length,
      primary: result.primaryCount,
      complementary: result.complementaryCount,
      audit: result.audit.status,
      problems: result.audit.problems.length,
    },
    utility: [],
    methodSentence: `A count table by ${method.dimensions.join(', ')}, its small cells hidden.`,
    figures: [
      ['Entries (cells and totals)', number(table.values.length)],
      ['Hidden: below the threshold', number(result.primaryCount)],
      ['Hidden: to protect others', number(result.complementaryCount)],
      ['Audit of the hidden cells', result.audit.status],
    ],
  };
}

export function noisyCountTable(
  dataset: Dataset,
  method: Extract<ReleaseMethod, { method: 'laplace' | 'gaussian' }>,
  onStage: OnStage,
): Made {
  const seed = method.seed ?? freshSeed();
  onStage('counting', 0, 3);
  const { table } = countTable(dataset, method.dimensions);
  onStage('adding noise', 1, 3);
  const noisy = noisyTable(table, {
    mechanism: method.method,
    epsilon: method.epsilon,
    ...(method.delta !== undefined ? { delta: method.delta } : {}),
    seed,
  });
  onStage('writing', 2, 3);
  const { csv, rows } = tableCsv(noisy.table, (entry) => noisy.table.values[entry] as number);
  return {
    kind: 'table',
    csv,
    outputRows: rows,
    parameters: {
      dimensions: method.dimensions.join(', '),
      mechanism: method.method,
      epsilon: method.epsilon,
      ...(noisy.delta ? { delta: noisy.delta } : {}),
    },
    seed,
    privacy: {
      k: null,
      epsilon: noisy.epsilon,
      delta: noisy.delta ?? null,
      rho: noisy.rho,
      suppressedCells: null,
      statements: noisy.sentences,
    },
    evaluation: {
      entries: noisy.table.values.length,
      noiseScale: noisy.noiseScale,
      cellsRoundedUp: noisy.cellsRoundedUp,
    },
    utility: [],
    methodSentence: `A count table by ${method.dimensions.join(', ')}, every cell with ${method.method === 'laplace' ? 'discrete Laplace' : 'discrete Gaussian'} noise (differential privacy).`,
    figures: [
      ['ε spent', number(noisy.epsilon)],
      ['ρ spent (zCDP)', number(noisy.rho)],
      [
        noisy.mechanism === 'laplace' ? 'Laplace scale of the noise' : 'Variance σ² of the noise',
        number(noisy.noiseScale),
      ],
      ['Cells pushed below 0 by noise, published as 0', number(noisy.cellsRoundedUp)],
    ],
  };
}
