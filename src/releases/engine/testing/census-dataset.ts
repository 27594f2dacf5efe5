// A generated census-style dataset shaped like the UCI Adult file (11 categorical columns, 30,000 rows by
// default): skewed values and real dependencies between columns (sex and relationship, education and
// occupation and income, age and marital status), deterministic for a seed. No real person is in it.
import { type Dataset, DatasetBuilder } from '../dataset.js';
import { Prng } from '../prng.js';

const WORKCLASS = [
  'Private',
  'Self-emp-not-inc',
  'Local-gov',
  'State-gov',
  'Self-emp-inc',
  'Federal-gov',
  'Without-pay',
  '',
];
const EDUCATION = [
  'HS-grad',
  'Some-college',
  'Bachelors',
  'Masters',
  'Assoc-voc',
  '11th',
  'Assoc-acdm',
  '10th',
  '7th-8th',
  'Prof-school',
  '9th',
  '12th',
  'Doctorate',
  '5th-6th',
  '1st-4th',
  'Preschool',
];
const MARITAL = [
  'Married-civ-spouse',
  'Never-married',
  'Divorced',
  'Separated',
  'Widowed',
  'Married-spouse-absent',
  'Married-AF-spouse',
];
const OCCUPATION = [
  'Prof-specialty',
  'Craft-repair',
  'Exec-managerial',
  'Adm-clerical',
  'Sales',
  'Other-service',
  'Machine-op-inspct',
  'Transport-moving',
  'Handlers-cleaners',
  'Farming-fishing',
  'Tech-support',
  'Protective-serv',
  'Priv-house-serv',
  'Armed-Forces',
];
const RACE = ['White', 'Black', 'Asian-Pac-Islander', 'Amer-Indian-Eskimo', 'Other'];
const COUNTRIES = [
  'United-States',
  'Mexico',
  'Philippines',
  'Germany',
  'Canada',
  'Puerto-Rico',
  'El-Salvador',
  'India',
  'Cuba',
  'England',
  'Jamaica',
  'South',
  'China',
  'Italy',
  'Dominican-Republic',
  'Vietnam',
  'Guatemala',
  'Japan',
  'Poland',
  'Columbia',
  'Taiwan',
  'Haiti',
  'Iran',
  'Portugal',
  'Nicaragua',
  'Peru',
  'France',
  'Greece',
  'Ecuador',
  'Ireland',
  'Hong',
  'Cambodia',
  'Trinadad&Tobago',
  'Laos',
  'Thailand',
  'Yugoslavia',
  'Outlying-US',
  'Hungary',
  'Honduras',
  'Scotland',
  'Holand-Netherlands',
];
const AGE_BANDS = ['17-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const HOURS = ['1-24', '25-39', '40', '41-49', '50+'];

export const CENSUS_COLUMNS = [
  'age',
  'workclass',
  'education',
  'marital-status',
  'occupation',
  'relationship',
  'race',
  'sex',
  'hours-per-week',
  'native-country',
  'income',
];

function zipf(size: number, exponent: number): number[] {
  return Array.from({ length: size }, (_, i) => 1 / (i + 1) ** exponent);
}

function censusRow(prng: Prng): string[] {
  const pick = <T>(values: readonly T[], weights: number[]) => values[prng.pickWeighted(weights)] as T;
  const age = prng.pickWeighted([0.18, 0.26, 0.24, 0.18, 0.1, 0.04]);
  const sex = prng.next() < 0.67 ? 'Male' : 'Female';
  const educationIndex = prng.pickWeighted(zipf(EDUCATION.length, 1.1));
  const isSchooled =
    educationIndex === 2 || educationIndex === 3 || educationIndex === 9 || educationIndex === 12;
  const married = age === 0 ? prng.next() < 0.08 : prng.next() < 0.55;
  const marital = married
    ? 'Married-civ-spouse'
    : pick(
        MARITAL.slice(1),
        age === 0 ? [0.9, 0.05, 0.03, 0.01, 0.005, 0.005] : [0.45, 0.3, 0.08, 0.1, 0.06, 0.01],
      );
  const relationship = married
    ? sex === 'Male'
      ? 'Husband'
      : 'Wife'
    : pick(
        ['Not-in-family', 'Own-child', 'Unmarried', 'Other-relative'],
        age === 0 ? [0.3, 0.6, 0.05, 0.05] : [0.55, 0.1, 0.3, 0.05],
      );
  const occupation = isSchooled
    ? pick(OCCUPATION, [0.35, 0.04, 0.3, 0.08, 0.1, 0.02, 0.01, 0.01, 0.01, 0.01, 0.05, 0.02, 0, 0])
    : pick(OCCUPATION, zipf(OCCUPATION.length, 0.9));
  const workclass = pick(WORKCLASS, zipf(WORKCLASS.length, 1.8));
  const hours = pick(HOURS, isSchooled ? [0.04, 0.08, 0.4, 0.18, 0.3] : [0.1, 0.12, 0.5, 0.13, 0.15]);
  const richness =
    (isSchooled ? 0.35 : 0.1) +
    (married ? 0.2 : 0) +
    (sex === 'Male' ? 0.05 : 0) +
    (age >= 2 && age <= 4 ? 0.1 : 0);
  const income = prng.next() < richness ? '>50K' : '<=50K';
  const race = pick(RACE, [0.85, 0.1, 0.03, 0.01, 0.01]);
  const country =
    prng.next() < 0.9 ? 'United-States' : pick(COUNTRIES.slice(1), zipf(COUNTRIES.length - 1, 1.2));
  return [
    AGE_BANDS[age] as string,
    workclass,
    EDUCATION[educationIndex] as string,
    marital,
    occupation,
    relationship,
    race,
    sex,
    hours,
    country,
    income,
  ];
}

export function generateCensusDataset(rows = 30_000, seed = 'census'): Dataset {
  const prng = new Prng(seed);
  const builder = new DatasetBuilder(CENSUS_COLUMNS, rows);
  for (let row = 0; row < rows; row++) builder.add(censusRow(prng));
  return builder.build();
}
