// A plan's results in and out: IATI's result structure (one activity per measure), CSV and XLSX. Exports
// carry the approved reports only; an import is checked whole before anything is written.

import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { signedInPrincipal } from '../access/me.js';
import { organisations } from '../partners/index.js';
import type { Queryable } from '../platform/db.js';
import { FieldError } from '../platform/errors.js';
import { PlainText } from '../platform/fields.js';
import { typed } from '../platform/routes.js';
import { readIatiResults } from './engine/iati-results-read.js';
import { iatiResultsDocument } from './engine/iati-results-write.js';
import type { Plan } from './engine/model.js';
import { listPlanMeasures } from './engine/plan-measures.js';
import { readResultsCsv, resultsCsv } from './engine/results-csv.js';
import type { ResultsImport } from './engine/results-vocabulary.js';
import { readResultsXlsx, resultsXlsx } from './engine/results-xlsx.js';
import { importResults } from './import-results.js';
import { readPlan } from './read-plan.js';
import { PlanParams } from './schemas.js';

const TAGS = ['plans'];
const BODY_LIMIT = 30 * 1024 * 1024;

export const ResultsFormat = z.enum(['iati', 'csv', 'xlsx']);

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

/** The identifier prefix the plan's results are published under: its coordinator's IATI identifier, if any. */
async function identifierPrefixOf(
  db: Queryable,
  plan: Plan,
): Promise<{ prefix: string; ref: string; name: string }> {
  const [coordinator] = await db
    .select({ name: organisations.name, ref: organisations.iatiIdentifier })
    .from(organisations)
    .where(eq(organisations.id, plan.coordinatorOrganisationId));
  const ref = coordinator?.ref ?? 'XI-CONCERTED';
  return { prefix: `${ref}-PLAN-${plan.id.slice(0, 8)}`, ref, name: coordinator?.name ?? '' };
}

function attachment(reply: FastifyReply, type: string, name: string, content: string | Buffer) {
  return reply.type(type).header('content-disposition', `attachment; filename="${name}"`).send(content);
}

async function readFile(
  request: z.infer<typeof ImportRequest>,
  identifierPrefix: string,
): Promise<ResultsImport> {
  const bytes = Buffer.from(request.content, request.encoding === 'base64' ? 'base64' : 'utf8');
  if (request.format === 'xlsx') return readResultsXlsx(bytes);
  const text = bytes.toString('utf8');
  if (request.format === 'csv') return readResultsCsv(text);
  return readIatiResults(text, { identifierPrefix });
}

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
      const { plan, prefix, ref, name } = await request.transaction(async (tx) => {
        const stored = await readPlan(tx, request.params.id);
        return { plan: stored.plan, ...(await identifierPrefixOf(tx, stored.plan)) };
      });
      const measures = listPlanMeasures(plan).map(({ measure }) => measure);
      const base = `plan-results-${plan.id.slice(0, 8)}`;
      if (format === 'csv')
        return attachment(reply, 'text/csv; charset=utf-8', `${base}.csv`, resultsCsv(measures));
      if (format === 'xlsx')
        return attachment(
          reply,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          `${base}.xlsx`,
          await resultsXlsx(measures),
        );
      const xml = iatiResultsDocument(measures, {
        identifierPrefix: prefix,
        reportingOrganisation: { ref, name },
        generatedAt: new Date().toISOString(),
        lang,
      });
      return attachment(reply, 'application/xml; charset=utf-8', `${base}.xml`, xml);
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
        const imported = await readFile(request.body, prefix);
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
