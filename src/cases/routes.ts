// Victims' cases under /api/v1/cases: the case by its code, its sealed person record, its workers, its
// screenings and its consents. Row-level security decides which cases exist for the requester; the policy
// is asked again with the case's organisation, so that a break-glass grant opens exactly that case.
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerBreakGlassTarget } from '../access/break-glass-targets.js';
import { signedInPrincipal } from '../access/me.js';
import { memberships } from '../access/schema.js';
import type { Transaction } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { caseInReach, describeAudit, userIdOf } from './case-access.js';
import { consentHistory, currentConsents, recordConsent, requireRecipientExists } from './consent.js';
import { listCaseHistory } from './history.js';
import { CaseHistory, CaseHistoryQuery } from './history-schemas.js';
import { CreateReferralRequest, ReferralView } from './referral-schemas.js';
import { createReferral, listCaseReferrals } from './referrals.js';
import {
  CaseConsents,
  CaseListQuery,
  CaseParams,
  CaseScreeningRequest,
  CaseScreeningSummary,
  CaseStaffMember,
  CaseSummary,
  CaseView,
  CaseWorkerParams,
  CreateCaseRequest,
  LanguageQuery,
  PersonView,
  PutPersonRequest,
  RecordConsentRequest,
  UpdateCaseRequest,
} from './schemas.js';
import { ScreeningResult } from './screening/index.js';
import { keepScreening, listScreenings, readScreening } from './screenings.js';
import {
  assignWorker,
  createCase,
  findCaseOwner,
  listCaseStaff,
  listCases,
  readPerson,
  unassignWorker,
  updateCase,
  writePerson,
} from './store.js';

const TAGS = ['cases'];

registerBreakGlassTarget('case', findCaseOwner);

const KeptScreening = ScreeningResult.extend({ id: z.uuid() });
const ScreeningParams = z.object({ id: z.uuid(), screeningId: z.uuid() }).strict();

