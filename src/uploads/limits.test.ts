// The README's table of upload limits is the declared table, value for value.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeLimit, UPLOAD_LIMITS, type UploadLimitName } from './limits.js';

describe('upload limits', () => {
  it('are each documented in the README with their value and refusal status', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [name, limit] of Object.entries(UPLOAD_LIMITS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `README row for ${name}`).toBe(
        `| \`${name}\` | ${describeLimit(name as UploadLimitName)} | ${limit.counts} | ${limit.status} |`,
      );
    }
  });
});
