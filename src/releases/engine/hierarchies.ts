// Generalisation hierarchies (age → bands, country → M49 sub-region → region → world, or a mapping
// table) and `generalise`, which coarsens one column of a dataset so that fewer records stand out.
import { AppError } from '../../platform/errors.js';
import { buildCountryList, buildM49Areas } from '../../reference/index.js';
import { columnIndex, type Dataset, MISSING } from './dataset.js';

/** Coarser and coarser views of a column's values; level 0 is the value as published. */
export type Hierarchy = {
  name: string;
  /** One name per level, level 0 first ("as published"). */
  levels: string[];
  /** The value at `level` (≥ 1), or undefined when the hierarchy does not know the value. */
  generalise(value: string, level: number): string | undefined;
};

export type Generalisation = {
  dataset: Dataset;
  /** Distinct present values the hierarchy did not know: they stay as published. */
  unknownValues: string[];
  /** Records holding one of those values. */
  unknownRecords: number;
};

/** CTDC's ageBroad bands (0–8, 9–17, 18–20, …, 48+): [lowest age, highest age]. */
const AGE_BANDS: [number, number][] = [
  [0, 8],
  [9, 17],
  [18, 20],
  [21, 23],
  [24, 26],
  [27, 29],
  [30, 38],
  [39, 47],
  [48, Number.POSITIVE_INFINITY],
];
const ADULT_AGE = 18;
const bandLabel = ([low, high]: [number, number]) => (Number.isFinite(high) ? `${low}–${high}` : `${low}+`);

/** An age ("34"), or a range of ages as labels write them ("18--20", "18–20", "9-17", "48+"). */
function parseAges(value: string): [number, number] | undefined {
  const single = /^\d{1,3}(\.\d+)?$/.exec(value);
  if (single) return [Math.floor(Number(value)), Math.floor(Number(value))];
  const range = /^(\d{1,3})\s*(?:-{1,2}|–|—|to)\s*(\d{1,3})$/.exec(value);
  if (range) return [Number(range[1]), Number(range[2])];
  const open = /^(\d{1,3})\s*\+$/.exec(value);
  if (open) return [Number(open[1]), Number.POSITIVE_INFINITY];
  return undefined;
}

const CHILD_WORDS = new Set(['child', 'children', 'minor', 'minors']);
const ADULT_WORDS = new Set(['adult', 'adults']);

/** Age: band (CTDC's ageBroad), then child or adult, then any age. A range that spans two bands stays. */
export function ageHierarchy(): Hierarchy {
  return {
    name: 'age',
    levels: ['as published', 'age band', 'child or adult', 'any age'],
    generalise(value, level) {
      const word = value.trim().toLowerCase();
      const isChildWord = CHILD_WORDS.has(word);
      if (level >= 3) return parseAges(word) || isChildWord || ADULT_WORDS.has(word) ? 'any age' : undefined;
      if (level === 2 && (isChildWord || ADULT_WORDS.has(word))) return isChildWord ? 'child' : 'adult';
      const ages = parseAges(word);
      if (!ages) return undefined;
      const [low, high] = ages;
      if (level === 2) {
        if (high < ADULT_AGE) return 'child';
        return low >= ADULT_AGE ? 'adult' : undefined;
      }
      const band = AGE_BANDS.find(([bandLow, bandHigh]) => low >= bandLow && high <= bandHigh);
      return band ? bandLabel(band) : undefined;
    },
  };
}

const normaliseName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

type CountryLevels = { subregion: string; region: string };
let countryLookup: Map<string, CountryLevels | null> | undefined;

/** Alpha-2, alpha-3 and names in the six UN languages → the English names of its sub-region and region. */
function countryLevels(): Map<string, CountryLevels | null> {
  if (countryLookup) return countryLookup;
  const areaName = new Map(buildM49Areas().map((area) => [area.code, area.names.en]));
  countryLookup = new Map();
  for (const country of buildCountryList()) {
    const { subregionCode, regionCode } = country;
    const levels =
      subregionCode && regionCode
        ? {
            subregion: areaName.get(subregionCode) ?? subregionCode,
            region: areaName.get(regionCode) ?? regionCode,
          }
        : null;
    const keys = [country.iso2, country.iso3, ...Object.values(country.names)];
    for (const key of keys) countryLookup.set(normaliseName(key), levels);
  }
  return countryLookup;
}

