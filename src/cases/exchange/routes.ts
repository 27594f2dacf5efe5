// Cross-border exchange under /api/v1/exchange: this installation's public keys, the partner installations
// registered here, and the import of a package a partner sent.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedInPrincipal } from '../../access/me.js';
import { typed } from '../../platform/routes.js';
import { CaseView } from '../schemas.js';
import { importPackage, listPartners, Partner, RegisterPartnerRequest, registerPartner } from './exchange.js';
import { type ExchangeIdentity, loadExchangeIdentity } from './identity.js';
import { SealedPackage } from './package.js';

const TAGS = ['cases'];
const identities = new WeakMap<FastifyInstance, Promise<ExchangeIdentity>>();

/** The installation's exchange keys, made on first use beside the master keys. */
export function exchangeIdentity(request: FastifyRequest): Promise<ExchangeIdentity> {
  const server = request.server;
  let identity = identities.get(server);
  if (!identity) {
    identity = loadExchangeIdentity(server.keyRing.directory);
    identities.set(server, identity);
  }
  return identity;
}

const ImportQuery = z
  .object({ organisationId: z.uuid().describe('The organisation that takes the case on') })
  .strict();

export async function exchangeRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/identity',
    {
      config: { action: 'exchange.read' },
      schema: {
        tags: TAGS,
        summary: 'This installation’s public keys and fingerprint, to give to a partner installation',
        response: {
          200: z.object({
            data: z.object({
              signingPublicKey: z.string(),
              agreementPublicKey: z.string(),
              fingerprint: z.string(),
            }),
          }),
        },
      },
    },
    async (request) => ({ data: (await exchangeIdentity(request)).publicKeys }),
  );

  api.get(
    '/partners',
    {
      config: { action: 'exchange.read' },
      schema: {
        tags: TAGS,
        summary: 'Partner installations in other countries that packages can be sent to and received from',
        response: { 200: z.object({ data: z.array(Partner) }) },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listPartners(tx)) }),
  );

  api.post(
    '/partners',
    {
      config: { action: 'exchange.manage' },
      schema: {
        tags: TAGS,
        summary:
          'Register a partner installation by its public keys (compare the fingerprint with the partner first)',
        body: RegisterPartnerRequest,
        response: { 201: z.object({ data: Partner }) },
      },
    },
    async (request, reply) => {
      const partner = await request.transaction(async (tx) => {
        const created = await registerPartner(tx, request.body, signedInPrincipal(request).userId);
        request.auditSubject = {
          resourceType: 'exchange_partner',
          resourceId: created.id,
          details: { name: created.name },
        };
        return created;
      });
      return reply.status(201).send({ data: partner });
    },
  );

  api.post(
    '/packages',
    {
      config: { action: 'exchange.import' },
      schema: {
        tags: TAGS,
        summary: 'Receive a cross-border referral package: it becomes a case of the organisation named',
        description:
          'The package must be made for this installation and signed by a registered partner; it is checked before anything is opened, and a package already received adds nothing (409).',
        querystring: ImportQuery,
        body: SealedPackage,
        response: {
          201: z.object({
            data: z.object({
              case: CaseView,
              senderCaseCode: z.string(),
              service: z.string(),
              stage: z.string().nullable(),
              partner: z.string(),
            }),
          }),
        },
      },
    },
    async (request, reply) => {
      const { organisationId } = request.query;
      request.authorize('exchange.import', { organisationId });
      const identity = await exchangeIdentity(request);
      const received = await request.transaction(async (tx) => {
        const result = await importPackage(
          tx,
          app.keyRing,
          identity,
          request.body,
          organisationId,
          signedInPrincipal(request).userId,
        );
        request.auditSubject = {
          resourceType: 'case',
          resourceId: result.case.id,
          organisationId,
          details: { receivedPackage: request.body.header.packageId, partner: result.partner },
        };
        return result;
      });
      return reply.status(201).send({ data: received });
    },
  );
}
