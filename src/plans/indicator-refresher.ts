// Runs the self-checking indicators' refresh in the background when activities or statistics change: one run at
// a time on the owner's connection, the changes that arrive meanwhile folded into one more run after it.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { SourceKind } from './engine/automatic-actuals.js';
import { refreshIndicators } from './refresh-indicators.js';
import { todayOf } from './today.js';

export class IndicatorRefresher {
  private readonly pending = new Set<SourceKind>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly run: (kinds: readonly SourceKind[]) => Promise<unknown>,
    private readonly log: Pick<FastifyBaseLogger, 'error'>,
  ) {}

  /** Asks for the indicators reading this kind of source to be read again, soon. */
  request(kind: SourceKind): void {
    this.pending.add(kind);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no run is under way or asked for: before the database closes, and in tests. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const kinds = [...this.pending];
      this.pending.clear();
      try {
        await this.run(kinds);
      } catch (error) {
        // A failed refresh leaves the reports as they were; the next change or a refresh on demand tries again.
        this.log.error({ err: error, kinds }, 'could not refresh the plans’ self-checking indicators');
      }
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    indicatorRefresher: IndicatorRefresher;
  }
}

export const indicatorRefresh = fp(
  async (app: FastifyInstance) => {
    const refresher = new IndicatorRefresher(
      (kinds) => app.database.db.transaction((tx) => refreshIndicators(tx, { today: todayOf(), kinds })),
      app.log,
    );
    app.decorate('indicatorRefresher', refresher);
    app.dataChanges.on('activities', () => refresher.request('activities'));
    app.dataChanges.on('statistics', () => refresher.request('statistics'));
    app.addHook('onClose', () => refresher.settled());
  },
  { name: 'indicator-refresh' },
);
