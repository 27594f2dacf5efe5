// A plan's results in and out: IATI's result structure (one activity per measure), CSV and XLSX. Exports
// carry the approved reports only; an import is checked whole before anything is written.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signedInPrincipal } from '../access/me.js';
import { FieldError } from '../platform/errors.js';
import { PlainText } from '../platform/fields.js';
import { typed } from '../platform/routes.js';
import { importResults } from './import-results.js';
import { readPlan } from './read-plan.js';
import { identifierPrefixOf, RESULTS_FORMATS, readResultsFile, writeResultsFile } from './results-files.js';
import { PlanParams } from './schemas.js';

const TAGS = ['plans'];
const BODY_LIMIT = 30 * 1024 * 1024;

export const ResultsFormat = z.enum(RESULTS_FORMATS);

const ImportRequest = z
  .object({
    format: ResultsFormat,
    fileName: PlainText(255).min(1),
    content: z.string().max(BODY_LIMIT).describe('The file: text for IATI XML and CSV, base64 for XLSX'),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    dryRun: z
      .boolean()
      .default(false)
      .describe('Check the file and say what it would change, writing nothing'),
  })
  .strict();

const ImportSummary = z.object({
  dryRun: z.boolean(),
  measures: z.number().int(),
  indicators: z.number().int(),
  reports: z.number().int(),
  notes: z.array(FieldError).describe('What was kept differently from how the file says it'),
});

export async function exchangeRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/:id/results',
    {
      config: { action: 'plans.read' },
      schema: {
        tags: TAGS,
        summary: 'The plan’s results, with approved actuals: IATI 2.03 XML, CSV or XLSX',
        params: PlanParams,
        querystring: z
          .object({
            format: ResultsFormat.default('iati'),
            lang: z.enum(['en', 'fr', 'es', 'ru', 'zh', 'ar']).default('en'),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const file = await request.transaction((tx) =>
        writeResultsFile(tx, request.params.id, format, { lang, now: new Date() }),
      );
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  api.post(
    '/:id/results',
    {
      config: { action: 'plans.write' },
      bodyLimit: BODY_LIMIT * 2,
      schema: {
        tags: TAGS,
        summary: 'Import results into the plan from IATI XML, CSV or XLSX',
        description:
          'Each result must name one of the plan’s measures (as the plan’s own exports do). Indicators of the same name are replaced, keeping their other reports; actuals replace the reports for the same period and people and count as approved. Any problem answers 400 with every problem found, and nothing is written.',
        params: PlanParams,
        body: ImportRequest,
        response: { 200: z.object({ data: ImportSummary }) },
      },
    },
    async (request) => {
      const userId = signedInPrincipal(request).userId;
      const data = await request.transaction(async (tx) => {
        const stored = await readPlan(tx, request.params.id);
        request.authorize('plans.write', { organisationId: stored.plan.coordinatorOrganisationId });
        const { prefix } = await identifierPrefixOf(tx, stored.plan);
        const { content, encoding } = request.body;
        const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
        const imported = await readResultsFile(request.body.format, bytes, prefix);
        request.auditSubject = {
          resourceType: 'plan',
          resourceId: stored.plan.id,
          organisationId: stored.plan.coordinatorOrganisationId,
          details: { resultsImport: request.body.format, dryRun: request.body.dryRun },
        };
        return importResults(tx, stored.plan.id, imported, {
          userId,
          fileName: request.body.fileName,
          dryRun: request.body.dryRun,
        });
      });
      return { data };
    },
  );
}
