// Coordination mechanisms, their members and meetings under /api/v1/mechanisms.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IdParam } from '../access/schemas.js';
import { typed } from '../platform/routes.js';
import {
  addMeeting,
  createMechanism,
  getMechanism,
  listMechanisms,
  listMeetings,
  putMechanismMember,
  removeMechanismMember,
  updateMechanism,
} from './mechanisms.js';
import {
  CreateMechanismRequest,
  MechanismList,
  MechanismQuery,
  MechanismResponse,
  MeetingList,
  MeetingRequest,
  MeetingResponse,
  MemberParam,
  PutMechanismMemberRequest,
  UpdateMechanismRequest,
} from './schemas.js';

const TAGS = ['partners'];

export async function mechanismRoutes(app: FastifyInstance) {
  const api = typed(app);
  const audit = (request: FastifyRequest, id: string, details: Record<string, unknown> = {}) => {
    request.auditSubject = { resourceType: 'coordination_mechanism', resourceId: id, details };
  };

  api.get(
    '/',
    {
      config: { action: 'mechanisms.read' },
      schema: {
        tags: TAGS,
        summary: 'Coordination mechanisms: national task forces, inter-agency groups, regional networks',
        querystring: MechanismQuery,
        response: { 200: MechanismList },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listMechanisms(tx, request.query)) }),
  );

  api.get(
    '/:id',
    {
      config: { action: 'mechanisms.read' },
      schema: {
        tags: TAGS,
        summary: 'One mechanism with its members and meetings',
        params: IdParam,
        response: { 200: MechanismResponse },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => getMechanism(tx, request.params.id)) }),
  );

  api.post(
    '/',
    {
      config: { action: 'mechanisms.write' },
      schema: {
        tags: TAGS,
        summary: 'Record a coordination mechanism',
        body: CreateMechanismRequest,
        response: { 201: MechanismResponse },
      },
    },
    async (request, reply) => {
      const created = await request.transaction(async (tx) => {
        const mechanism = await createMechanism(tx, request.body);
        audit(request, mechanism.id, { created: true });
        return mechanism;
      });
      return reply.status(201).send({ data: created });
    },
  );

  api.patch(
    '/:id',
    {
      config: { action: 'mechanisms.write' },
      schema: {
        tags: TAGS,
        summary: 'Change a mechanism',
        params: IdParam,
        body: UpdateMechanismRequest,
        response: { 200: MechanismResponse },
      },
    },
    async (request) => {
      audit(request, request.params.id, { fields: Object.keys(request.body) });
      return {
        data: await request.transaction((tx) => updateMechanism(tx, request.params.id, request.body)),
      };
    },
  );

  api.put(
    '/:id/members/:organisationId',
    {
      config: { action: 'mechanisms.write' },
      schema: {
        tags: TAGS,
        summary: 'Add an organisation to the mechanism, or change its role there',
        params: MemberParam,
        body: PutMechanismMemberRequest,
        response: { 200: MechanismResponse },
      },
    },
    async (request) => {
      const { id, organisationId } = request.params;
      audit(request, id, { member: organisationId, role: request.body.role });
      return {
        data: await request.transaction((tx) => putMechanismMember(tx, id, organisationId, request.body)),
      };
    },
  );

  api.delete(
    '/:id/members/:organisationId',
    {
      config: { action: 'mechanisms.write' },
      schema: { tags: TAGS, summary: 'Remove an organisation from the mechanism', params: MemberParam },
    },
    async (request, reply) => {
      const { id, organisationId } = request.params;
      audit(request, id, { member: organisationId, removed: true });
      await request.transaction((tx) => removeMechanismMember(tx, id, organisationId));
      return reply.status(204).send();
    },
  );

  api.get(
    '/:id/meetings',
    {
      config: { action: 'mechanisms.read' },
      schema: {
        tags: TAGS,
        summary: 'The mechanism’s meetings, latest first',
        params: IdParam,
        response: { 200: MeetingList },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listMeetings(tx, request.params.id)) }),
  );

  api.post(
    '/:id/meetings',
    {
      config: { action: 'mechanisms.write' },
      schema: {
        tags: TAGS,
        summary: 'Record a meeting of the mechanism',
        params: IdParam,
        body: MeetingRequest,
        response: { 201: MeetingResponse },
      },
    },
    async (request, reply) => {
      audit(request, request.params.id, { meeting: request.body.heldOn });
      const meeting = await request.transaction((tx) => addMeeting(tx, request.params.id, request.body));
      return reply.status(201).send({ data: meeting });
    },
  );
}
