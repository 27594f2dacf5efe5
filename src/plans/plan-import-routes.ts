// A new plan from a results file under /api/v1/plans/imports: a preview that reads the file and writes
// nothing, then the import with the mapping a person chose (a pillar per objective, an owner per measure, the
// coordinator), which creates the plan and its approved actuals with the audit entry in one transaction.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signedInPrincipal } from '../access/me.js';
import { typed } from '../platform/routes.js';
import { importPlan } from './import-plan.js';
import { PlanFile, PlanImportPreview, PlanImportRequest, PlanImportSummary } from './plan-import-schemas.js';
import { previewPlanImport } from './preview-plan-import.js';

const TAGS = ['plans'];
const BODY_LIMIT = 60 * 1024 * 1024;

export async function planImportRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.post(
    '/imports/preview',
    {
      config: { action: 'plans.write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Read a results file (IATI XML, CSV or XLSX) as a new plan, writing nothing',
        description:
          'Answers what the file holds (objectives, measures, indicators with baselines, targets and actuals), the registered organisations it seems to name, a suggested mapping, what is still to map and every problem with where it is.',
        body: PlanFile,
        response: { 200: z.object({ data: PlanImportPreview }) },
      },
    },
    async (request) => {
      const data = await request.transaction(async (tx) => {
        request.auditSubject = { resourceType: 'plan', details: { planImportPreview: request.body.format } };
        return previewPlanImport(tx, request.body);
      });
      return { data };
    },
  );

  api.post(
    '/imports',
    {
      config: { action: 'plans.write' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary:
          'Create a plan from a results file and its mapping, with the file’s actuals as approved reports',
        description:
          'The mapping mirrors the preview: a pillar for each objective, an owner for each measure, and the coordinating organisation. A problem in the file, a choice left open or an unknown organisation answers 400 with each one and where it is; nothing is written.',
        body: PlanImportRequest,
        response: { 201: z.object({ data: PlanImportSummary }) },
      },
    },
    async (request, reply) => {
      const { mapping, ...file } = request.body;
      const coordinatorId = mapping.coordinatorOrganisationId;
      if (coordinatorId) request.authorize('plans.write', { organisationId: coordinatorId });
      const userId = signedInPrincipal(request).userId;
      const data = await request.transaction(async (tx) => {
        const summary = await importPlan(tx, file, mapping, userId);
        request.auditSubject = {
          resourceType: 'plan',
          resourceId: summary.id,
          organisationId: coordinatorId,
          details: { planImport: file.format, actuals: summary.actuals },
        };
        return summary;
      });
      return reply.status(201).send({ data });
    },
  );
}
