// Equivalence classes: records grouped by their combination of values in some columns. Each record's
// codes are folded into one number (mixed radix), then numbered densely, so that a million records
// are grouped with typed arrays and one sort at most, never with string keys.

/** Mixed-radix keys stay exact below 2^53; we fold again (densely) before getting near it. */
const LARGEST_EXACT_KEY = 2 ** 52;
/** Up to this many possible keys, classes are numbered through a lookup table instead of a sort. */
const LOOKUP_TABLE_LIMIT = 1 << 24;

export type EquivalenceClasses = {
  /** The class of each record, numbered 0 … count - 1. */
  classOf: Uint32Array;
  /** Records in each class. */
  sizes: Uint32Array;
  count: number;
};

/** Numbers distinct keys densely. `range` bounds the keys (every key is below it). */
export function numberKeys(keys: Float64Array | Uint32Array, range: number): EquivalenceClasses {
  return range <= LOOKUP_TABLE_LIMIT || range <= keys.length * 4
    ? numberByTable(keys, range)
    : numberBySorting(keys);
}

function numberByTable(keys: Float64Array | Uint32Array, range: number): EquivalenceClasses {
  const classOfKey = new Int32Array(range).fill(-1);
  const classOf = new Uint32Array(keys.length);
  let count = 0;
  for (let row = 0; row < keys.length; row++) {
    const key = keys[row] as number;
    let found = classOfKey[key] as number;
    if (found < 0) {
      found = count++;
      classOfKey[key] = found;
    }
    classOf[row] = found;
  }
  return { classOf, sizes: sizesOf(classOf, count), count };
}

function numberBySorting(keys: Float64Array | Uint32Array): EquivalenceClasses {
  const sorted = Float64Array.from(keys).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i] as number;
  }
  const distinct = sorted.subarray(0, unique);
  const classOf = new Uint32Array(keys.length);
  for (let row = 0; row < keys.length; row++) classOf[row] = binarySearch(distinct, keys[row] as number);
  return { classOf, sizes: sizesOf(classOf, unique), count: unique };
}

function binarySearch(sorted: Float64Array, key: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sizesOf(classOf: Uint32Array, count: number): Uint32Array {
  const sizes = new Uint32Array(count);
  for (let row = 0; row < classOf.length; row++)
    sizes[classOf[row] as number] = (sizes[classOf[row] as number] as number) + 1;
  return sizes;
}

/** A column as the grouping sees it: codes below `radix`, optionally passed through `remap` first. */
export type GroupingColumn = { codes: Uint32Array; radix: number; remap?: Uint32Array | undefined };

/** Groups records by their combination of codes. A missing value (code 0) is a value like any other. */
export function groupRecords(rowCount: number, columns: readonly GroupingColumn[]): EquivalenceClasses {
  const keys = new Float64Array(rowCount);
  let range = 1;
  for (const column of columns) {
    if (range * column.radix > LARGEST_EXACT_KEY) {
      const classes = numberKeys(keys, range);
      keys.set(classes.classOf);
      range = classes.count;
    }
    foldColumn(keys, column);
    range *= column.radix;
  }
  return numberKeys(keys, range);
}

function foldColumn(keys: Float64Array, { codes, radix, remap }: GroupingColumn): void {
  if (remap) {
    for (let row = 0; row < keys.length; row++)
      keys[row] = (keys[row] as number) * radix + (remap[codes[row] as number] as number);
  } else {
    for (let row = 0; row < keys.length; row++)
      keys[row] = (keys[row] as number) * radix + (codes[row] as number);
  }
}

/**
 * For each class: how many distinct present values `codes` takes in it. A missing sensitive value is
 * not counted: it tells an attacker nothing, so it must not make a class look more diverse than it is.
 */
export function distinctValuesPerClass(
  classes: EquivalenceClasses,
  codes: Uint32Array,
  radix: number,
): Uint32Array {
  const pairs = new Float64Array(codes.length);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    // Missing values all land on the key -1, which is dropped below.
    pairs[row] = code === 0 ? -1 : (classes.classOf[row] as number) * radix + code;
  }
  pairs.sort();
  const distinct = new Uint32Array(classes.count);
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i] as number;
    if (pair < 0 || (i > 0 && pair === pairs[i - 1])) continue;
    const owner = Math.floor(pair / radix);
    distinct[owner] = (distinct[owner] as number) + 1;
  }
  return distinct;
}
