// Decorates the app with its import slots and the limits its readers enforce, and gives import routes the
// hooks that refuse an over-long body or a full queue before reading a byte.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ImportSlots, type ImportSlotsOptions, ImportsBusy } from './import-slots.js';
import { type ReadLimits, readLimitsFor, UPLOAD_LIMITS } from './limits.js';
import { refuseDeclaredLength } from './read-body.js';
import { DEFAULT_BUDGET, type WorkerBudget } from './read-in-worker.js';

export type UploadSettings = {
  slots?: ImportSlotsOptions;
  budget?: WorkerBudget;
  /** Narrower read limits (tests); the declared ones otherwise. */
  limits?: Partial<ReadLimits>;
};

type Uploads = {
  slots: ImportSlots;
  budget: WorkerBudget;
  limitsFor(kind: 'activities' | 'statistics'): ReadLimits;
};

type Ticket = { release(): void; isWorking: boolean; isClosed: boolean };

declare module 'fastify' {
  interface FastifyInstance {
    uploads: Uploads;
  }
  interface FastifyRequest {
    importTicket?: Ticket;
  }
}

export const uploads = fp<UploadSettings>(
  async (app, settings) => {
    const decorated: Uploads = {
      slots: new ImportSlots(settings.slots),
      budget: settings.budget ?? DEFAULT_BUDGET,
      limitsFor: (kind) => ({ ...readLimitsFor(kind), ...settings.limits }),
    };
    app.decorate('uploads', decorated);
  },
  { name: 'uploads' },
);

/**
 * Route hooks for an import: a declared Content-Length over the body limit is refused at once (413), and
 * the request waits for an import slot or, with the queue full, is refused with Retry-After (503).
 */
export function importRouteHooks(bodyLimit: 'activitiesBodyBytes' | 'statisticsBodyBytes') {
  return {
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      refuseDeclaredLength(request.headers['content-length'], bodyLimit, UPLOAD_LIMITS[bodyLimit].value);
      const release = await acquireOrRefuse(request.server, reply);
      const ticket: Ticket = { release, isWorking: false, isClosed: false };
      request.importTicket = ticket;
      // A client that hangs up frees the slot, unless its import is still running (it frees it then).
      reply.raw.once('close', () => {
        ticket.isClosed = true;
        if (!ticket.isWorking) release();
      });
    },
    onResponse: async (request: FastifyRequest) => {
      request.importTicket?.release();
    },
  };
}

async function acquireOrRefuse(app: FastifyInstance, reply: FastifyReply) {
  try {
    return await app.uploads.slots.acquire();
  } catch (error) {
    if (error instanceof ImportsBusy) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}

/**
 * Hands the request's slot to work that goes on after the response (an import job): the request's hooks
 * no longer free it, and the caller must call the returned function once, however the work ends.
 */
export function keepSlotAfterResponse(request: FastifyRequest): () => void {
  const ticket = request.importTicket;
  if (!ticket) throw new Error('An import route must use importRouteHooks.');
  // Working for good, as far as the hooks know: neither the client hanging up nor the response frees it.
  ticket.isWorking = true;
  request.importTicket = undefined;
  return ticket.release;
}

/** Runs the import holding the request's slot; the slot is freed when both the import and the request end. */
export async function whileHoldingSlot<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
  const ticket = request.importTicket;
  if (!ticket) throw new Error('An import route must use importRouteHooks.');
  ticket.isWorking = true;
  try {
    return await work();
  } finally {
    ticket.isWorking = false;
    if (ticket.isClosed) ticket.release();
  }
}