/** Country (ISO 3166 alpha-2, alpha-3 or a name) → M49 sub-region → region → world. */
export function countryHierarchy(): Hierarchy {
  return {
    name: 'country',
    levels: ['as published', 'sub-region', 'region', 'world'],
    generalise(value, level) {
      const levels = countryLevels().get(normaliseName(value));
      if (levels === undefined) return undefined;
      if (level >= 3) return 'World';
      // M49 places Antarctica in no region: it can only become the world.
      if (levels === null) return undefined;
      return level === 1 ? levels.subregion : levels.region;
    },
  };
}

/**
 * A hierarchy from a table of value → parent (a parent may have its own parent, and so on). Level n is
 * the n-th ancestor; a value whose chain ends earlier stays at its topmost ancestor.
 */
export function mappingHierarchy(
  name: string,
  parents: ReadonlyMap<string, string> | Record<string, string>,
): Hierarchy {
  const parentOf = parents instanceof Map ? new Map(parents) : new Map(Object.entries(parents));
  let depth = 0;
  for (const value of parentOf.keys()) depth = Math.max(depth, chainLength(parentOf, value, name));
  return {
    name,
    levels: ['as published', ...Array.from({ length: depth }, (_, index) => `level ${index + 1}`)],
    generalise(value, level) {
      if (!parentOf.has(value)) return undefined;
      let current = value;
      for (let step = 0; step < level; step++) current = parentOf.get(current) ?? current;
      return current;
    },
  };
}

function chainLength(parentOf: ReadonlyMap<string, string>, value: string, name: string): number {
  const seen = new Set([value]);
  let current = value;
  while (parentOf.has(current)) {
    current = parentOf.get(current) as string;
    if (seen.has(current)) {
      throw new AppError(
        'validation_failed',
        `The hierarchy "${name}" loops: "${value}" is its own ancestor through "${current}". Give every value a parent that leads to a top value.`,
        [
          {
            path: `hierarchies.${name}.${value}`,
            message: 'a value cannot be its own ancestor',
            code: 'cycle',
          },
        ],
      );
    }
    seen.add(current);
  }
  return seen.size - 1;
}

/** For each code of a column: the code of its generalised value in `values`, and what stayed unknown. */
export function generaliseCodes(
  values: readonly string[],
  hierarchy: Hierarchy,
  level: number,
): { remap: Uint32Array; values: string[]; unknownCodes: number[] } {
  const remap = new Uint32Array(values.length);
  const generalised = [''];
  const codeOf = new Map([['', MISSING]]);
  const unknownCodes: number[] = [];
  for (let code = 1; code < values.length; code++) {
    const value = values[code] as string;
    let target = level === 0 ? value : hierarchy.generalise(value, level);
    if (target === undefined) {
      unknownCodes.push(code);
      target = value;
    }
    let newCode = codeOf.get(target);
    if (newCode === undefined) {
      newCode = generalised.length;
      codeOf.set(target, newCode);
      generalised.push(target);
    }
    remap[code] = newCode;
  }
  return { remap, values: generalised, unknownCodes };
}

/** A new dataset (same records) whose `column` holds its values at `level` of `hierarchy`. */
export function generalise(
  dataset: Dataset,
  column: string,
  hierarchy: Hierarchy,
  level: number,
): Generalisation {
  const index = columnIndex(dataset, column);
  const source = dataset.columns[index];
  if (!source) {
    throw new AppError(
      'validation_failed',
      `The dataset has no column "${column}"; choose one of: ${dataset.columns.map((c) => c.name).join(', ')}.`,
      [{ path: 'column', message: 'no such column', code: 'unknown_column' }],
    );
  }
  if (!Number.isInteger(level) || level < 0 || level >= hierarchy.levels.length) {
    throw new AppError(
      'validation_failed',
      `The ${hierarchy.name} hierarchy has levels 0 to ${hierarchy.levels.length - 1}; ${level} is not one of them.`,
      [
        {
          path: 'level',
          message: 'no such level',
          code: 'too_big',
          minimum: 0,
          maximum: hierarchy.levels.length - 1,
        },
      ],
    );
  }
  const { remap, values, unknownCodes } = generaliseCodes(source.values, hierarchy, level);
  const codes = new Uint32Array(source.codes.length);
  const isUnknown = new Uint8Array(source.values.length);
  for (const code of unknownCodes) isUnknown[code] = 1;
  let unknownRecords = 0;
  for (let row = 0; row < codes.length; row++) {
    const code = source.codes[row] as number;
    codes[row] = remap[code] as number;
    unknownRecords += isUnknown[code] as number;
  }
  const columns = dataset.columns.map((c, i) => (i === index ? { name: c.name, values, codes } : c));
  return {
    dataset: { rowCount: dataset.rowCount, columns },
    unknownValues: unknownCodes.map((code) => source.values[code] as string),
    unknownRecords,
  };
}
