// Array literals for sending many values as one parameter (`… from unnest($1::text[], $2::int[])`):
// one statement however many values, instead of a parameter or a row constructor per value.
const NEEDS_ESCAPE = /[\\"]/;

/** A PostgreSQL array literal of text values: each quoted, with quotes and backslashes escaped. */
export function textArray(values: readonly (string | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = 'NULL';
    else parts[i] = NEEDS_ESCAPE.test(value) ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
  }
  return `{${parts.join(',')}}`;
}

/** A PostgreSQL array literal of numbers (integers or numerics). */
export function numberArray(values: readonly (number | null)[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}`;
}

export function booleanArray(values: readonly boolean[]): string {
  return `{${values.map((value) => (value ? 't' : 'f')).join(',')}}`;
}
