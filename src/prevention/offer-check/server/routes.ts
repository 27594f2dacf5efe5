// The job-offer check under /api/v1/offer-check: the check itself (anonymous; nothing stored, nothing of the
// offer logged), the questionnaire in a language, and the anonymous reports a person may choose to send,
// which coordinators read as counts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typed } from '../../../platform/routes.js';
import { Language } from '../../../reference/schemas.js';
import { questionnaireOf } from '../questions.js';
import { ChecklistItem, OfferCheckResult, Questionnaire } from '../result-schemas.js';
import { OfferAnswers } from '../schemas.js';
import { countOfferReports, OfferReport, OfferReportCounts, sendOfferReportAnonymously } from './reports.js';
import { type OfferCheckSources, runOfferCheck } from './service.js';

const TAGS = ['offer-check'];

/**
 * No audit entry: a check stores nothing, and an entry (with the sender's address) would keep a trace of who
 * checked an offer or sent a report. A report's own row is its record. Set before validation, so that a
 * refused body leaves no entry either.
 */
function leaveNoTrace(request: FastifyRequest, _reply: unknown, done: () => void) {
  request.audited = true;
  done();
}

export const OfferCheckRequest = z.strictObject({
  language: Language.default('en'),
  answers: OfferAnswers,
});

export async function offerCheckRoutes(app: FastifyInstance, options: { sources: OfferCheckSources }) {
  const api = typed(app);

  api.post(
    '/',
    {
      config: { action: 'offer_check.use' },
      onRequest: leaveNoTrace,
      schema: {
        tags: TAGS,
        summary: 'Check a job offer: its warning signs, each with what to do, contacts and the checklist',
        description:
          'Anonymous. Every answer may be left out; "unknown" asks the person to find out. Nothing is stored and the offer is not logged.',
        body: OfferCheckRequest,
        response: {
          200: z.object({ data: z.object({ result: OfferCheckResult, checklist: z.array(ChecklistItem) }) }),
        },
      },
    },
    async (request) => ({
      data: await runOfferCheck(request.body.answers, request.body.language, options.sources),
    }),
  );

  api.get(
    '/questionnaire',
    {
      config: { action: 'offer_check.use' },
      schema: {
        tags: TAGS,
        summary: 'The questionnaire in one of the six UN languages',
        querystring: z.object({ lang: Language.default('en') }),
        response: { 200: z.object({ data: Questionnaire }) },
      },
    },
    async (request) => ({ data: questionnaireOf(request.query.lang) }),
  );

  api.post(
    '/reports',
    {
      config: { action: 'offer_check.report' },
      onRequest: leaveNoTrace,
      schema: {
        tags: TAGS,
        summary: 'Send an anonymous report of a job offer (only when the person chooses to)',
        description: 'Holds no name, phone number or email; a body with any other field is refused.',
        body: OfferReport,
        response: { 201: z.object({ data: z.object({ sent: z.literal(true) }) }) },
      },
    },
    async (request, reply) => {
      await sendOfferReportAnonymously(request.server.database, request.body);
      return reply.status(201).send({ data: { sent: true } });
    },
  );

  api.get(
    '/reports/counts',
    {
      config: { action: 'offer_check.reports_read' },
      schema: {
        tags: TAGS,
        summary: 'Counts of the anonymous reports: by destination, warning sign, sector and agency',
        response: { 200: z.object({ data: OfferReportCounts }) },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => countOfferReports(tx)) }),
  );
}
