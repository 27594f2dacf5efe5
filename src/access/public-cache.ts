// Anonymous answers of the read routes that opt in (config.publicCache), kept in memory and served
// again while the data version (migration 0018) has not changed: such a request costs one small read
// of that number, shared by the requests that arrive while one is under way, instead of a transaction.
//
// Why an answer served from here is the one the route would give now:
// - it was made for the same URL by the same route, for a requester with the same database role and
//   settings (the anonymous ones: row-level security saw the same requester) and no session or token;
// - it was made after the data version was read as v, so it holds every write committed up to v;
// - it is served only to a request that read v itself, in a statement sent after the request arrived:
//   every write committed before that has a number <= v, and a write committed since is concurrent
//   with the request. A write raises the number in its own transaction, so no commit is missed;
// - the routes that opt in answer from the data alone (not the clock, nor anything else of the request).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE } from './accounts.js';
import { ANONYMOUS_ACTOR, settingsFor } from './context.js';
import { ACTIONS, isAction } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Anonymous answers may be served again while the data is unchanged. Only for GET routes whose
     * answer depends on the URL and the data that row-level security shows the requester, nothing else.
     */
    publicCache?: boolean;
  }
  interface FastifyRequest {
    /** Where this request's answer is kept once made, and the data version it was made after. */
    publicCacheSlot: { key: string; version: string } | null;
  }
}

export type PublicCacheOptions = {
  /** Largest number of answers kept (the oldest go first). */
  maxEntries?: number;
  /** Largest total size of the answers kept, in UTF-16 code units. */
  maxSize?: number;
  /** Larger answers are not kept. */
  maxEntrySize?: number;
};

type Entry = { body: string; contentType: string };

/** Answers of one data version; a newer version empties it. */
export class PublicAnswers {
  private version: bigint | null = null;
  private readonly entries = new Map<string, Entry>();
  private size = 0;

  constructor(private readonly limits: Required<PublicCacheOptions>) {}

  get(key: string, version: string): Entry | undefined {
    if (this.version === null || BigInt(version) !== this.version) return undefined;
    return this.entries.get(key);
  }

  set(key: string, version: string, entry: Entry): void {
    const made = BigInt(version);
    if (this.version === null || made > this.version) {
      this.entries.clear();
      this.size = 0;
      this.version = made;
    }
    if (made < this.version || entry.body.length > this.limits.maxEntrySize) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.size += entry.body.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.size <= this.limits.maxSize) break;
      this.delete(oldest);
    }
  }

  get count(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.size -= entry.body.length;
    this.entries.delete(key);
  }
}

/**
 * Reads the data version for callers that each need a read sent after they asked: one read at a time,
 * and those who ask while it runs share the next one.
 */
export class DataVersionReader {
  private running: Promise<string> | null = null;
  private queued: Promise<string> | null = null;

  constructor(private readonly read: () => Promise<string>) {}

  fresh(): Promise<string> {
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

  private start(): Promise<string> {
    const reading = this.read();
    this.running = reading;
    const done = () => {
      if (this.running === reading) this.running = null;
    };
    reading.then(done, done);
    return reading;
  }
}

/** The requester's database role and settings: the part of the key that row-level security reads. */
const ANONYMOUS_SETTINGS = JSON.stringify(settingsFor(ANONYMOUS_ACTOR));

function isEligible(request: FastifyRequest): boolean {
  const config = request.routeOptions.config;
  if (request.method !== 'GET' || config.publicCache !== true) return false;
  if (request.principal.kind !== 'anonymous' || request.sessionExpired) return false;
  if (request.headers.authorization !== undefined || request.cookies[SESSION_COOKIE] !== undefined)
    return false;
  const action = config.action;
  return Boolean(action && isAction(action) && !('auditReads' in ACTIONS[action]));
}

export const publicCache = fp(
  async (app: FastifyInstance, options: PublicCacheOptions) => {
    const answers = new PublicAnswers({
      maxEntries: options.maxEntries ?? 500,
      maxSize: options.maxSize ?? 64 * 1024 * 1024,
      maxEntrySize: options.maxEntrySize ?? 4 * 1024 * 1024,
    });
    const versions = new DataVersionReader(() => app.database.readDataVersion());
    app.decorateRequest('publicCacheSlot', null);
    // After authentication and the route's authorisation (earlier preValidation hooks); before the
    // input is validated, as only a URL that was valid can have an answer kept.
    app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isEligible(request)) return;
      let version: string;
      try {
        version = await versions.fresh();
      } catch (error) {
        request.log.warn({ err: error }, 'could not read the data version; answering without the cache');
        return;
      }
      const key = `${ANONYMOUS_SETTINGS}\n${request.url}`;
      const kept = answers.get(key, version);
      if (kept) return reply.type(kept.contentType).send(kept.body);
      request.publicCacheSlot = { key, version };
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const slot = request.publicCacheSlot;
      if (slot && reply.statusCode === 200 && typeof payload === 'string') {
        const contentType = reply.getHeader('content-type');
        if (typeof contentType === 'string')
          answers.set(slot.key, slot.version, { body: payload, contentType });
      }
      return payload;
    });
  },
  { name: 'public-cache', dependencies: ['access-control'] },
);
