// The master keys that wrap persons' data keys. Key material lives outside the database: ENCRYPTION_KEY,
// the installation key file, and the files `keys rotate` writes beside it (master-<id>.key, 0600). The
// database only says which key id is current (table master_keys), so that every server starts wrapping
// with a new key as soon as a rotation commits, without a restart.
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadInstallationKey } from '../../platform/crypto.js';
import { type Queryable, rowsOf } from '../../platform/db.js';
import { writeNewFileDurably } from '../../platform/durable-file.js';
import { EnvelopeError, masterKeyId } from './envelope.js';

const KEY_FILE = /^master-(mk_[0-9a-f]{16})\.key$/;

export type KeySources = { encryptionKey?: string | undefined; dataDir: string };

export class KeyRing {
  readonly #keys = new Map<string, Buffer>();

  constructor(
    private readonly sources: KeySources,
    /** The key the installation starts with: ENCRYPTION_KEY or the installation key file. */
    readonly initialKeyId: string,
  ) {}

  static async load(sources: KeySources): Promise<KeyRing> {
    const initial = await loadInstallationKey(sources);
    const ring = new KeyRing(sources, masterKeyId(initial));
    ring.add(initial);
    await ring.reload();
    return ring;
  }

  /** Where the key files are kept: the exchange keys of cross-border packages live beside them. */
  get directory(): string {
    return keyDirectory(this.sources);
  }

  add(key: Buffer): string {
    const id = masterKeyId(key);
    this.#keys.set(id, key);
    return id;
  }

  has(id: string): boolean {
    return this.#keys.has(id);
  }

  /** The key with this id; the key directory is read again once when it is not known yet (a rotation elsewhere). */
  async key(id: string): Promise<Buffer> {
    if (!this.#keys.has(id)) await this.reload();
    const key = this.#keys.get(id);
    if (!key)
      throw new EnvelopeError(
        `the master key ${id} is not in ${keyDirectory(this.sources)}: restore its file (master-${id}.key) from the backup of the keys`,
      );
    return key;
  }

  async reload(): Promise<void> {
    const directory = keyDirectory(this.sources);
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) {
      const match = KEY_FILE.exec(name);
      if (!match || this.#keys.has(match[1] as string)) continue;
      const key = Buffer.from((await readFile(path.join(directory, name), 'utf8')).trim(), 'base64');
      if (masterKeyId(key) !== match[1])
        throw new EnvelopeError(`the key file ${name} does not hold the key its name says`);
      this.#keys.set(match[1] as string, key);
    }
  }

  /**
   * Makes a new master key and writes it to the key directory (0600), flushed to disk, before anything is
   * wrapped with it: a crash or a power loss after the rotation commits cannot take the key with it.
   */
  async create(): Promise<string> {
    const key = randomBytes(32);
    const id = masterKeyId(key);
    const file = path.join(keyDirectory(this.sources), `master-${id}.key`);
    if (!(await writeNewFileDurably(file, `${key.toString('base64')}\n`)))
      throw new EnvelopeError(`a key file ${path.basename(file)} already exists: run the rotation again`);
    this.#keys.set(id, key);
    return id;
  }
}

export function keyDirectory(sources: KeySources): string {
  return path.join(sources.dataDir, 'keys');
}

/**
 * An advisory lock between rotations and the writes that wrap new data keys: each such write holds it
 * shared from the moment it reads which key is current until it commits; a rotation takes it exclusive
 * to switch keys. So no write can read the old key, wait, and commit a data key wrapped by it after the
 * rotation has re-wrapped everything (advisory locks need no privilege on a table, and PGlite has them).
 */
export const KEY_SWITCH_LOCK = 7250303;

/**
 * The id of the key new data keys are wrapped with; the installation's first key when none is recorded
 * yet. Call it inside the transaction that stores what it wraps: it holds back a key switch until then.
 */
export async function currentMasterKeyId(tx: Queryable, ring: KeyRing): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${KEY_SWITCH_LOCK})`);
  const [current] = await rowsOf<{ id: string }>(tx, sql`select id from master_keys where is_current`);
  return current?.id ?? ring.initialKeyId;
}

/**
 * Records the installation's first key as current when no key is recorded yet; run as the owner at start.
 * Several processes starting together on a new database all try: the first insert wins, the others
 * find it there.
 */
export async function recordInitialMasterKey(db: Queryable, ring: KeyRing): Promise<void> {
  await db.execute(
    sql`insert into master_keys (id, is_current)
        select ${ring.initialKeyId}, true where not exists (select 1 from master_keys)
        on conflict do nothing`,
  );
}
