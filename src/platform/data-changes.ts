// Word that data changed, for work that follows from it (indicators that read statistics or count activities):
// the capability that wrote says what changed once it committed, the one that follows listens. Neither imports
// the other, and the listener runs after the answer, never inside the writer's transaction.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type DataTopic = 'activities' | 'statistics';

export class DataChanges {
  private readonly listeners = new Map<DataTopic, Set<() => void>>();

  on(topic: DataTopic, listener: () => void): void {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
  }

  notify(topic: DataTopic): void {
    for (const listener of this.listeners.get(topic) ?? []) listener();
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    dataChanges: DataChanges;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Tells the listeners of `topic` after each successful write of the routes in this plugin's scope. An answer of
 * 202 promised work still to come, which says so itself when it is done.
 */
export function notifyAfterWrites(app: FastifyInstance, topic: DataTopic): void {
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const status = reply.statusCode;
    if (SAFE_METHODS.has(request.method) || status >= 300 || status === 202) return;
    app.dataChanges.notify(topic);
  });
}
