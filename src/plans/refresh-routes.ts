// POST /api/v1/plans/:id/indicators/refresh: reads the plan's self-checking indicators again now, rather than
// waiting for the next statistics import or change of activities.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { planView } from './plan-view.js';
import { readPlan } from './read-plan.js';
import { refreshIndicators } from './refresh-indicators.js';
import { plans } from './schema.js';
import { PlanParams, PlanView } from './schemas.js';
import { todayOf } from './today.js';

export const RefreshSummary = z.object({
  plans: z.number().int(),
  read: z.number().int().describe('Actuals asked of their sources'),
  written: z.number().int().describe('Reports written: new, or replacing one that said something else'),
  unchanged: z.number().int(),
  withoutFigure: z.number().int().describe('Actuals whose source has no figure yet: nothing written'),
});

export async function refreshRoutes(app: FastifyInstance) {
  typed(app).post(
    '/:id/indicators/refresh',
    {
      config: { action: 'plans.write' },
      schema: {
        tags: ['plans'],
        summary: 'Read the actuals of the plan’s indicators that take them from statistics or 4W activities',
        description:
          'Each target period that has begun gets an approved report naming its source (the statistics release, or the day the activities were counted); a report is replaced only when its value, status or source changed. The same runs by itself after each statistics import and change of activities.',
        params: PlanParams,
        response: { 200: z.object({ data: PlanView, refreshed: RefreshSummary }) },
      },
    },
    async (request) => {
      const { database } = request.server;
      const id = request.params.id;
      // Every signed-in partner reads every plan (migration 0044), so the owner's connection reveals nothing.
      const [plan] = await database.db
        .select({ coordinator: plans.coordinatorOrganisationId })
        .from(plans)
        .where(eq(plans.id, id));
      if (!plan) throw new AppError('not_found', 'There is no such plan, or you may not see it.');
      request.authorize('plans.write', { organisationId: plan.coordinator });
      // Automatic reports are the system's, as the background refresh writes them; the request's own
      // transaction then reads the plan back as the requester sees it and records what was refreshed.
      const refreshed = await database.db.transaction((tx) =>
        refreshIndicators(tx, { today: todayOf(), planId: id }),
      );
      const view = await request.transaction(async (tx) => {
        request.auditSubject = {
          resourceType: 'plan',
          resourceId: id,
          organisationId: plan.coordinator,
          details: { indicatorsRefreshed: refreshed.written },
        };
        return planView(await readPlan(tx, id), request.principal);
      });
      return { data: view, refreshed };
    },
  );
}
