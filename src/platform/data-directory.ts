// The embedded database's directory holds every record: only the account that runs the server may read it.
import { chmod, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

export const DATA_DIRECTORY_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/**
 * Creates the directory 0700, makes files created from now on owner-only (umask 077), and repairs an
 * existing tree (earlier versions left PGlite's files world-writable). Symbolic links are left alone.
 */
export async function protectDataDirectory(dataDir: string): Promise<void> {
  // Worker threads share the process umask and may not set it; the main thread did already.
  if (isMainThread) process.umask(0o077);
  await mkdir(dataDir, { recursive: true, mode: DATA_DIRECTORY_MODE });
  await restrictTree(dataDir);
}

/**
 * PGlite's file system layer sets modes itself (0666), past the umask, on files it creates while
 * running. The 0700 directory keeps others out of them meanwhile; this puts them back to 0600 once the
 * database is up and again when it closes.
 */
export async function restrictTree(directory: string): Promise<void> {
  await chmod(directory, DATA_DIRECTORY_MODE);
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) await restrictTree(entryPath);
    else if (entry.isFile()) await chmod(entryPath, DATA_FILE_MODE);
  }
}
