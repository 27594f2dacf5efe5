// Small files that must survive a crash or a power loss once written, such as key files: written to a
// temporary file, flushed to disk, then given their name in one step and the directory flushed too, so
// that the name never points at a half-written file and does not vanish after the machine restarts.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file that does not exist yet; false (and nothing changed) when one with that name already
 * does, as when another process created it first. The directory is made (0700) when missing.
 */
export async function writeNewFileDurably(file: string, contents: string, mode = 0o600): Promise<boolean> {
  const directory = path.dirname(file);
  const created = await mkdir(directory, { recursive: true, mode: 0o700 });
  // Each new directory's name lives in its parent: flush them from the first one made down.
  if (created)
    for (let parent = directory; parent !== path.dirname(created); parent = path.dirname(parent))
      await syncDirectory(path.dirname(parent));
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(contents);
    await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    return await giveName(temporary, file);
  } finally {
    await unlink(temporary).catch(() => {});
    await syncDirectory(directory);
  }
}

/**
 * A hard link names the file only if the name is free, atomically; where the file system has no hard
 * links, a rename (which would replace a file created in the meantime) is the fallback.
 */
async function giveName(temporary: string, file: string): Promise<boolean> {
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  }
  await rename(temporary, file);
  return true;
}

/** fsync of a directory: the names created or removed in it are on disk. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
