// Every installed package must accept the Node versions that package.json promises.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

type LockEntry = { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean };

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const supportedLines = ['20.19.0', '22.12.0', '24.0.0'];

function nodeRangeOf(entry: LockEntry): string | undefined {
  return Array.isArray(entry.engines) ? undefined : entry.engines?.node;
}

describe('supported Node versions', () => {
  it('declares a range that includes Node 20.19, 22 and 24', () => {
    for (const version of supportedLines) expect(semver.satisfies(version, manifest.engines.node)).toBe(true);
  });

  it('installs no runtime package that refuses a supported Node version', () => {
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = nodeRangeOf(entry);
      if (!path || !range || entry.optional) continue;
      for (const version of supportedLines) {
        if (!semver.satisfies(version, range, { includePrerelease: true }))
          refusing.push(`${path} (${range}) on ${version}`);
      }
    }
    expect(refusing).toEqual([]);
  });
});
