// Running a command of the command line in-process on a test database: what it printed on stdout and stderr,
// and the exit code it set. The database stays open for the next test.
import type { Command } from 'commander';
import { vi } from 'vitest';
import type { OpenDatabase } from '../../src/cli/database.js';
import type { TestDatabase } from './databases.js';

export async function runCommand(
  makeCommand: (open: OpenDatabase) => Command,
  database: TestDatabase,
  args: string[],
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    await makeCommand(async () => ({ ...database, close: async () => {} })).parseAsync(args, {
      from: 'user',
    });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}
