// Follow-up of a case under /api/v1/cases/:id: services delivered (append-only, corrected by superseding
// records), the case plan, closure and reopening with reasons, and possible duplicates held elsewhere.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Transaction } from '../../platform/db.js';
import { typed } from '../../platform/routes.js';
import { caseInReach, describeAudit, userIdOf } from '../case-access.js';
import { findPossibleDuplicates } from '../duplicates/match-keys.js';
import { CaseParams, CaseView } from '../schemas.js';
import { readPerson } from '../store.js';
import { closeCase, reopenCase, statusHistory } from './closure.js';
import { readPlan, writePlan } from './plan.js';
import {
  CaseServices,
  CloseCaseRequest,
  PlanView,
  PossibleDuplicate,
  PutPlanRequest,
  RecordServiceRequest,
  ReopenCaseRequest,
  ServiceRecord,
  StatusEvent,
} from './schemas.js';
import { currentServices, recordService, serviceHistory } from './services.js';

const TAGS = ['cases'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function followUpRoutes(app: FastifyInstance) {
  const api = typed(app);
  /** The person's identifiers, opened only to keep them out of text stored in the clear. */
  const identifiersOf = async (tx: Transaction, caseId: string) =>
    (await readPerson(tx, app.keyRing, caseId)).person;

  api.get(
    '/:id/services',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'The services delivered on the case, as last corrected, and every record kept',
        params: CaseParams,
        response: { 200: z.object({ data: CaseServices }) },
      },
    },
    async (request) => {
      const history = await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.read', request.params.id);
        return serviceHistory(tx, request.params.id);
      });
      return { data: { current: currentServices(history), history } };
    },
  );

  api.post(
    '/:id/services',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: 'Record a service delivered, or correct an earlier record by superseding it',
        description:
          'Records are never changed or removed: a correction is a new record naming the one it supersedes and why. Notes and names of providers must not identify the person (refused as identifying_text).',
        params: CaseParams,
        body: RecordServiceRequest,
        response: { 201: z.object({ data: ServiceRecord }) },
      },
    },
    async (request, reply) => {
      const record = await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.write', request.params.id);
        const { category, supersedes } = request.body;
        describeAudit(request, { details: { service: { category, supersedes } } });
        const person = await identifiersOf(tx, request.params.id);
        return recordService(tx, request.params.id, request.body, person, userIdOf(request));
      });
      return reply.status(201).send({ data: record });
    },
  );

  api.get(
    '/:id/plan',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'The case plan: goals and their actions, with owners, due dates and status',
        params: CaseParams,
        response: { 200: z.object({ data: PlanView }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.read', request.params.id);
        return readPlan(tx, request.params.id, today());
      }),
    }),
  );

  api.put(
    '/:id/plan',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: 'Replace the case plan from the version read (409 when it changed since)',
        params: CaseParams,
        body: PutPlanRequest,
        response: { 200: z.object({ data: PlanView }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        const theCase = await caseInReach(request, tx, 'cases.write', request.params.id);
        const { goals } = request.body;
        describeAudit(request, {
          details: { plan: { goals: goals.length, actions: goals.flatMap((goal) => goal.actions).length } },
        });
        const person = await identifiersOf(tx, theCase.id);
        await writePlan(tx, theCase, request.body, person, userIdOf(request));
        return readPlan(tx, theCase.id, today());
      }),
    }),
  );

  api.post(
    '/:id/closure',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary:
          'Close the case with a reason: referred_elsewhere and transferred_abroad give ClosedReferred',
        params: CaseParams,
        body: CloseCaseRequest,
        response: { 200: z.object({ data: CaseView }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        const theCase = await caseInReach(request, tx, 'cases.write', request.params.id);
        describeAudit(request, { details: { closure: request.body.reason } });
        const person = await identifiersOf(tx, theCase.id);
        return closeCase(tx, theCase, request.body, person, userIdOf(request));
      }),
    }),
  );

  api.post(
    '/:id/reopening',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: 'Reopen a closed case with a reason',
        params: CaseParams,
        body: ReopenCaseRequest,
        response: { 200: z.object({ data: CaseView }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        const theCase = await caseInReach(request, tx, 'cases.write', request.params.id);
        describeAudit(request, { details: { reopening: request.body.reason } });
        const person = await identifiersOf(tx, theCase.id);
        return reopenCase(tx, theCase, request.body, person, userIdOf(request));
      }),
    }),
  );

  api.get(
    '/:id/status-history',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'Every closure and reopening of the case with its reason, newest first',
        params: CaseParams,
        response: { 200: z.object({ data: z.array(StatusEvent) }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.read', request.params.id);
        return statusHistory(tx, request.params.id);
      }),
    }),
  );

  api.get(
    '/:id/duplicates',
    {
      config: { action: 'cases.duplicates' },
      schema: {
        tags: TAGS,
        summary: 'Organisations that may hold the same person: contact their case manager',
        description:
          'Compared by keyed hashes of normalised names, date of birth and document numbers. A document number, or a name together with the date of birth, makes a possible duplicate. The answer names the organisation and what matched, never the other case or anything about the person. Every check is audited.',
        params: CaseParams,
        response: { 200: z.object({ data: z.array(PossibleDuplicate) }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.duplicates', request.params.id);
        const found = await findPossibleDuplicates(tx, request.params.id);
        describeAudit(request, { details: { possibleDuplicates: found.length } });
        return found;
      }),
    }),
  );
}
