// The words shared by the plan results' IATI and CSV forms: units as IATI indicator measures, sex and age
// dimension values, and the shape of what an import hands back. Pure.
import type { FieldError } from '../../platform/errors.js';
import type {
  Disaggregation,
  Indicator,
  IndicatorDirection,
  MeasureStatus,
  Period,
  Pillar,
  PlanScope,
} from './model.js';
import { PILLARS } from './plan-measures.js';

/**
 * Our own elements inside IATI results (IATI allows elements of other namespaces): the unit, the indicator's
 * id and data source and a report's status, which IATI cannot say. The same namespace as the activities' export.
 */
export const CONCERTED_NS = 'https://concerted.dev/ns/iati/1';

/**
 * IATI IndicatorMeasure codes (codelist IndicatorMeasure, 2.03): 1 Unit, 2 Percentage, 3 Nominal, 4 Ordinal,
 * 5 Qualitative. A plan's unit names a measure where one fits; any other unit (people, cases, trainings…) is
 * a count of units, code 1, and the unit itself travels in our extension.
 */
const MEASURE_OF_UNIT: Readonly<Record<string, string>> = {
  percent: '2',
  percentage: '2',
  '%': '2',
  nominal: '3',
  ordinal: '4',
  qualitative: '5',
  text: '5',
};

/** The unit a foreign file's indicator gets when it carries no unit of ours. */
const UNIT_OF_MEASURE: Readonly<Record<string, string>> = {
  '1': 'number',
  '2': 'percent',
  '3': 'nominal',
  '4': 'ordinal',
  '5': 'qualitative',
};

export function iatiMeasureOf(unit: string): string {
  return MEASURE_OF_UNIT[unit.trim().toLowerCase()] ?? '1';
}

export function unitOfIatiMeasure(code: string | undefined): string | null {
  return UNIT_OF_MEASURE[code ?? '1'] ?? null;
}

/** Whether a unit's values can be summed across activities (IATI's aggregation-status). */
export function isAggregable(unit: string): boolean {
  return iatiMeasureOf(unit) === '1';
}

/** IATI's ascending attribute: 1 when higher values are better. */
export const ascendingOf = (direction: IndicatorDirection): string => (direction === 'increase' ? '1' : '0');

export function directionOfAscending(value: string | undefined): IndicatorDirection | null {
  const normalised = (value ?? '1').trim().toLowerCase();
  if (normalised === '1' || normalised === 'true') return 'increase';
  if (normalised === '0' || normalised === 'false') return 'decrease';
  return null;
}

// Dimension values are free text in IATI; these are the spellings publishers use for the model's groups.
const SEX_WORDS: Readonly<Record<string, NonNullable<Disaggregation['sex']>>> = {
  female: 'female',
  f: 'female',
  woman: 'female',
  women: 'female',
  male: 'male',
  m: 'male',
  man: 'male',
  men: 'male',
  other: 'other',
  'non-binary': 'other',
};

const AGE_WORDS: Readonly<Record<string, NonNullable<Disaggregation['age']>>> = {
  children: 'children',
  child: 'children',
  minor: 'children',
  minors: 'children',
  'under 18': 'children',
  '0-17': 'children',
  adults: 'adults',
  adult: 'adults',
  '18+': 'adults',
};

export function sexOf(word: string): Disaggregation['sex'] | null {
  return SEX_WORDS[word.trim().toLowerCase()] ?? null;
}

export function ageOf(word: string): Disaggregation['age'] | null {
  return AGE_WORDS[word.trim().toLowerCase()] ?? null;
}

/** One key per disaggregation, to match a target with the report for the same group. */
export const disaggregationKey = (d: Disaggregation): string => `${d.sex ?? ''}|${d.age ?? ''}`;

/** The disaggregation alone, without undefined members, so that imported values compare equal to written ones. */
export function disaggregationOf(d: Disaggregation): Disaggregation {
  return { ...(d.sex ? { sex: d.sex } : {}), ...(d.age ? { age: d.age } : {}) };
}

export const isPillar = (value: string): value is Pillar => PILLARS.some((p) => p === value);

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A decimal number as written in IATI and CSV files: digits, an optional sign, a dot for decimals. */
export function decimalOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** An organisation as a file names it: by its IATI organisation identifier, its name, or both. */
export type NamedOrganisation = { ref: string | null; name: string | null };

/** The objective a result serves, as our own exports say it (other files do not). */
export type ImportedObjective = { id: string | null; title: string; pillar: Pillar | null };

/** The results of one measure as a file gives them; the measure is known when the file names it. */
export type ImportedMeasureResults = {
  /** The plan's measure id, when the file carries it (our own exports do); null for another publisher's result. */
  measureId: string | null;
  title: string;
  indicators: Indicator[];
  /** Where in the file the result is: an element's path or a row number, for sentences about it. */
  source?: string | undefined;
  objective?: ImportedObjective | undefined;
  /** The title of the IATI activity holding the result, when it has one. */
  activityTitle?: string | undefined;
  /** Who carries the measure out, as the file says (IATI's implementing organisation). */
  owner?: NamedOrganisation | undefined;
  deadline?: string | undefined;
  status?: MeasureStatus | undefined;
};

/** What a file says of the plan itself: our exports say it all; other files give at most countries. */
export type ImportedPlanFacts = {
  title?: string | undefined;
  scope?: PlanScope | undefined;
  period?: Period | undefined;
  /** Country codes as the file writes them: ISO 3166-1 alpha-3 (ours) or alpha-2 (IATI's). */
  countries: string[];
  /** The organisation that published the file (IATI's reporting organisation). */
  coordinator?: NamedOrganisation | undefined;
};

/**
 * What a results import hands back: the results it could read, each problem (something left out, with what,
 * where and how to fix it) and each note (something kept differently from how the file says it).
 */
export type ResultsImport = {
  measures: ImportedMeasureResults[];
  problems: FieldError[];
  notes: FieldError[];
  plan?: ImportedPlanFacts | undefined;
};

/** Ids for imported indicators and reports when the file carries none; the caller passes its own source. */
export type NewId = (kind: 'indicator' | 'report') => string;

/** Deterministic ids, for callers that replace them when they save. */
export function countingIds(): NewId {
  const counts = { indicator: 0, report: 0 };
  return (kind) => `imported-${kind}-${++counts[kind]}`;
}
