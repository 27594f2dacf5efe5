// Plans of action under /api/v1/plans: draw a plan up as one document, report progress on its indicators,
// approve reports, set a measure's status, and read the dashboard. Each change and its audit entry are
// written in one transaction; row-level security decides who may, the use cases say why not.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedInPrincipal } from '../access/me.js';
import type { Queryable } from '../platform/db.js';
import { typed } from '../platform/routes.js';
import { PlanDashboard } from './dashboard-schemas.js';
import { exchangeRoutes } from './exchange-routes.js';
import { listPlans } from './list-plans.js';
import { planImportRoutes } from './plan-import-routes.js';
import { planView } from './plan-view.js';
import { approveReport, setMeasureStatus, submitReport, withdrawReport } from './progress.js';
import { readPlanDashboard } from './read-dashboard.js';
import { readPlan } from './read-plan.js';
import { refreshRoutes } from './refresh-routes.js';
import { reportRoutes } from './report-routes.js';
import { createPlan, deletePlan, replacePlan } from './save-plan.js';
import {
  IndicatorParams,
  MeasureParams,
  MeasureStatusChange,
  PlanInput,
  PlanList,
  PlanParams,
  PlanReplace,
  PlanView,
  ProgressReportInput,
  ReportParams,
} from './schemas.js';
import { todayOf } from './today.js';

const TAGS = ['plans'];
const DataOf = <T extends z.ZodType>(shape: T) => z.object({ data: shape });

async function viewOf(request: FastifyRequest, tx: Queryable, id: string) {
  return planView(await readPlan(tx, id), request.principal);
}

