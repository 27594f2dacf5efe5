// The start page under /api/v1/overview: one request for the home dashboard, shaped by who asks.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../platform/routes.js';
import { getOverview } from './overview.js';
import { Overview } from './schemas.js';

export async function overviewRoutes(app: FastifyInstance) {
  typed(app).get(
    '/',
    {
      config: { action: 'overview.read' },
      schema: {
        tags: ['overview'],
        summary: 'The start page: activities and partners by country, and the signed-in person’s own work',
        description:
          'Counts follow the caller’s visibility: the public sees published activities only. Signed-in people also get their organisations’ activities, pending tasks and recent changes.',
        response: { 200: z.object({ data: Overview }) },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) => getOverview(tx, request.principal, new Date())),
    }),
  );
}
