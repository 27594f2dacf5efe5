// Measures a synthetic dataset against its source, combination by combination: how far the 1- to L-way
// counts moved (utility), which combinations were kept, lost or made up, and the privacy actually reached
// (the smallest source group any output combination points at, checked on the output, never assumed).
// Plain numbers only, so that a report, an API reply and a benchmark can all show them.
import { columnTuples, forEachCell, TupleCounter } from './combinations.js';
import type { Dataset } from './dataset.js';

export type LengthEvaluation = {
  length: number;
  /** Distinct combinations in the source, in the output, and in either. */
  sourceCombinations: number;
  outputCombinations: number;
  unionCombinations: number;
  /** Mean of |output − source| over every combination in either. */
  meanAbsoluteError: number;
  /**
   * Mean of |output − source| / source over the source combinations that count (those of at least k
   * records when k is given, otherwise all): relative to the source, so a combination the output lost
   * counts 1, and one it made up is left to `fabricated` (it has no source count to divide by).
   */
  meanRelativeError: number;
  /** Share of the source combinations that count (as above) that the output has too. */
  preservedShare: number;
  /** In the output, absent from the source. */
  fabricated: number;
  /** In the source, absent from the output. */
  suppressed: number;
};

export type SynthesisEvaluation = {
  reportingLength: number;
  k: number | null;
  sourceRecords: number;
  outputRecords: number;
  lengths: LengthEvaluation[];
  privacy: {
    /** The smallest source count of any 1- to L-way combination of the output (null if it has none). */
    smallestSourceCount: number | null;
    /** Output combinations that fewer than k source records share: 0 is the k-anonymous guarantee. */
    combinationsBelowK: number | null;
  };
};

export type EvaluationOptions = { reportingLength: number; k?: number | undefined };

/** Both datasets coded against one dictionary per column (by column name), so that codes compare. */
function alignDatasets(source: Dataset, output: Dataset): [Dataset, Dataset] {
  const alignedOutput = source.columns.map((column) => {
    const other = output.columns.find((candidate) => candidate.name === column.name);
    if (!other) throw new RangeError(`the output has no column "${column.name}"`);
    if (other.values === column.values || sameValues(other.values, column.values)) return other;
    const values = [...column.values];
    const codeOf = new Map(values.map((value, code) => [value, code]));
    const recode = other.values.map((value) => {
      let code = codeOf.get(value);
      if (code === undefined) {
        code = values.push(value) - 1;
        codeOf.set(value, code);
      }
      return code;
    });
    return { name: column.name, values, codes: other.codes.map((code) => recode[code] as number) };
  });
  const alignedSource = source.columns.map((column, index) => ({
    ...column,
    values: (alignedOutput[index] as Dataset['columns'][0]).values,
  }));
  return [
    { rowCount: source.rowCount, columns: alignedSource },
    { rowCount: output.rowCount, columns: alignedOutput },
  ];
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Running sums for one length. */
class LengthTally {
  source = 0;
  output = 0;
  union = 0;
  absoluteErrorSum = 0;
  relativeErrorSum = 0;
  counted = 0;
  preserved = 0;
  fabricated = 0;
  suppressed = 0;

  add(sourceCount: number, outputCount: number, threshold: number): void {
    this.union++;
    this.absoluteErrorSum += Math.abs(outputCount - sourceCount);
    if (sourceCount > 0) this.source++;
    if (outputCount > 0) this.output++;
    if (sourceCount === 0) this.fabricated++;
    else if (outputCount === 0) this.suppressed++;
    if (sourceCount >= threshold && sourceCount > 0) {
      this.counted++;
      this.relativeErrorSum += Math.abs(outputCount - sourceCount) / sourceCount;
      if (outputCount > 0) this.preserved++;
    }
  }

  result(length: number): LengthEvaluation {
    return {
      length,
      sourceCombinations: this.source,
      outputCombinations: this.output,
      unionCombinations: this.union,
      meanAbsoluteError: this.union ? this.absoluteErrorSum / this.union : 0,
      meanRelativeError: this.counted ? this.relativeErrorSum / this.counted : 0,
      preservedShare: this.counted ? this.preserved / this.counted : 1,
      fabricated: this.fabricated,
      suppressed: this.suppressed,
    };
  }
}

export function evaluateSynthesis(
  source: Dataset,
  output: Dataset,
  options: EvaluationOptions,
): SynthesisEvaluation {
  const [alignedSource, alignedOutput] = alignDatasets(source, output);
  const sourceCounter = new TupleCounter(alignedSource);
  const outputCounter = new TupleCounter(alignedOutput);
  const k = options.k ?? null;
  const threshold = k ?? 1;
  let smallest = Number.POSITIVE_INFINITY;
  let belowK = 0;
  const lengths: LengthEvaluation[] = [];
  for (let length = 1; length <= options.reportingLength; length++) {
    const tally = new LengthTally();
    for (const columns of columnTuples(source.columns.length, length)) {
      // Each counter reuses its own buffer, so both tuples' counts stay valid side by side.
      const sourceCounts = sourceCounter.count(columns);
      const outputCounts = outputCounter.count(columns);
      const sourceAt = (index: number) => cellCount(sourceCounts, index);
      forEachCell(outputCounts, (_, outputCount, index) => {
        const sourceCount = sourceAt(index);
        smallest = Math.min(smallest, sourceCount);
        if (k !== null && sourceCount < k) belowK++;
        tally.add(sourceCount, outputCount, threshold);
      });
      forEachCell(sourceCounts, (_, sourceCount, index) => {
        if (cellCount(outputCounts, index) === 0) tally.add(sourceCount, 0, threshold);
      });
    }
    lengths.push(tally.result(length));
  }
  return {
    reportingLength: options.reportingLength,
    k,
    sourceRecords: source.rowCount,
    outputRecords: output.rowCount,
    lengths,
    privacy: {
      smallestSourceCount: Number.isFinite(smallest) ? smallest : null,
      combinationsBelowK: k === null ? null : belowK,
    },
  };
}

function cellCount(tuple: ReturnType<TupleCounter['count']>, index: number): number {
  if (tuple.dense) return (tuple.dense[index] as number) ?? 0;
  return tuple.sparse?.get(index) ?? 0;
}
