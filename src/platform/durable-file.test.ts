// Key files written durably: flushed before they are named, never replaced, never left half-written
// under their name, and one installation key even when two processes start at the same moment.
import { mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyRing } from '../cases/person/keyring.js';
import { loadInstallationKey } from './crypto.js';
import { writeNewFileDurably } from './durable-file.js';

describe('a key file written durably', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'durable-file-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(directory, { recursive: true, force: true });
  });

  async function fileHandlePrototype() {
    const handle = await open(directory, 'r');
    await handle.close();
    return Object.getPrototypeOf(handle) as { sync(): Promise<void> };
  }

  it('flushes the file and the directories it made before returning, and leaves no temporary file', async () => {
    const sync = vi.spyOn(await fileHandlePrototype(), 'sync');
    const file = path.join(directory, 'made', 'keys', 'a.key');
    expect(await writeNewFileDurably(file, 'secret\n')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('secret\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(path.dirname(file))).toEqual(['a.key']);
    // The file, its directory, and the two new directories' parents.
    expect(sync).toHaveBeenCalledTimes(4);
  });

  it('never replaces a file that exists, and says so', async () => {
    const file = path.join(directory, 'a.key');
    await writeFile(file, 'first\n');
    expect(await writeNewFileDurably(file, 'second\n')).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('first\n');
    expect(await readdir(directory)).toEqual(['a.key']);
  });

  it('gives two processes starting together one installation key', async () => {
    const keys = await Promise.all(
      Array.from({ length: 6 }, () => loadInstallationKey({ dataDir: directory })),
    );
    const stored = await loadInstallationKey({ dataDir: directory });
    for (const key of keys) expect(key.equals(stored)).toBe(true);
    expect(await readdir(path.join(directory, 'keys'))).toEqual(['installation.key']);
  });

  it('ignores a temporary file left by a write cut off before its rename', async () => {
    const ring = await KeyRing.load({ dataDir: directory });
    const id = await ring.create();
    await writeFile(path.join(directory, 'keys', `master-${id}.key.0123456789ab.tmp`), 'cut sho');
    const fresh = await KeyRing.load({ dataDir: directory });
    expect(fresh.has(id)).toBe(true);
    expect((await fresh.key(id)).equals(await ring.key(id))).toBe(true);
  });
});
