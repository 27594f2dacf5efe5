// What each record contributes to one level of the private marginals: which candidate combinations it
// holds, and the counts when each record adds at most a bounded number of them (the bound the noise is
// calibrated to). Pure: no I/O here.
import type { RecordCombinations } from './dp-combinations.js';
import type { RandomBits } from './noise/random.js';

export type Holdings = {
  /** How many candidates each record holds. */
  perRecord: Int32Array;
  /** Each candidate's count with every record adding all it holds (before clipping). */
  totals: Int32Array;
};

export function combinationsHeld(rowCount: number, walker: RecordCombinations, size: number): Holdings {
  const perRecord = new Int32Array(rowCount);
  const totals = new Int32Array(size);
  let count = 0;
  const visit = (position: number) => {
    count++;
    totals[position] = (totals[position] as number) + 1;
  };
  for (let record = 0; record < rowCount; record++) {
    count = 0;
    walker.forEach(record, visit);
    perRecord[record] = count;
  }
  return { perRecord, totals };
}

/**
 * Counts with each record adding at most `bound` of the combinations it holds: all of them when it
 * holds no more, otherwise a uniform choice by selection sampling (Knuth's Algorithm S). Only the
 * records above the bound (about 1 % at the 99th percentile) are walked again, to take back what they
 * may not add.
 */
export function clippedCounts(
  rng: RandomBits,
  walker: RecordCombinations,
  held: Holdings,
  bound: number,
): Int32Array {
  const counts = held.totals.slice();
  let seen = 0;
  let chosen = 0;
  let holds = 0;
  const visit = (position: number) => {
    if (rng.uniformBelow(holds - seen) < bound - chosen) chosen++;
    else counts[position] = (counts[position] as number) - 1;
    seen++;
  };
  for (let record = 0; record < held.perRecord.length; record++) {
    holds = held.perRecord[record] as number;
    if (holds <= bound) continue;
    seen = 0;
    chosen = 0;
    walker.forEach(record, visit);
  }
  return counts;
}
