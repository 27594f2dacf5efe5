// Partner organisations under /api/v1/organisations.
import type { FastifyInstance } from 'fastify';
import { IdParam } from '../access/schemas.js';
import { typed } from '../platform/routes.js';
import {
  CreateOrganisationRequest,
  OrganisationList,
  OrganisationQuery,
  OrganisationResponse,
  UpdateOrganisationRequest,
} from './schemas.js';
import {
  createOrganisation,
  getOrganisation,
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
      config: { action: 'organisations.read' },
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
    '/:id',
    {
      config: { action: 'organisations.read' },
      schema: {
        tags: TAGS,
        summary: 'One partner organisation',
        params: IdParam,
        response: { 200: OrganisationResponse },
      },
    },
    async (request) => ({
      data: organisationView(await request.transaction((tx) => getOrganisation(tx, request.params.id))),
    }),
  );

  api.post(
    '/',
    {
      config: { action: 'organisations.create' },
      schema: {
        tags: TAGS,
        summary: 'Register a partner organisation',
        body: CreateOrganisationRequest,
        response: { 201: OrganisationResponse },
      },
    },
    async (request, reply) => {
      const row = await request.transaction(async (tx) => {
        const created = await createOrganisation(tx, request.body);
        request.auditSubject = {
          resourceType: 'organisation',
          resourceId: created.id,
          organisationId: created.id,
        };
        return created;
      });
      return reply.status(201).send({ data: organisationView(row) });
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
      request.authorize('organisations.update', { organisationId: id });
      request.auditSubject = {
        resourceType: 'organisation',
        resourceId: id,
        organisationId: id,
        details: { fields: Object.keys(request.body) },
      };
      const row = await request.transaction((tx) => updateOrganisation(tx, id, request.body));
      return { data: organisationView(row) };
    },
  );
}
