// POST /api/v1/screening: screens answers against the legal elements and indicators and explains the
// result in the language asked for. Nothing is stored; a screening kept on a case goes through the case.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../platform/routes.js';
import { LanguageQuery } from './schemas.js';
import { ScreeningAnswers, ScreeningResult, screenAnswers } from './screening/index.js';

export async function screeningRoutes(app: FastifyInstance) {
  typed(app).post(
    '/',
    {
      config: { action: 'screening.run' },
      schema: {
        tags: ['cases'],
        summary: 'Screen answers for trafficking, smuggling or irregular migration, without storing anything',
        description:
          'The answers format is documented with examples in docs/screening. Every answer lists the legal elements found and missing, the indicators that weighed, and why.',
        querystring: LanguageQuery,
        body: ScreeningAnswers,
        response: { 200: z.object({ data: ScreeningResult }) },
      },
    },
    async (request) => ({ data: screenAnswers(request.body, request.query.lang, 'body') }),
  );
}
