// The data version (migration 0018) as requests use it: read once per request, in a statement sent
// after the request arrived, and shared by the requests waiting for it; and a bounded keeper of what
// was learnt at one version (sessions checked, answers made), which a newer version empties.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DataVersions } from '../platform/db.js';

declare module 'fastify' {
  interface FastifyInstance {
    dataVersions: DataVersionReader<DataVersions>;
  }
  interface FastifyRequest {
    /**
     * The data version read for this request, in a statement sent after it arrived: every write that
     * committed before the request has a number up to it. Null when it could not be read (the request
     * then does without what was kept).
     */
    freshDataVersion(): Promise<string | null>;
    /**
     * The access version (migration 0040), from the same read: every change to sessions, users,
     * memberships and grants committed before the request has a number up to it.
     */
    freshAccessVersion(): Promise<string | null>;
    dataVersionRead: Promise<DataVersions | null> | null;
  }
}

/**
 * Reads the data version for callers that each need a read sent after they asked: one read at a time,
 * and those who ask while it runs share the next one.
 */
export class DataVersionReader<T = string> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  fresh(): Promise<T> {
    if (!this.running) return this.start();
    if (!this.queued) {
      const after = this.running.then(
        () => {},
        () => {},
      );
      this.queued = after.then(() => {
        this.queued = null;
        return this.start();
      });
    }
    return this.queued;
  }

  private start(): Promise<T> {
    const reading = this.read();
    this.running = reading;
    const done = () => {
      if (this.running === reading) this.running = null;
    };
    reading.then(done, done);
    return reading;
  }
}

export type KeeperLimits = {
  /** Largest number of entries kept (the least recently used go first). */
  maxEntries: number;
  /** Largest total size of the entries kept, in bytes. */
  maxSize: number;
  /** Larger entries are not kept. */
  maxEntrySize: number;
};

/**
 * Entries learnt at one data version, least recently used first out. An entry is given out only to a
 * caller that read that same version; one made at an older version than those kept is not kept.
 */
export class VersionKeeper<T> {
  private version: bigint | null = null;
  private readonly entries = new Map<string, { value: T; size: number }>();
  private size = 0;

  constructor(
    private readonly limits: KeeperLimits,
    private readonly sizeOf: (value: T) => number = () => 0,
  ) {}

  get(key: string, version: string): T | undefined {
    if (this.version === null || BigInt(version) !== this.version) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map order is the eviction order: the entry just used moves to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: T): void {
    const made = BigInt(version);
    if (this.version === null || made > this.version) this.clear(made);
    const size = this.sizeOf(value);
    if (made < (this.version as bigint) || size > this.limits.maxEntrySize) return;
    this.delete(key);
    this.entries.set(key, { value, size });
    this.size += size;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.size <= this.limits.maxSize) break;
      this.delete(oldest);
    }
  }

  /** Forgets one entry at once, whatever the version (a session that ended here). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.size -= entry.size;
    this.entries.delete(key);
  }

  get count(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.size;
  }

  private clear(version: bigint): void {
    this.entries.clear();
    this.size = 0;
    this.version = version;
  }
}

function versionsForRequest(request: FastifyRequest): Promise<DataVersions | null> {
  request.dataVersionRead ??= request.server.dataVersions.fresh().catch((error: unknown) => {
    request.log.warn({ err: error }, 'could not read the data version; answering without what was kept');
    return null;
  });
  return request.dataVersionRead;
}

async function dataVersionForRequest(this: FastifyRequest): Promise<string | null> {
  return (await versionsForRequest(this))?.data ?? null;
}

async function accessVersionForRequest(this: FastifyRequest): Promise<string | null> {
  return (await versionsForRequest(this))?.access ?? null;
}

export const dataVersions = fp(
  async (app: FastifyInstance) => {
    app.decorate('dataVersions', new DataVersionReader(() => app.database.readVersions()));
    app.decorateRequest('dataVersionRead', null);
    app.decorateRequest('freshDataVersion', dataVersionForRequest);
    app.decorateRequest('freshAccessVersion', accessVersionForRequest);
  },
  { name: 'data-versions' },
);
