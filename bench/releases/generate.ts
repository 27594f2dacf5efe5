// A generated dataset shaped like the CTDC public file: 27 categorical columns (gender, age band, majority
// status, citizenship skewed over about a hundred countries, country of exploitation, and is*/means*/
// recruiterRelation*/typeOf* flags that are mostly missing or '0'/'1'), deterministic for a seed. Records
// come from a few data sources that each record only some flag groups, as in the real collection.
import type { Column, Dataset } from '../../src/releases/engine/dataset.js';
import { Prng } from '../../src/releases/engine/prng.js';

const AGE_BANDS = ['0--8', '9--17', '18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+'];
const COUNTRIES = Array.from({ length: 110 }, (_, i) =>
  String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)),
);

/** Flag groups, and the chance of '1' for sexual, labour and other exploitation. */
const FLAGS: [name: string, group: number, sexual: number, labour: number, other: number][] = [
  ['isForcedLabour', 0, 0.03, 0.95, 0.1],
  ['isSexualExploitation', 0, 0.97, 0.02, 0.05],
  ['isOtherExploit', 0, 0.02, 0.05, 0.9],
  ['isSexAndLabour', 0, 0.05, 0.05, 0.02],
  ['isForcedMarriage', 0, 0.02, 0.01, 0.3],
  ['isAbduction', 1, 0.08, 0.03, 0.2],
  ['meansDebtBondageEarnings', 1, 0.35, 0.55, 0.2],
  ['meansThreats', 1, 0.5, 0.4, 0.3],
  ['meansAbusePsyPhySex', 1, 0.55, 0.3, 0.3],
  ['meansFalsePromises', 1, 0.45, 0.5, 0.2],
  ['meansDrugsAlcohol', 1, 0.2, 0.05, 0.05],
  ['meansDenyBasicNeeds', 1, 0.15, 0.3, 0.1],
  ['meansExcessiveWorkHours', 1, 0.2, 0.45, 0.1],
  ['meansWithholdDocs', 1, 0.25, 0.5, 0.15],
  ['recruiterRelationIntimatePartner', 2, 0.2, 0.03, 0.1],
  ['recruiterRelationFriend', 2, 0.25, 0.2, 0.2],
  ['recruiterRelationFamily', 2, 0.15, 0.1, 0.4],
  ['recruiterRelationOther', 2, 0.3, 0.6, 0.2],
  ['typeOfLabourAgriculture', 3, 0, 0.25, 0],
  ['typeOfLabourConstruction', 3, 0, 0.2, 0],
  ['typeOfLabourDomesticWork', 3, 0, 0.3, 0.05],
  ['typeOfSexProstitution', 3, 0.85, 0, 0],
];

/** Which flag groups each data source records, and its share of the records. */
const SOURCES: { groups: number[]; share: number }[] = [
  { groups: [0, 1, 2, 3], share: 0.25 },
  { groups: [0, 3], share: 0.45 },
  { groups: [0, 1], share: 0.2 },
  { groups: [], share: 0.1 },
];

export const CTDC_COLUMNS = [
  'gender',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  'CountryOfExploitation',
  ...FLAGS.map(([name]) => name),
];

function zipf(size: number, exponent: number): number[] {
  return Array.from({ length: size }, (_, i) => 1 / (i + 1) ** exponent);
}

class ColumnCodes {
  readonly codes: Uint32Array;
  constructor(
    readonly name: string,
    readonly values: string[],
    rows: number,
  ) {
    this.codes = new Uint32Array(rows);
  }
  /** Sets a row's value by its index in `values` without the leading '' (or leaves it missing). */
  set(row: number, valueIndex: number | null): void {
    if (valueIndex !== null) this.codes[row] = valueIndex + 1;
  }
  column(): Column {
    return { name: this.name, values: ['', ...this.values], codes: this.codes };
  }
}

export function generateCtdcDataset(rows: number, seed = 'ctdc'): Dataset {
  const prng = new Prng(seed);
  const gender = new ColumnCodes('gender', ['Female', 'Male', 'Transgender/NonConforming'], rows);
  const age = new ColumnCodes('ageBroad', AGE_BANDS, rows);
  const majority = new ColumnCodes('majorityStatus', ['Adult', 'Minor'], rows);
  const citizenship = new ColumnCodes('citizenship', COUNTRIES, rows);
  const exploitation = new ColumnCodes('CountryOfExploitation', COUNTRIES, rows);
  const flags = FLAGS.map(([name]) => new ColumnCodes(name, ['0', '1'], rows));
  const citizenshipWeights = zipf(COUNTRIES.length, 1.3);
  const destinationWeights = zipf(COUNTRIES.length, 1.1);
  const ageWeights = [0.03, 0.12, 0.15, 0.16, 0.14, 0.12, 0.18, 0.07, 0.03];
  const sourceWeights = SOURCES.map((source) => source.share);
  for (let row = 0; row < rows; row++) {
    const kind = prng.pickWeighted([0.6, 0.33, 0.07]);
    gender.set(row, prng.pickWeighted(kind === 0 ? [0.93, 0.06, 0.01] : [0.45, 0.55, 0]));
    const band = prng.next() < 0.35 ? null : prng.pickWeighted(ageWeights);
    age.set(row, band);
    majority.set(
      row,
      band === null ? (prng.next() < 0.5 ? null : prng.pickWeighted([0.8, 0.2])) : band < 2 ? 1 : 0,
    );
    const origin = prng.pickWeighted(citizenshipWeights);
    citizenship.set(row, prng.next() < 0.05 ? null : origin);
    exploitation.set(row, prng.next() < 0.6 ? origin : prng.pickWeighted(destinationWeights));
    const recorded = (SOURCES[prng.pickWeighted(sourceWeights)] as (typeof SOURCES)[0]).groups;
    FLAGS.forEach(([, group, ...chances], index) => {
      if (!recorded.includes(group)) return;
      (flags[index] as ColumnCodes).set(row, prng.next() < (chances[kind] as number) ? 1 : 0);
    });
  }
  const columns = [gender, age, majority, citizenship, exploitation, ...flags].map((codes) => codes.column());
  return { rowCount: rows, columns };
}
