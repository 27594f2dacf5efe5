// Technical assistance under /api/v1/assistance: needs countries post and offers partners make, the offers
// suggested for a need (best first, with why), and a need's poster accepting or declining them, marking the
// help delivered or withdrawing the need. Every change and its audit entry share one transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { typed } from '../platform/routes.js';
import {
  DecisionRequest,
  IdParams,
  NeedFilters,
  NeedRequest,
  NeedSuggestions,
  NeedView,
  OfferFilters,
  OfferRequest,
  OfferView,
  SuggestionParams,
} from './assistance-schemas.js';
import { getNeed, getOffer, listNeeds, listOffers, type NeedRecord } from './assistance-store.js';
import { needView, offerView } from './assistance-views.js';
import { acceptOffer, declineOffer } from './decide-on-offer.js';
import { changeNeedStatus } from './move-need.js';
import { postNeed } from './post-need.js';
import { postOffer } from './post-offer.js';
import { suggestOffers } from './suggest-offers.js';
import { withdrawOffer } from './withdraw-offer.js';

const TAGS = ['assistance'];
const NeedReply = z.object({ data: NeedView });
const OfferReply = z.object({ data: OfferView });

function userIdOf(request: FastifyRequest): string | null {
  return request.principal.kind === 'user' ? request.principal.userId : null;
}

