// The values inside IATI results (numbers, dates, sex and age dimensions), read with a sentence for each that
// does not fit. Pure.
import { childrenOf, type XmlNode } from '../../activities/import/xml-tree.js';
import type { Disaggregation } from './model.js';
import { ageOf, decimalOf, disaggregationOf, isIsoDate, sexOf } from './results-vocabulary.js';

/** Where problems (something left out) and notes (something kept differently) go. */
export type Findings = {
  problem(path: string, code: string, message: string): void;
  note(path: string, code: string, message: string): void;
};

export type Dimensions = { disaggregation: Disaggregation; others: string[] };

export function readBaselineDate(node: XmlNode, path: string, findings: Findings): string | null {
  const isoDate = node.attributes['iso-date']?.trim().slice(0, 10);
  if (isoDate && isIsoDate(isoDate)) return isoDate;
  const year = node.attributes.year?.trim();
  if (year && /^\d{4}$/.test(year)) return `${year}-01-01`;
  findings.problem(
    path,
    'invalid_baseline_date',
    `The baseline at ${path} has neither a valid iso-date (YYYY-MM-DD) nor a year: add year="2024" or iso-date="2024-01-01"; the baseline was not imported.`,
  );
  return null;
}

export function readDate(node: XmlNode | undefined, path: string, findings: Findings): string | null {
  const text = node?.attributes['iso-date']?.trim().slice(0, 10);
  if (text && isIsoDate(text)) return text;
  findings.problem(
    path,
    'invalid_period_date',
    node
      ? `The date at ${path} is "${node.attributes['iso-date'] ?? ''}", not a date: write it as iso-date="YYYY-MM-DD"; the period was not imported.`
      : `The period has no ${path.split('/').at(-1)} element (${path}): add it with an iso-date="YYYY-MM-DD"; the period was not imported.`,
  );
  return null;
}

export function readValue(
  node: XmlNode,
  path: string,
  what: string,
  isRequired: boolean,
  findings: Findings,
): number | null {
  const text = node.attributes.value;
  if (text === undefined || text.trim() === '') {
    if (isRequired)
      findings.problem(
        path,
        'missing_value',
        `The ${what} at ${path} has no value: add value="…" with a number; it was not imported.`,
      );
    else findings.note(path, 'missing_value', `The ${what} at ${path} has no value; it was passed over.`);
    return null;
  }
  const value = decimalOf(text);
  if (value === null)
    findings.problem(
      path,
      'invalid_value',
      `The ${what} at ${path} has value="${text}", which is not a number: write digits with a dot for decimals (such as 12.5), without thousands separators or units; it was not imported.`,
    );
  return value;
}

/** Sex and age as the model's groups; other dimensions kept as words; an unknown sex or age refuses the value. */
export function readDimensions(node: XmlNode, path: string, findings: Findings): Dimensions | null {
  const result: Dimensions = { disaggregation: {}, others: [] };
  for (const dimension of childrenOf(node, 'dimension')) {
    const name = (dimension.attributes.name ?? '').trim();
    const word = (dimension.attributes.value ?? '').trim();
    const kind = name.toLowerCase();
    if (kind !== 'sex' && kind !== 'age') {
      result.others.push(`${name || 'unnamed dimension'}: ${word}`);
      continue;
    }
    const group = kind === 'sex' ? sexOf(word) : ageOf(word);
    if (!group) {
      const expected = kind === 'sex' ? 'female, male or other' : 'children or adults';
      findings.problem(
        path,
        'unknown_dimension_value',
        `The ${kind} dimension at ${path} is "${word}", which the plan does not know: use ${expected}; the value was not imported.`,
      );
      return null;
    }
    result.disaggregation = { ...result.disaggregation, [kind]: group };
  }
  result.disaggregation = disaggregationOf(result.disaggregation);
  return result;
}