export async function planRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'plans.read' },
      schema: {
        tags: TAGS,
        summary: 'Plans of action, newest change first',
        querystring: z
          .object({
            country: z
              .string()
              .regex(/^[A-Z]{3}$/)
              .optional(),
          })
          .strict(),
        response: { 200: PlanList },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listPlans(tx, request.query)) }),
  );

  api.post(
    '/',
    {
      config: { action: 'plans.write' },
      schema: {
        tags: TAGS,
        summary:
          'Draw up a plan: objectives by pillar, measures, indicators, targets, funding, linked activities',
        body: PlanInput,
        response: { 201: DataOf(PlanView) },
      },
    },
    async (request, reply) => {
      request.authorize('plans.write', { organisationId: request.body.coordinatorOrganisationId });
      const userId = signedInPrincipal(request).userId;
      const view = await request.transaction(async (tx) => {
        const id = await createPlan(tx, request.body, userId);
        request.auditSubject = {
          resourceType: 'plan',
          resourceId: id,
          organisationId: request.body.coordinatorOrganisationId,
        };
        return viewOf(request, tx, id);
      });
      return reply.status(201).send({ data: view });
    },
  );

  api.get(
    '/:id',
    {
      config: { action: 'plans.read' },
      schema: {
        tags: TAGS,
        summary: 'A plan, whole, with its progress reports',
        params: PlanParams,
        response: { 200: DataOf(PlanView) },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => viewOf(request, tx, request.params.id)) }),
  );

  api.put(
    '/:id',
    {
      config: { action: 'plans.write' },
      schema: {
        tags: TAGS,
        summary: 'Replace a plan’s document; items keep their progress reports while they keep their ids',
        description:
          'Answers 409 `conflict` when someone saved the plan since `version` was read; nothing is written.',
        params: PlanParams,
        body: PlanReplace,
        response: { 200: DataOf(PlanView) },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      request.authorize('plans.write', { organisationId: input.coordinatorOrganisationId });
      const view = await request.transaction(async (tx) => {
        const current = await readPlan(tx, request.params.id);
        request.authorize('plans.write', { organisationId: current.plan.coordinatorOrganisationId });
        request.auditSubject = {
          resourceType: 'plan',
          resourceId: current.plan.id,
          organisationId: input.coordinatorOrganisationId,
        };
        await replacePlan(tx, current.plan.id, input, version);
        return viewOf(request, tx, current.plan.id);
      });
      return { data: view };
    },
  );

  api.delete(
    '/:id',
    {
      config: { action: 'plans.write' },
      schema: { tags: TAGS, summary: 'Remove a plan with its reports', params: PlanParams },
    },
    async (request, reply) => {
      await request.transaction(async (tx) => {
        const current = await readPlan(tx, request.params.id);
        request.authorize('plans.write', { organisationId: current.plan.coordinatorOrganisationId });
        request.auditSubject = {
          resourceType: 'plan',
          resourceId: current.plan.id,
          organisationId: current.plan.coordinatorOrganisationId,
          details: { removed: true },
        };
        await deletePlan(tx, current.plan.id);
      });
      return reply.status(204).send();
    },
  );

  api.get(
    '/:id/dashboard',
    {
      config: { action: 'plans.read' },
      schema: {
        tags: TAGS,
        summary:
          'Implementation by pillar and owner, indicators against targets, overdue items, links and funding gaps',
        params: PlanParams,
        querystring: z.object({ asOf: z.iso.date().optional() }).strict(),
        response: { 200: DataOf(PlanDashboard) },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) =>
        readPlanDashboard(tx, request.params.id, request.query.asOf ?? todayOf()),
      ),
    }),
  );

  api.post(
    '/:id/indicators/:indicatorId/reports',
    {
      config: { action: 'plans.report' },
      schema: {
        tags: TAGS,
        summary: 'Report progress on an indicator for a period; the plan’s coordinator approves it',
        params: IndicatorParams,
        body: ProgressReportInput,
        response: { 201: DataOf(PlanView) },
      },
    },
    async (request, reply) => {
      const { id, indicatorId } = request.params;
      const userId = signedInPrincipal(request).userId;
      const view = await request.transaction(async (tx) => {
        const reportId = await submitReport(tx, id, indicatorId, request.body, userId);
        request.auditSubject = {
          resourceType: 'plan_progress_report',
          resourceId: reportId,
          details: { planId: id },
        };
        return viewOf(request, tx, id);
      });
      return reply.status(201).send({ data: view });
    },
  );

  api.post(
    '/:id/reports/:reportId/approval',
    {
      config: { action: 'plans.approve' },
      schema: {
        tags: TAGS,
        summary: 'Approve a progress report: from then on it counts in the dashboard and reports',
        params: ReportParams,
        response: { 200: DataOf(PlanView) },
      },
    },
    async (request) => {
      const { id, reportId } = request.params;
      const userId = signedInPrincipal(request).userId;
      const view = await request.transaction(async (tx) => {
        await approveReport(tx, id, reportId, userId);
        request.auditSubject = {
          resourceType: 'plan_progress_report',
          resourceId: reportId,
          details: { approved: true },
        };
        return viewOf(request, tx, id);
      });
      return { data: view };
    },
  );

  api.delete(
    '/:id/reports/:reportId',
    {
      config: { action: 'plans.report' },
      schema: { tags: TAGS, summary: 'Withdraw a progress report not yet approved', params: ReportParams },
    },
    async (request, reply) => {
      const { id, reportId } = request.params;
      await request.transaction(async (tx) => {
        await withdrawReport(tx, id, reportId);
        request.auditSubject = {
          resourceType: 'plan_progress_report',
          resourceId: reportId,
          details: { withdrawn: true },
        };
      });
      return reply.status(204).send();
    },
  );

  api.put(
    '/:id/measures/:measureId/status',
    {
      config: { action: 'plans.report' },
      schema: {
        tags: TAGS,
        summary: 'Set a measure’s status (its owner, or the plan’s coordinator)',
        params: MeasureParams,
        body: MeasureStatusChange,
        response: { 200: DataOf(PlanView) },
      },
    },
    async (request) => {
      const { id, measureId } = request.params;
      const view = await request.transaction(async (tx) => {
        await setMeasureStatus(tx, id, measureId, request.body.status);
        request.auditSubject = {
          resourceType: 'plan_measure',
          resourceId: measureId,
          details: { status: request.body.status },
        };
        return viewOf(request, tx, id);
      });
      return { data: view };
    },
  );

  await app.register(exchangeRoutes);
  await app.register(planImportRoutes);
  await app.register(reportRoutes);
  await app.register(refreshRoutes);
}
