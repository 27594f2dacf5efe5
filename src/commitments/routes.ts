// Commitments under /api/v1/commitments: the codes and principles employers' associations and travel-sector
// businesses signed (¶23, ¶31), filtered by code, country, sector, status or signatory; a signatory's editors
// record, change and publish theirs and report progress. Each change and its audit entry share a transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { typed } from '../platform/routes.js';
import {
  CommitmentChange,
  CommitmentFilters,
  CommitmentList,
  CommitmentParams,
  CommitmentReply,
  CommitmentRequest,
  ProgressRequest,
} from './schemas.js';
import {
  addProgress,
  type CommitmentRecord,
  changeCommitment,
  createCommitment,
  getCommitment,
  listCommitments,
} from './store.js';
import { commitmentView } from './views.js';

const TAGS = ['commitments'];

function userIdOf(request: FastifyRequest): string | null {
  return request.principal.kind === 'user' ? request.principal.userId : null;
}

function auditOf(record: Pick<CommitmentRecord, 'id' | 'organisationId'>, details: Record<string, unknown>) {
  return {
    resourceType: 'commitment',
    resourceId: record.id,
    organisationId: record.organisationId,
    details,
  };
}

export async function commitmentRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'commitments.read' },
      schema: {
        tags: TAGS,
        summary: 'Signatories’ commitments, by signatory and latest signed first',
        description:
          'The public sees published commitments and their public progress reports; a signatory’s editors and coordinators see drafts and internal reports too.',
        querystring: CommitmentFilters,
        response: { 200: CommitmentList },
      },
    },
    async (request) => {
      const records = await request.transaction((tx) => listCommitments(tx, request.query));
      return { data: records.map((record) => commitmentView(record, request.principal)) };
    },
  );

  api.get(
    '/:id',
    {
      config: { action: 'commitments.read' },
      schema: {
        tags: TAGS,
        summary: 'One commitment with the progress reports the reader may see',
        params: CommitmentParams,
        response: { 200: CommitmentReply },
      },
    },
    async (request) => ({
      data: commitmentView(
        await request.transaction((tx) => getCommitment(tx, request.params.id)),
        request.principal,
      ),
    }),
  );

  api.post(
    '/',
    {
      config: { action: 'commitments.write' },
      schema: {
        tags: TAGS,
        summary: 'Record a code or principle one’s organisation signed',
        body: CommitmentRequest,
        response: { 201: CommitmentReply },
      },
    },
    async (request, reply) => {
      request.authorize('commitments.write', { organisationId: request.body.organisationId });
      const record = await request.transaction(async (tx) => {
        const id = await createCommitment(tx, request.body, userIdOf(request));
        request.auditSubject = auditOf(
          { id, organisationId: request.body.organisationId },
          { code: request.body.code, status: request.body.status, isPublished: request.body.isPublished },
        );
        return getCommitment(tx, id);
      });
      return reply.status(201).send({ data: commitmentView(record, request.principal) });
    },
  );

  api.patch(
    '/:id',
    {
      config: { action: 'commitments.write' },
      schema: {
        tags: TAGS,
        summary: 'Change, publish, lapse or withdraw a commitment (a withdrawn one is final)',
        description:
          'Only the fields sent change. A withdrawn commitment answers 409 `invalid_transition`; a signing day after a progress report 422 `progress_before_signing`.',
        params: CommitmentParams,
        body: CommitmentChange,
        response: { 200: CommitmentReply },
      },
    },
    async (request) => {
      const record = await request.transaction(async (tx) => {
        const current = await getCommitment(tx, request.params.id);
        request.authorize('commitments.write', { organisationId: current.organisationId });
        request.auditSubject = auditOf(current, { fields: Object.keys(request.body) });
        await changeCommitment(tx, current.id, request.body);
        return getCommitment(tx, current.id);
      });
      return { data: commitmentView(record, request.principal) };
    },
  );

  api.post(
    '/:id/progress',
    {
      config: { action: 'commitments.write' },
      schema: {
        tags: TAGS,
        summary: 'Report progress on a commitment: the day, what was done, and whether the public sees it',
        description:
          'A withdrawn commitment answers 409 `commitment_withdrawn`; a report dated before the signing day 422 `progress_before_signing`.',
        params: CommitmentParams,
        body: ProgressRequest,
        response: { 201: CommitmentReply },
      },
    },
    async (request, reply) => {
      const record = await request.transaction(async (tx) => {
        const current = await getCommitment(tx, request.params.id);
        request.authorize('commitments.write', { organisationId: current.organisationId });
        request.auditSubject = auditOf(current, {
          progressReportedOn: request.body.reportedOn,
          isPublic: request.body.isPublic,
        });
        await addProgress(tx, current.id, request.body, userIdOf(request));
        return getCommitment(tx, current.id);
      });
      return reply.status(201).send({ data: commitmentView(record, request.principal) });
    },
  );
}
