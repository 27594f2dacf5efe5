// Disclosure-risk report: how many records stand out by their quasi-identifiers (k-anonymity), whether
// sensitive columns vary inside each group (distinct l-diversity), a plain verdict, and which
// generalisation would help most.
import { AppError } from '../../platform/errors.js';
import { columnIndex, type Dataset } from './dataset.js';
import {
  distinctValuesPerClass,
  type EquivalenceClasses,
  type GroupingColumn,
  groupRecords,
  numberKeys,
} from './equivalence-classes.js';
import { generaliseCodes, type Hierarchy } from './hierarchies.js';
import { describeRisk } from './risk-sentences.js';

export type RiskOptions = {
  quasiIdentifiers: string[];
  sensitive?: string[];
  /** Smallest acceptable group: 11, CTDC's choice (a person shares the combination with 10 others). */
  k?: number;
  /** Fewest distinct sensitive values a group must hold. */
  l?: number;
  /** Hierarchies to try, by column name, when suggesting a generalisation. */
  hierarchies?: Record<string, Hierarchy>;
};

export type ClassSizeBand = {
  label: string;
  from: number;
  to: number | null;
  classes: number;
  records: number;
};

export type Diversity = {
  column: string;
  /** Fewest distinct present values of this column inside one group. */
  fewestDistinctValues: number;
  classesBelowL: number;
  recordsBelowL: number;
};

export type GeneralisationSuggestion = {
  column: string;
  level: number;
  levelName: string;
  classCount: number;
  recordsBelowK: number;
  /** Distinct values the hierarchy could not place: they stay as published. */
  unknownValues: number;
  /** True when every known value becomes one: the same as leaving the column out. */
  isRemoval: boolean;
};

export type RiskReport = {
  recordCount: number;
  quasiIdentifiers: string[];
  k: number;
  l: number;
  classCount: number;
  classSizes: ClassSizeBand[];
  classesBelowK: number;
  recordsBelowK: number;
  /** recordsBelowK / recordCount, 0 for an empty dataset. */
  shareBelowK: number;
  uniqueRecords: number;
  smallestClass: number;
  diversity: Diversity[];
  verdict: 'safe' | 'at risk';
  sentences: string[];
  /** One per hierarchy level tried, fewest records below k first. */
  suggestions: GeneralisationSuggestion[];
};

const SIZE_BANDS: [number, number | null][] = [
  [1, 1],
  [2, 2],
  [3, 4],
  [5, 9],
  [10, 19],
  [20, 49],
  [50, null],
];

export function assessRisk(dataset: Dataset, options: RiskOptions): RiskReport {
  if (options.quasiIdentifiers.length === 0) {
    throw new AppError(
      'validation_failed',
      'Choose at least one quasi-identifier: a column someone could know about a person (gender, age, citizenship…).',
      [{ path: 'quasiIdentifiers', message: 'choose at least one column', code: 'too_small', minimum: 1 }],
    );
  }
  const k = options.k ?? 11;
  const l = options.l ?? 2;
  checkThreshold('k', k);
  checkThreshold('l', l);
  const grouping = options.quasiIdentifiers.map((name) => groupingColumn(dataset, name));
  // Missing counts as a value of its own here: "not recorded" is as visible in a release as any value.
  const classes = groupRecords(dataset.rowCount, grouping);
  const below = countBelow(classes.sizes, k);
  const diversity = (options.sensitive ?? []).map((name) => {
    const column = dataset.columns[findColumn(dataset, name)];
    return measureDiversity(name, classes, column?.codes ?? new Uint32Array(), column?.values.length ?? 1, l);
  });
  const atRisk = below.records > 0 || diversity.some((d) => d.classesBelowL > 0);
  const report: Omit<RiskReport, 'sentences'> = {
    recordCount: dataset.rowCount,
    quasiIdentifiers: options.quasiIdentifiers,
    k,
    l,
    classCount: classes.count,
    classSizes: bandSizes(classes.sizes),
    classesBelowK: below.classes,
    recordsBelowK: below.records,
    shareBelowK: dataset.rowCount === 0 ? 0 : below.records / dataset.rowCount,
    uniqueRecords: countBelow(classes.sizes, 2).records,
    smallestClass: classes.count === 0 ? 0 : Math.min(...smallestOf(classes.sizes)),
    diversity,
    verdict: atRisk ? 'at risk' : 'safe',
    suggestions: atRisk ? suggestGeneralisations(dataset, options, grouping, k) : [],
  };
  return { ...report, sentences: describeRisk(report) };
}

