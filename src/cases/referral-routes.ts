// Referrals under /api/v1/referrals: the inbox and sent box of one's organisations, one referral with what
// it carries for the receiver, and its moves from requested to accepted or declined, in progress,
// completed or closed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedInPrincipal } from '../access/me.js';
import { typed } from '../platform/routes.js';
import { exportPackage } from './exchange/exchange.js';
import { SealedPackage } from './exchange/package.js';
import { exchangeIdentity } from './exchange/routes.js';
import { nextMoves } from './referral-rules.js';
import {
  ReferralDetail,
  ReferralListQuery,
  ReferralTransitionRequest,
  ReferralView,
} from './referral-schemas.js';
import { getReferral, listReferrals, moveReferral, sharedWithReceiver } from './referrals.js';

const TAGS = ['cases'];
const ReferralParams = z.object({ id: z.uuid() }).strict();

/** Organisations where the requester works on cases: they send and receive referrals for them. */
export function caseStaffOrganisations(request: FastifyRequest): string[] {
  const principal = signedInPrincipal(request);
  const ids = principal.memberships
    .filter((m) => m.role === 'case_manager' || m.role === 'case_worker')
    .map((m) => m.organisationId);
  return [...new Set(ids)];
}

export async function referralRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'referrals.read' },
      schema: {
        tags: TAGS,
        summary: 'Referrals to one’s organisations (inbox) or from them (sent), the most urgent first',
        querystring: ReferralListQuery,
        response: { 200: z.object({ data: z.array(ReferralView) }) },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) =>
        listReferrals(tx, request.query, caseStaffOrganisations(request)),
      ),
    }),
  );

  api.get(
    '/:id',
    {
      config: { action: 'referrals.open' },
      schema: {
        tags: TAGS,
        summary:
          'One referral; the receiver also gets the fields its service needs, while it is open and consented',
        params: ReferralParams,
        response: { 200: z.object({ data: ReferralDetail }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const mine = caseStaffOrganisations(request);
      const detail = await request.transaction(async (tx) => {
        const referral = await getReferral(tx, request.params.id);
        const receiving = mine.includes(referral.toOrganisationId);
        request.auditSubject = {
          resourceType: 'referral',
          resourceId: referral.id,
          organisationId: receiving ? referral.toOrganisationId : referral.fromOrganisationId,
          details: { side: receiving ? 'receiver' : 'sender' },
        };
        return {
          ...referral,
          shared: receiving ? await sharedWithReceiver(tx, app.keyRing, referral) : null,
          side: receiving ? ('receiver' as const) : ('sender' as const),
          nextSteps: nextMoves(referral.status, receiving ? 'receiver' : 'sender'),
        };
      });
      return { data: detail };
    },
  );

  api.post(
    '/:id/status',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags: TAGS,
        summary:
          'Move a referral on: the receiver accepts, declines (with a reason), starts and completes it; the sender closes it (with a reason)',
        params: ReferralParams,
        body: ReferralTransitionRequest,
        response: { 200: z.object({ data: ReferralView }) },
      },
    },
    async (request) => {
      const mine = caseStaffOrganisations(request);
      const userId = signedInPrincipal(request).userId;
      return {
        data: await request.transaction(async (tx) => {
          const referral = await getReferral(tx, request.params.id);
          const side = mine.includes(referral.toOrganisationId) ? 'receiver' : 'sender';
          const organisationId =
            side === 'receiver' ? referral.toOrganisationId : referral.fromOrganisationId;
          request.auditSubject = {
            resourceType: 'referral',
            resourceId: referral.id,
            organisationId,
            reason: request.body.reason ?? null,
            details: { from: referral.status, to: request.body.status, side },
          };
          return moveReferral(tx, referral.id, request.body, side, userId);
        }),
      };
    },
  );

  api.post(
    '/:id/package',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags: TAGS,
        summary: 'Seal an open cross-border referral for a partner installation, as a signed, encrypted file',
        description:
          'The file carries only the fields the referral’s service needs, encrypted so that only the partner installation opens it and signed so that it knows who sent it. Give it to the partner by any channel; it imports it at POST /api/v1/exchange/packages.',
        params: ReferralParams,
        body: z.object({ partnerId: z.uuid() }).strict(),
        response: { 200: SealedPackage },
      },
    },
    async (request, reply) => {
      const identity = await exchangeIdentity(request);
      const sealed = await request.transaction(async (tx) => {
        const referral = await getReferral(tx, request.params.id);
        const result = await exportPackage(tx, app.keyRing, identity, referral, request.body.partnerId);
        request.auditSubject = {
          resourceType: 'referral',
          resourceId: referral.id,
          organisationId: referral.fromOrganisationId,
          details: { package: result.sealed.header.packageId, partner: result.partner.name },
        };
        return result.sealed;
      });
      reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="referral-${sealed.header.packageId}.json"`);
      return sealed;
    },
  );
}
