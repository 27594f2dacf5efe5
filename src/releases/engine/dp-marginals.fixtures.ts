// Invented categorical records for the private-marginal tests: skewed, correlated columns with sparse
// flags, shaped loosely like a counter-trafficking case file (no real data).
import { type Dataset, datasetFromRows } from './dataset.js';
import { RandomBits } from './noise/random.js';

const COUNTRIES = [
  'Atlantis',
  'Borduria',
  'Carpania',
  'Dorsalia',
  'Elbonia',
  'Freedonia',
  'Genovia',
  'Hyrkania',
];
const AGES = ['0–8', '9–17', '18–20', '21–23', '24–26', '27–29', '30–38', '39–47', '48+'];

/** Picks index i with weight ∝ 1/(i+1)², a skewed choice. */
function skewed(rng: RandomBits, size: number): number {
  const weights = Array.from({ length: size }, (_, i) => 1 / (i + 1) ** 2);
  let pick = (rng.uniformBelow(1_000_000) / 1_000_000) * weights.reduce((sum, weight) => sum + weight, 0);
  for (let i = 0; i < size; i++) {
    pick -= weights[i] as number;
    if (pick < 0) return i;
  }
  return size - 1;
}

export function generatedCases(records: number, seed = 'cases'): Dataset {
  const rng = new RandomBits(seed);
  const names = [
    'gender',
    'ageBroad',
    'citizenship',
    'CountryOfExploitation',
    'isForcedLabour',
    'isSexualExploit',
    'meansDebtBondage',
  ];
  const rows: string[][] = [];
  for (let r = 0; r < records; r++) {
    const citizenship = skewed(rng, COUNTRIES.length);
    const sexual = rng.uniformBelow(10) < 4;
    const exploitation = rng.uniformBelow(10) < 6 ? citizenship : skewed(rng, COUNTRIES.length);
    rows.push([
      sexual || rng.uniformBelow(10) < 5 ? 'Female' : 'Male',
      rng.uniformBelow(20) === 0 ? '' : (AGES[skewed(rng, AGES.length)] as string),
      COUNTRIES[citizenship] as string,
      COUNTRIES[exploitation] as string,
      !sexual && rng.uniformBelow(10) < 7 ? '1' : '',
      sexual ? '1' : '',
      rng.uniformBelow(10) < 2 ? '1' : '',
    ]);
  }
  return datasetFromRows(names, rows);
}
