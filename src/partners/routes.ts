// Partner organisations and their focal points under /api/v1/organisations.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IdParam } from '../access/schemas.js';
import { typed } from '../platform/routes.js';
import { addFocalPoint, listFocalPoints, removeFocalPoint, updateFocalPoint } from './focal-points.js';
import {
  CreatedOrganisationResponse,
  CreateOrganisationRequest,
  FocalPointList,
  FocalPointParam,
  FocalPointRequest,
  FocalPointResponse,
  OrganisationList,
  OrganisationProfileResponse,
  OrganisationQuery,
  OrganisationResponse,
  SimilarOrganisationsQuery,
  SimilarOrganisationsResponse,
  UpdateFocalPointRequest,
  UpdateOrganisationRequest,
} from './schemas.js';
import {
  createOrganisation,
  findSimilarOrganisations,
  getOrganisationProfile,
  listOrganisations,
  organisationView,
  updateOrganisation,
} from './store.js';

const TAGS = ['partners'];

export async function organisationRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'organisations.read', keepAnswers: true },
      schema: {
        tags: TAGS,
        summary: 'The partner directory',
        querystring: OrganisationQuery,
        response: { 200: OrganisationList },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listOrganisations(tx, request.query)) }),
  );

  api.get(
    '/similar',
    {
      config: { action: 'organisations.read' },
      schema: {
        tags: TAGS,
        summary: 'Registered organisations with a name or acronym like this one (check before registering)',
        querystring: SimilarOrganisationsQuery,
        response: { 200: SimilarOrganisationsResponse },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) => findSimilarOrganisations(tx, request.query)),
    }),
  );

  api.get(
    '/:id',
    {
      config: { action: 'organisations.read' },
      schema: {
        tags: TAGS,
        summary: 'One partner organisation, with its focal points and coordination mechanisms',
        description:
          'Focal points’ contact details are given to signed-in partners only (`contact` is null otherwise).',
        params: IdParam,
        response: { 200: OrganisationProfileResponse },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) => getOrganisationProfile(tx, request.params.id)),
    }),
  );

  api.post(
    '/',
    {
      config: { action: 'organisations.create' },
      schema: {
        tags: TAGS,
        summary: 'Register a partner organisation',
        description:
          'Registered organisations with a similar name or acronym come back in `possibleDuplicates`; the same name is refused (409).',
        body: CreateOrganisationRequest,
        response: { 201: CreatedOrganisationResponse },
      },
    },
    async (request, reply) => {
      const created = await request.transaction(async (tx) => {
        const result = await createOrganisation(tx, request.body);
        request.auditSubject = {
          resourceType: 'organisation',
          resourceId: result.row.id,
          organisationId: result.row.id,
          details: { possibleDuplicates: result.possibleDuplicates.map((d) => d.id) },
        };
        return result;
      });
      return reply
        .status(201)
        .send({ data: organisationView(created.row), possibleDuplicates: created.possibleDuplicates });
    },
  );

  api.patch(
    '/:id',
    {
      config: { action: 'organisations.update' },
      schema: {
        tags: TAGS,
        summary: 'Change an organisation’s profile',
        params: IdParam,
        body: UpdateOrganisationRequest,
        response: { 200: OrganisationResponse },
      },
    },
    async (request) => {
      const { id } = request.params;
      authorizeProfileChange(request, id, { fields: Object.keys(request.body) });
      // Confirming an organisation an import registered is a coordinator's review, like registering one.
      if (request.body.isProvisional === false) request.authorize('organisations.create');
      const row = await request.transaction((tx) => updateOrganisation(tx, id, request.body));
      return { data: organisationView(row) };
    },
  );

  await focalPointRoutes(app);
}

function authorizeProfileChange(
  request: FastifyRequest,
  organisationId: string,
  details: Record<string, unknown>,
) {
  request.authorize('organisations.update', { organisationId });
  request.auditSubject = {
    resourceType: 'organisation',
    resourceId: organisationId,
    organisationId,
    details,
  };
}

async function focalPointRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/:id/focal-points',
    {
      config: { action: 'organisations.read' },
      schema: {
        tags: TAGS,
        summary: 'The organisation’s focal points (contact details for signed-in partners only)',
        params: IdParam,
        response: { 200: FocalPointList },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listFocalPoints(tx, request.params.id)) }),
  );

  api.post(
    '/:id/focal-points',
    {
      config: { action: 'organisations.update' },
      schema: {
        tags: TAGS,
        summary: 'Name a focal point of the organisation',
        params: IdParam,
        body: FocalPointRequest,
        response: { 201: FocalPointResponse },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      authorizeProfileChange(request, id, { focalPoint: 'added' });
      const point = await request.transaction((tx) => addFocalPoint(tx, id, request.body));
      return reply.status(201).send({ data: point });
    },
  );

  api.patch(
    '/:id/focal-points/:focalPointId',
    {
      config: { action: 'organisations.update' },
      schema: {
        tags: TAGS,
        summary: 'Change a focal point',
        params: FocalPointParam,
        body: UpdateFocalPointRequest,
        response: { 200: FocalPointResponse },
      },
    },
    async (request) => {
      const { id, focalPointId } = request.params;
      authorizeProfileChange(request, id, { focalPoint: focalPointId, fields: Object.keys(request.body) });
      return {
        data: await request.transaction((tx) => updateFocalPoint(tx, id, focalPointId, request.body)),
      };
    },
  );

  api.delete(
    '/:id/focal-points/:focalPointId',
    {
      config: { action: 'organisations.update' },
      schema: { tags: TAGS, summary: 'Remove a focal point', params: FocalPointParam },
    },
    async (request, reply) => {
      const { id, focalPointId } = request.params;
      authorizeProfileChange(request, id, { focalPoint: focalPointId, removed: true });
      await request.transaction((tx) => removeFocalPoint(tx, id, focalPointId));
      return reply.status(204).send();
    },
  );
}