function checkThreshold(name: string, value: number): void {
  if (Number.isInteger(value) && value >= 1) return;
  throw new AppError('validation_failed', `${name} must be a whole number of at least 1; ${value} is not.`, [
    { path: name, message: 'must be a whole number ≥ 1', code: 'too_small', minimum: 1 },
  ]);
}

function findColumn(dataset: Dataset, name: string): number {
  const index = columnIndex(dataset, name);
  if (index >= 0) return index;
  throw new AppError(
    'validation_failed',
    `The dataset has no column "${name}"; choose among: ${dataset.columns.map((c) => c.name).join(', ')}.`,
    [{ path: 'columns', message: `no column "${name}"`, code: 'unknown_column' }],
  );
}

function groupingColumn(dataset: Dataset, name: string): GroupingColumn {
  const column = dataset.columns[findColumn(dataset, name)];
  return { codes: column?.codes ?? new Uint32Array(), radix: column?.values.length ?? 1 };
}

function countBelow(sizes: Uint32Array, threshold: number): { classes: number; records: number } {
  let classes = 0;
  let records = 0;
  for (const size of sizes) {
    if (size >= threshold) continue;
    classes++;
    records += size;
  }
  return { classes, records };
}

/** Math.min over a typed array without spreading a million arguments. */
function smallestOf(sizes: Uint32Array): [number] {
  let smallest = Number.POSITIVE_INFINITY;
  for (const size of sizes) smallest = Math.min(smallest, size);
  return [smallest];
}

function bandSizes(sizes: Uint32Array): ClassSizeBand[] {
  const bands = SIZE_BANDS.map(([from, to]) => ({
    label: to === null ? `${from}+` : from === to ? `${from}` : `${from}–${to}`,
    from,
    to,
    classes: 0,
    records: 0,
  }));
  for (const size of sizes) {
    const band = bands.find((b) => size >= b.from && (b.to === null || size <= b.to));
    if (!band) continue;
    band.classes++;
    band.records += size;
  }
  return bands;
}

function measureDiversity(
  column: string,
  classes: EquivalenceClasses,
  codes: Uint32Array,
  radix: number,
  l: number,
): Diversity {
  const distinct = distinctValuesPerClass(classes, codes, radix);
  let fewest = classes.count === 0 ? 0 : Number.POSITIVE_INFINITY;
  let classesBelowL = 0;
  let recordsBelowL = 0;
  for (let index = 0; index < classes.count; index++) {
    const values = distinct[index] as number;
    fewest = Math.min(fewest, values);
    if (values >= l) continue;
    classesBelowL++;
    recordsBelowL += classes.sizes[index] as number;
  }
  return { column, fewestDistinctValues: fewest, classesBelowL, recordsBelowL };
}

/**
 * Tries every level of every hierarchy given for a quasi-identifier. The other quasi-identifiers are
 * grouped once per column, so each level costs one pass over the records.
 */
function suggestGeneralisations(
  dataset: Dataset,
  options: RiskOptions,
  grouping: GroupingColumn[],
  k: number,
): GeneralisationSuggestion[] {
  const suggestions: GeneralisationSuggestion[] = [];
  options.quasiIdentifiers.forEach((name, position) => {
    const hierarchy = options.hierarchies?.[name];
    if (!hierarchy) return;
    const others = groupRecords(
      dataset.rowCount,
      grouping.filter((_, i) => i !== position),
    );
    const column = dataset.columns[findColumn(dataset, name)];
    if (!column) return;
    for (let level = 1; level < hierarchy.levels.length; level++) {
      const { remap, values, unknownCodes } = generaliseCodes(column.values, hierarchy, level);
      const keys = new Float64Array(dataset.rowCount);
      for (let row = 0; row < keys.length; row++) {
        keys[row] =
          (others.classOf[row] as number) * values.length + (remap[column.codes[row] as number] as number);
      }
      const classes = numberKeys(keys, others.count * values.length);
      suggestions.push({
        column: name,
        level,
        levelName: hierarchy.levels[level] as string,
        classCount: classes.count,
        recordsBelowK: countBelow(classes.sizes, k).records,
        unknownValues: unknownCodes.length,
        // values[0] is the missing value; one more means every known value became the same.
        isRemoval: values.length - unknownCodes.length <= 2,
      });
    }
  });
  return suggestions.sort((a, b) => a.recordsBelowK - b.recordsBelowK || a.level - b.level);
}
