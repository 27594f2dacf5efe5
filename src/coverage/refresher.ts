// Findings too long to compute while a reader waits (a million activities, a whole region changed) are brought up
// to date here, in the background, one country a transaction, under the rights of the reader who asked: the
// next reader gets them. One refresh runs per caller scope and query; on the embedded database, whose one
// connection serves a transaction at a time, readers are served between two countries.
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseActor } from '../access/context.js';
import type { Transaction } from '../platform/db.js';
import type { Background } from './findings-store.js';
import { refreshStaleCountry } from './findings-store.js';
import type { CoverageQuery } from './schemas.js';

export type RunAs = <T>(actor: DatabaseActor, work: (tx: Transaction) => Promise<T>) => Promise<T>;

export class FindingsRefresher {
  private readonly running = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly runAs: RunAs,
    private readonly log: FastifyBaseLogger,
    private readonly inlineActivities: number,
  ) {}

  /** What the findings store needs to leave a long computation to this refresher, for this reader and query. */
  backgroundFor(actor: DatabaseActor, query: CoverageQuery): Background {
    return {
      inlineActivities: this.inlineActivities,
      schedule: (scope, key) => this.schedule(`${scope} ${key}`, actor, query),
    };
  }

  /** Resolves once nothing is being refreshed (for tests and for closing). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
  }

  private schedule(id: string, actor: DatabaseActor, query: CoverageQuery): void {
    if (this.closed || this.running.has(id)) return;
    const task = this.refresh(actor, query)
      .catch((error: unknown) =>
        // The message names tables and countries at most: findings hold no personal data.
        this.log.error(
          { error: error instanceof Error ? error.message : String(error) },
          'coverage findings could not be brought up to date in the background; the next reader asks again',
        ),
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, task);
  }

  private async refresh(actor: DatabaseActor, query: CoverageQuery): Promise<void> {
    const started = performance.now();
    let countries = 0;
    for (;;) {
      if (this.closed) return;
      // Leaves the event loop to readers between two countries.
      await new Promise((resolve) => setImmediate(resolve));
      const left = await this.runAs(actor, (tx) => refreshStaleCountry(tx, query));
      countries += 1;
      if (left === 0) break;
    }
    this.log.info(
      { countries, ms: Math.round(performance.now() - started) },
      'coverage findings brought up to date in the background',
    );
  }
}