/** Today's date where the server is: offers are available "in time" by calendar days. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function assistanceRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/needs',
    {
      config: { action: 'assistance.read' },
      schema: {
        tags: TAGS,
        summary: 'Needs for technical assistance, newest first',
        querystring: NeedFilters,
        response: { 200: z.object({ data: z.array(NeedView) }) },
      },
    },
    async (request) => {
      const records = await request.transaction((tx) => listNeeds(tx, request.query));
      return { data: records.map((record) => needView(record, request.principal)) };
    },
  );

  api.post(
    '/needs',
    {
      config: { action: 'assistance.write' },
      schema: {
        tags: TAGS,
        summary: 'Post a need for technical assistance for one’s organisation',
        body: NeedRequest,
        response: { 201: NeedReply },
      },
    },
    async (request, reply) => {
      request.authorize('assistance.write', { organisationId: request.body.organisationId });
      const record = await request.transaction(async (tx) => {
        const posted = await postNeed(tx, request.body, userIdOf(request));
        request.auditSubject = needSubject(posted, { kind: posted.kind, country: posted.country });
        return posted;
      });
      return reply.status(201).send({ data: needView(record, request.principal) });
    },
  );

  api.get(
    '/needs/:id',
    {
      config: { action: 'assistance.read' },
      schema: {
        tags: TAGS,
        summary: 'One need for technical assistance',
        params: IdParams,
        response: { 200: NeedReply },
      },
    },
    async (request) => ({
      data: needView(await request.transaction((tx) => getNeed(tx, request.params.id)), request.principal),
    }),
  );

  api.get(
    '/needs/:id/suggestions',
    {
      config: { action: 'assistance.read' },
      schema: {
        tags: TAGS,
        summary: 'The open offers that could meet a need, best first, with the points each criterion gave',
        description:
          'Same pillar 10, same kind 10, the offer names the country 6 (open to any country 2), first shared language 4 and 1 for each further one, available in time 8. An offer sharing neither pillar nor kind is never suggested, nor one the need’s poster declined; a need no longer open has no suggestions.',
        params: IdParams,
        response: { 200: z.object({ data: NeedSuggestions }) },
      },
    },
    async (request) => {
      const found = await request.transaction((tx) => suggestOffers(tx, request.params.id, today()));
      return {
        data: {
          need: needView(found.need, request.principal),
          suggestions: found.suggestions.map(({ offer, score, reasons }) => ({
            offer: offerView(offer, request.principal),
            score,
            reasons,
          })),
        },
      };
    },
  );

  const decision = (path: string, summary: string, decide: typeof acceptOffer) =>
    api.post(
      `/needs/:id/suggestions/:offerId/${path}`,
      {
        config: { action: 'assistance.write' },
        schema: {
          tags: TAGS,
          summary,
          params: SuggestionParams,
          body: DecisionRequest,
          response: { 200: NeedReply },
        },
      },
      async (request) => {
        const { id, offerId } = request.params;
        const record = await request.transaction(async (tx) => {
          const need = await getNeed(tx, id);
          request.authorize('assistance.write', { organisationId: need.postedByOrganisationId });
          request.auditSubject = needSubject(need, { decision: path, offerId });
          const input = {
            needId: id,
            offerId,
            note: request.body.note,
            userId: userIdOf(request),
            today: today(),
          };
          return decide(tx, input);
        });
        return { data: needView(record, request.principal) };
      },
    );
  decision('acceptance', 'Accept an offer for the need: the need is then matched with it', acceptOffer);
  decision(
    'refusal',
    'Decline an offer for the need: it will not be suggested for this need again',
    declineOffer,
  );

  const move = (path: string, to: 'delivered' | 'withdrawn', summary: string) =>
    api.post(
      `/needs/:id/${path}`,
      {
        config: { action: 'assistance.write' },
        schema: { tags: TAGS, summary, params: IdParams, response: { 200: NeedReply } },
      },
      async (request) => {
        const record = await request.transaction(async (tx) => {
          const need = await getNeed(tx, request.params.id);
          request.authorize('assistance.write', { organisationId: need.postedByOrganisationId });
          request.auditSubject = needSubject(need, { status: to });
          return changeNeedStatus(tx, need.id, to);
        });
        return { data: needView(record, request.principal) };
      },
    );
  move(
    'delivery',
    'delivered',
    'Mark a matched need delivered (409 `invalid_transition` when it is not matched)',
  );
  move('withdrawal', 'withdrawn', 'Withdraw an open or matched need (a delivered need is final)');

  api.get(
    '/offers',
    {
      config: { action: 'assistance.read' },
      schema: {
        tags: TAGS,
        summary: 'Offers of technical assistance, newest first',
        querystring: OfferFilters,
        response: { 200: z.object({ data: z.array(OfferView) }) },
      },
    },
    async (request) => {
      const records = await request.transaction((tx) => listOffers(tx, request.query));
      return { data: records.map((record) => offerView(record, request.principal)) };
    },
  );

  api.post(
    '/offers',
    {
      config: { action: 'assistance.write' },
      schema: {
        tags: TAGS,
        summary: 'Offer technical assistance on behalf of one’s organisation',
        body: OfferRequest,
        response: { 201: OfferReply },
      },
    },
    async (request, reply) => {
      request.authorize('assistance.write', { organisationId: request.body.organisationId });
      const record = await request.transaction(async (tx) => {
        const posted = await postOffer(tx, request.body, userIdOf(request));
        request.auditSubject = {
          resourceType: 'assistance_offer',
          resourceId: posted.id,
          organisationId: posted.offeredByOrganisationId,
          details: { kinds: posted.kinds, pillars: posted.pillars },
        };
        return posted;
      });
      return reply.status(201).send({ data: offerView(record, request.principal) });
    },
  );

  api.post(
    '/offers/:id/withdrawal',
    {
      config: { action: 'assistance.write' },
      schema: {
        tags: TAGS,
        summary: 'Withdraw an offer: it is suggested no more (needs matched with it keep their match)',
        params: IdParams,
        response: { 200: OfferReply },
      },
    },
    async (request) => {
      const record = await request.transaction(async (tx) => {
        const offer = await getOffer(tx, request.params.id);
        request.authorize('assistance.write', { organisationId: offer.offeredByOrganisationId });
        request.auditSubject = {
          resourceType: 'assistance_offer',
          resourceId: offer.id,
          organisationId: offer.offeredByOrganisationId,
          details: { status: 'withdrawn' },
        };
        return withdrawOffer(tx, offer.id);
      });
      return { data: offerView(record, request.principal) };
    },
  );
}

function needSubject(need: NeedRecord, details: Record<string, unknown>) {
  return {
    resourceType: 'assistance_need',
    resourceId: need.id,
    organisationId: need.postedByOrganisationId,
    details,
  };
}
