// The embedded database's files are the account's own: directory 0700, files 0600, also when repaired.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIRECTORY_MODE, DATA_FILE_MODE } from './data-directory.js';
import { migrateDatabase, openDatabase } from './db.js';

async function modesUnder(
  directory: string,
): Promise<{ path: string; mode: number; isDirectory: boolean }[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const all = [{ path: directory, isDirectory: true }].concat(
    entries.map((entry) => ({
      path: path.join(entry.parentPath, entry.name),
      isDirectory: entry.isDirectory(),
    })),
  );
  return Promise.all(all.map(async (entry) => ({ ...entry, mode: (await stat(entry.path)).mode & 0o777 })));
}

describe('the embedded data directory', () => {
  let directory = '';
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('is created 0700 with every file 0600, while open and after closing', { timeout: 180_000 }, async () => {
    directory = path.join(await mkdtemp(path.join(tmpdir(), 'concerted-data-')), 'data');
    const handle = await openDatabase({ dataDir: directory });
    const whileOpen = await modesUnder(directory);
    await migrateDatabase(handle);
    await handle.close();
    const afterClose = await modesUnder(directory);
    for (const modes of [whileOpen, afterClose]) {
      expect(modes.length).toBeGreaterThan(100);
      expect(modes.filter((e) => e.isDirectory && e.mode !== DATA_DIRECTORY_MODE)).toEqual([]);
      expect(modes.filter((e) => !e.isDirectory && e.mode !== DATA_FILE_MODE)).toEqual([]);
    }
  });

  it('repairs a directory an earlier version left world-writable', { timeout: 120_000 }, async () => {
    directory = path.join(await mkdtemp(path.join(tmpdir(), 'concerted-data-')), 'data');
    await (await openDatabase({ dataDir: directory })).close();
    const { chmod } = await import('node:fs/promises');
    await chmod(directory, 0o777);
    await writeFile(path.join(directory, 'left-behind'), 'x', { mode: 0o666 });
    await chmod(path.join(directory, 'left-behind'), 0o666);
    const handle = await openDatabase({ dataDir: directory });
    expect((await stat(directory)).mode & 0o777).toBe(DATA_DIRECTORY_MODE);
    expect((await stat(path.join(directory, 'left-behind'))).mode & 0o777).toBe(DATA_FILE_MODE);
    await handle.close();
  });
});
