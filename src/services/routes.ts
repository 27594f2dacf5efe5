// The service directory under /api/v1/services: list, read, record and change services, update places free
// fast, and exchange the directory as Open Referral HSDS 3.0 CSV files. Row-level security decides which
// services and locations exist for the requester; the policy is asked again with the holding organisation.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decide } from '../access/policy.js';
import type { Transaction } from '../platform/db.js';
import { typed } from '../platform/routes.js';
import { exportHsdsTable, HSDS_TABLES } from './hsds/export.js';
import { HsdsImportReport, HsdsImportRequest, importHsdsRequest } from './hsds/import.js';
import {
  CreateServiceRequest,
  PutPlacesRequest,
  ServiceList,
  ServiceListQuery,
  ServiceParams,
  ServiceView,
  UpdateServiceRequest,
} from './schemas.js';
import {
  createService,
  findOrCreateProvider,
  getService,
  type LocationSight,
  listServices,
  setPlacesFree,
  updateService,
} from './store.js';

const TAGS = ['services'];

/** Case staff with the right see shelters' addresses; everyone else never does (the holder's staff aside). */
function sightOf(request: FastifyRequest): LocationSight {
  return { shelterAddresses: decide(request.principal, 'services.read_shelter_addresses').allowed };
}

function userIdOf(request: FastifyRequest): string | null {
  return request.principal.kind === 'user' ? request.principal.userId : null;
}

const ExportQuery = z.object({ table: z.enum(HSDS_TABLES).describe('The HSDS table to download') }).strict();

export async function serviceRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'services.read' },
      schema: {
        tags: TAGS,
        summary: 'Search the service directory by category, country, eligibility, language and places free',
        description:
          'The public sees services whose providers list them publicly; signed-in partners see all. A shelter’s locations are never listed to the public.',
        querystring: ServiceListQuery,
        response: { 200: ServiceList },
      },
    },
    async (request) => request.transaction((tx) => listServices(tx, request.query, sightOf(request))),
  );

  api.get(
    '/export',
    {
      config: { action: 'services.read' },
      schema: {
        tags: TAGS,
        summary: 'Download one table of the directory as Open Referral HSDS 3.0 CSV',
        description:
          'The services the requester may read. Confidential locations (every shelter’s) are never exported, whoever asks.',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const csv = await request.transaction((tx) => exportHsdsTable(tx, request.query.table));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.query.table}.csv"`)
        .send(csv);
    },
  );

  api.post(
    '/import',
    {
      config: { action: 'services.import' },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Import services from an Open Referral HSDS CSV set (named CSV files, or a zip of them)',
        description:
          'Every row is checked; when any row has a problem nothing is written and every problem is reported with its file, row and column, what is wrong and how to fix it. A dry run checks and writes nothing. A service whose id already exists is updated.',
        body: HsdsImportRequest,
        response: { 200: z.object({ data: HsdsImportReport }) },
      },
    },
    async (request) => {
      const holder = request.body.organisationId ?? null;
      if (holder) request.authorize('services.import', { organisationId: holder });
      const report = await request.transaction(async (tx) => {
        const result = await importHsdsRequest(tx, request.body, userIdOf(request), (organisationId) =>
          request.authorize('services.import', { organisationId }),
        );
        request.auditSubject = {
          resourceType: 'service_import',
          resourceId: null,
          organisationId: holder,
          details: {
            dryRun: result.dryRun,
            committed: result.committed,
            created: result.created,
            updated: result.updated,
            problems: result.problems.length,
          },
        };
        return result;
      });
      return { data: report };
    },
  );

  api.get(
    '/:id',
    {
      config: { action: 'services.read' },
      schema: {
        tags: TAGS,
        summary: 'One service, with the locations the requester may see',
        params: ServiceParams,
        response: { 200: z.object({ data: ServiceView }) },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) => getService(tx, request.params.id, sightOf(request))),
    }),
  );

  api.post(
    '/',
    {
      config: { action: 'services.write' },
      schema: {
        tags: TAGS,
        summary: 'Record a service that one’s organisation keeps in the directory',
        description:
          'The provider is named (and created the first time); a shelter’s locations are kept confidential whatever the public flag says.',
        body: CreateServiceRequest,
        response: { 201: z.object({ data: ServiceView }) },
      },
    },
    async (request, reply) => {
      const { organisationId, provider, ...service } = request.body;
      request.authorize('services.write', { organisationId });
      const view = await request.transaction(async (tx) => {
        const providerId = await findOrCreateProvider(tx, organisationId, provider);
        const id = await createService(tx, { organisationId, providerId, service }, userIdOf(request));
        request.auditSubject = {
          resourceType: 'service',
          resourceId: id,
          organisationId,
          details: { category: service.category, isPublic: service.isPublic },
        };
        return getService(tx, id, sightOf(request));
      });
      return reply.status(201).send({ data: view });
    },
  );

  api.patch(
    '/:id',
    {
      config: { action: 'services.write' },
      schema: {
        tags: TAGS,
        summary: 'Change a service, from the version one read',
        description: 'A change made from an older version is refused with 409 `conflict`: read it again.',
        params: ServiceParams,
        body: UpdateServiceRequest,
        response: { 200: z.object({ data: ServiceView }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        const current = await serviceInReach(request, tx, request.params.id);
        request.auditSubject = {
          resourceType: 'service',
          resourceId: current.id,
          organisationId: current.organisationId,
          details: { fields: Object.keys(request.body).filter((field) => field !== 'version') },
        };
        await updateService(tx, current, request.body);
        return getService(tx, current.id, sightOf(request));
      }),
    }),
  );

  api.put(
    '/:id/places',
    {
      config: { action: 'services.write' },
      schema: {
        tags: TAGS,
        summary: 'Say how many places are free now (no version needed: the latest count wins)',
        params: ServiceParams,
        body: PutPlacesRequest,
        response: { 200: z.object({ data: ServiceView }) },
      },
    },
    async (request) => ({
      data: await request.transaction(async (tx) => {
        const current = await serviceInReach(request, tx, request.params.id);
        request.auditSubject = {
          resourceType: 'service',
          resourceId: current.id,
          organisationId: current.organisationId,
          details: { placesFree: request.body.placesFree },
        };
        await setPlacesFree(tx, current, request.body.placesFree);
        return getService(tx, current.id, sightOf(request));
      }),
    }),
  );
}

/** The service as the requester sees it, and the policy asked with its holder: another's is forbidden. */
async function serviceInReach(request: FastifyRequest, tx: Transaction, id: string) {
  const current = await getService(tx, id, sightOf(request));
  request.authorize('services.write', { organisationId: current.organisationId });
  return current;
}
