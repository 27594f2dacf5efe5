// How commands print: JSON for scripts, aligned text for people, one-line errors on stderr.
import { ConfigError } from '../platform/config.js';
import { AppError } from '../platform/errors.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(
  rows: Record<string, string | number | null | undefined>[],
  columns?: string[],
): void {
  const keys = columns ?? Object.keys(rows[0] ?? {});
  const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((row) => cell(row[key]).length)));
  const line = (values: string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(keys)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) process.stdout.write(`${line(keys.map((key) => cell(row[key])))}\n`);
}

/** Runs a command's action; any failure becomes one line on stderr and a non-zero exit code. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void> | void) {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      process.stderr.write(`error: ${describeFailure(error)}\n`);
      process.exitCode = 1;
    }
  };
}

export function describeFailure(error: unknown): string {
  if (error instanceof AppError || error instanceof ConfigError) return error.message;
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED')
      return 'cannot reach the database server; is PostgreSQL running and DATABASE_URL right?';
    if (code === '3D000') return 'the database named in DATABASE_URL does not exist; create it first';
    return error.message.split('\n')[0] ?? 'failed';
  }
  return String(error);
}