export async function caseRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'The cases one works on, by code and status, most recently changed first',
        description:
          'Case workers see the cases assigned to them, case managers every case of their organisation. Never names: open the person record for those.',
        querystring: CaseListQuery,
        response: {
          200: z.object({
            data: z.array(CaseSummary),
            nextOffset: z
              .number()
              .int()
              .nullable()
              .describe('Pass as `offset` for the next page; null on the last'),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      // One more than asked tells whether a next page exists without counting.
      const rows = await request.transaction((tx) => listCases(tx, { ...request.query, limit: limit + 1 }));
      return { data: rows.slice(0, limit), nextOffset: rows.length > limit ? offset + limit : null };
    },
  );

  api.post(
    '/',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: 'Open a case for one’s organisation; the one who opens it is assigned to it',
        body: CreateCaseRequest,
        response: { 201: z.object({ data: CaseView }) },
      },
    },
    async (request, reply) => {
      const { organisationId, facts, person } = request.body;
      request.authorize('cases.write', { organisationId });
      const view = await request.transaction(async (tx) => {
        const created = await createCase(
          tx,
          app.keyRing,
          { organisationId, facts, person },
          userIdOf(request),
        );
        request.auditSubject = {
          resourceType: 'case',
          resourceId: created.id,
          organisationId,
          details: { withPerson: person !== undefined },
        };
        return created;
      });
      return reply.status(201).send({ data: view });
    },
  );

  api.get(
    '/:id',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'One case',
        params: CaseParams,
        response: { 200: z.object({ data: CaseView }) },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) => caseInReach(request, tx, 'cases.read', request.params.id)),
    }),
  );

  api.patch(
    '/:id',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: 'Change a case’s status (closing it with a reason) or its facts',
        params: CaseParams,
        body: UpdateCaseRequest,
        response: { 200: z.object({ data: CaseView }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        const read = await caseInReach(request, tx, 'cases.write', request.params.id);
        describeAudit(request, {
          details: { status: request.body.status, facts: Object.keys(request.body.facts ?? {}) },
        });
        return updateCase(tx, request.params.id, request.body, read);
      }),
    }),
  );

  api.get(
    '/:id/staff',
    {
      config: { action: 'cases.assign' },
      schema: {
        tags: TAGS,
        summary:
          'The case workers and managers of the case’s organisation, by name: whom it can be assigned to',
        params: CaseParams,
        response: { 200: z.object({ data: z.array(CaseStaffMember) }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        const view = await caseInReach(request, tx, 'cases.assign', request.params.id);
        return listCaseStaff(tx, view.organisationId);
      }),
    }),
  );

  api.put(
    '/:id/workers/:userId',
    {
      config: { action: 'cases.assign' },
      schema: {
        tags: TAGS,
        summary: 'Assign a case worker or manager of the case’s organisation to the case',
        params: CaseWorkerParams,
        response: { 200: z.object({ data: CaseView }) },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      return {
        data: await request.transaction(async (tx) => {
          const view = await caseInReach(request, tx, 'cases.assign', id);
          await requireCaseStaff(tx, view.organisationId, userId);
          describeAudit(request, { details: { assigned: userId } });
          return assignWorker(tx, id, userId);
        }),
      };
    },
  );

  api.delete(
    '/:id/workers/:userId',
    {
      config: { action: 'cases.assign' },
      schema: {
        tags: TAGS,
        summary: 'Take a worker off the case',
        params: CaseWorkerParams,
        response: { 200: z.object({ data: CaseView }) },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      return {
        data: await request.transaction(async (tx) => {
          await caseInReach(request, tx, 'cases.assign', id);
          describeAudit(request, { details: { unassigned: userId } });
          return unassignWorker(tx, id, userId);
        }),
      };
    },
  );

  api.get(
    '/:id/person',
    {
      config: { action: 'persons.read' },
      schema: {
        tags: TAGS,
        summary: 'Open the person record of the case (every opening is recorded in the audit trail)',
        params: CaseParams,
        response: { 200: z.object({ data: PersonView }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        data: await request.transaction(async (tx) => {
          await caseInReach(request, tx, 'persons.read', request.params.id);
          describeAudit(request, { resourceType: 'person' });
          return readPerson(tx, app.keyRing, request.params.id);
        }),
      };
    },
  );

  api.put(
    '/:id/person',
    {
      config: { action: 'persons.write' },
      schema: {
        tags: TAGS,
        summary:
          'Record or change personal data; each field given replaces what was there (null or [] empties it)',
        params: CaseParams,
        body: PutPersonRequest,
        response: { 200: z.object({ data: PersonView }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        data: await request.transaction(async (tx) => {
          await caseInReach(request, tx, 'persons.write', request.params.id);
          describeAudit(request, {
            resourceType: 'person',
            details: { fields: Object.keys(request.body.person) },
          });
          return writePerson(tx, app.keyRing, request.params.id, request.body.version, request.body.person);
        }),
      };
    },
  );

  api.get(
    '/:id/screenings',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'The screenings kept on the case, newest first',
        params: CaseParams,
        response: { 200: z.object({ data: z.array(CaseScreeningSummary) }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.read', request.params.id);
        return listScreenings(tx, request.params.id);
      }),
    }),
  );

  api.post(
    '/:id/screenings',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: 'Screen the case’s answers and keep the result with its rule version',
        description:
          'The answers as for POST /api/v1/screening, without the free-text note. The explanation comes in the language asked for.',
        params: CaseParams,
        querystring: LanguageQuery,
        body: CaseScreeningRequest,
        response: { 201: z.object({ data: KeptScreening }) },
      },
    },
    async (request, reply) => {
      const kept = await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.write', request.params.id);
        const result = await keepScreening(
          tx,
          request.params.id,
          request.body,
          request.query.lang,
          userIdOf(request),
        );
        describeAudit(request, {
          details: { screening: result.id, outcomes: result.outcomes },
        });
        return result;
      });
      return reply.status(201).send({ data: kept });
    },
  );

  api.get(
    '/:id/screenings/:screeningId',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'One kept screening, explained in the language asked for',
        params: ScreeningParams,
        querystring: LanguageQuery,
        response: { 200: z.object({ data: KeptScreening }) },
      },
    },
    async (request) => {
      const { id, screeningId } = request.params;
      const found = await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.read', id);
        return readScreening(tx, id, screeningId, request.query.lang);
      });
      if (!found) throw new AppError('not_found', 'No such screening on this case.');
      return { data: found };
    },
  );

  api.get(
    '/:id/consents',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'The consent in force per purpose and recipient, and every decision recorded',
        params: CaseParams,
        response: { 200: z.object({ data: CaseConsents }) },
      },
    },
    async (request) => {
      const history = await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.read', request.params.id);
        return consentHistory(tx, request.params.id);
      });
      return { data: { current: currentConsents(history), history } };
    },
  );

  api.post(
    '/:id/consents',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: 'Record a consent given, refused or withdrawn, for one purpose (and recipient)',
        description:
          'Decisions are kept, never changed: a withdrawal is a new decision and stops further sharing at once; a consent with an expiry stops by itself.',
        params: CaseParams,
        body: RecordConsentRequest,
        response: { 201: z.object({ data: CaseConsents }) },
      },
    },
    async (request, reply) => {
      const history = await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.write', request.params.id);
        const { purpose, decision, recipientOrganisationId } = request.body;
        if (recipientOrganisationId) await requireRecipientExists(tx, recipientOrganisationId);
        describeAudit(request, {
          details: { consent: { purpose, decision, recipientOrganisationId } },
        });
        await recordConsent(tx, request.params.id, request.body, userIdOf(request));
        return consentHistory(tx, request.params.id);
      });
      return reply.status(201).send({ data: { current: currentConsents(history), history } });
    },
  );

  api.get(
    '/:id/history',
    {
      config: { action: 'case_history.read' },
      schema: {
        tags: TAGS,
        summary: 'What happened to the case, newest first: who did what and when, from the audit trail',
        description:
          'The audit entries on the case, its person record, its referrals and the break-glass grants on it, with the names of the people and organisations they mention. Never personal data or addresses.',
        params: CaseParams,
        querystring: CaseHistoryQuery,
        response: { 200: CaseHistory },
      },
    },
    async (request) =>
      request.transaction(async (tx) => {
        await caseInReach(request, tx, 'case_history.read', request.params.id);
        return listCaseHistory(tx, request.params.id, request.query);
      }),
  );

  api.get(
    '/:id/referrals',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: 'The referrals made from the case, newest first',
        params: CaseParams,
        response: { 200: z.object({ data: z.array(ReferralView) }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        await caseInReach(request, tx, 'cases.read', request.params.id);
        return listCaseReferrals(tx, request.params.id);
      }),
    }),
  );

  api.post(
    '/:id/referrals',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags: TAGS,
        summary: 'Refer the case to another organisation for a service',
        description:
          'Needs the person’s consent to share with that organisation (recorded under consents). Without it the answer is 409 consent_required, unless a case manager of the case’s organisation gives consentOverride with a reason, which is audited and shown on the referral. The receiver sees only the fields the service needs, and only while the referral is open.',
        params: CaseParams,
        body: CreateReferralRequest,
        response: { 201: z.object({ data: ReferralView }) },
      },
    },
    async (request, reply) => {
      const principal = signedInPrincipal(request);
      const referral = await request.transaction(async (tx) => {
        const theCase = await caseInReach(request, tx, 'referrals.write', request.params.id);
        const { toOrganisationId, service, consentOverride } = request.body;
        describeAudit(request, {
          reason: consentOverride?.reason ?? null,
          details: {
            referral: { toOrganisationId, service },
            consentOverride: consentOverride !== undefined,
          },
        });
        return createReferral(tx, theCase, request.body, {
          userId: principal.userId,
          isCaseManagerOf: (organisationId) =>
            principal.memberships.some(
              (m) => m.role === 'case_manager' && m.organisationId === organisationId,
            ),
        });
      });
      return reply.status(201).send({ data: referral });
    },
  );
}

/**
 * Only people who work on cases in the case's organisation can be assigned to it. Asked inside the
 * request's transaction: the manager sees the memberships of their own organisation.
 */
async function requireCaseStaff(tx: Transaction, organisationId: string, userId: string) {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, ['case_manager', 'case_worker']),
      ),
    );
  if (!member)
    throw new AppError(
      'validation_failed',
      'Only a case worker or case manager of the organisation that holds the case can be assigned to it.',
      [
        {
          path: 'params.userId',
          code: 'not_case_staff',
          message: 'Choose a case worker of this organisation',
        },
      ],
    );
}
