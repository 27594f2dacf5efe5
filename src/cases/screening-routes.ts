// POST /api/v1/screening: screens answers against the legal elements and indicators and explains the
// result in the language asked for. Nothing is stored; a screening kept on a case goes through the case.
// GET /api/v1/screening/questions: the questions and indicators of the current rules, in that language, so
// that a guided screening asks exactly what the rules know and no copy of them lives in the browser.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { typed } from '../platform/routes.js';
import { LanguageQuery } from './schemas.js';
import { ScreeningAnswers, ScreeningResult, screenAnswers } from './screening/index.js';
import { Questionnaire, questionnaireOf } from './screening/questionnaire.js';

export async function screeningRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/questions',
    {
      config: { action: 'screening.run' },
      schema: {
        tags: ['cases'],
        summary: 'The questions and indicators of the current screening rules, in the language asked for',
        description:
          'Grouped by topic (act, means, purpose, migration, smuggling, consent); indicators carry their element and strength. Answer them with POST /api/v1/screening.',
        querystring: LanguageQuery,
        response: { 200: z.object({ data: Questionnaire }) },
      },
    },
    async (request) => ({ data: questionnaireOf(request.query.lang) }),
  );

  api.post(
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
