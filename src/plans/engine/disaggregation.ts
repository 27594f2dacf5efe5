// Comparing and naming disaggregations (all people, one sex, one age group, or both), so that a target, a
// baseline and a report are matched only when they speak of the same people.
import type { Disaggregation } from './model.js';

/** The disaggregation with unset dimensions dropped, so `{ sex: undefined }` and `{}` compare equal. */
export function normaliseDisaggregation(value: Disaggregation): Disaggregation {
  const result: Disaggregation = {};
  if (value.sex !== undefined) result.sex = value.sex;
  if (value.age !== undefined) result.age = value.age;
  return result;
}

/** A stable key: "all" for totals, else "sex=female", "age=children" or "sex=female|age=children". */
export function disaggregationKey(value: Disaggregation): string {
  const parts: string[] = [];
  if (value.sex !== undefined) parts.push(`sex=${value.sex}`);
  if (value.age !== undefined) parts.push(`age=${value.age}`);
  return parts.length === 0 ? 'all' : parts.join('|');
}

export function isSameDisaggregation(a: Disaggregation, b: Disaggregation): boolean {
  return disaggregationKey(a) === disaggregationKey(b);
}

export function isTotal(value: Disaggregation): boolean {
  return disaggregationKey(value) === 'all';
}
