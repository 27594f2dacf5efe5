// API shapes of technical assistance: needs and offers as posted and as read (with what the reader may do
// next), the suggested offers for a need with the reasons for each, and decisions on them.
import { z } from 'zod';
import { IsoDate, PlainText, Text } from '../platform/fields.js';
import { Language } from '../reference/schemas.js';
import { Iso3 } from '../reference/vocabulary.js';
import { ASSISTANCE_KINDS, NEED_STATUSES, OFFER_STATUSES, PILLARS } from './engine/assistance.js';

/** The pillars of the shared code list, typed as the engine knows them. */
export const Pillar = z
  .enum(PILLARS)
  .describe('A code of the pillar list; labels at /api/v1/reference/code-lists/pillar');

export const AssistanceKind = z
  .enum(ASSISTANCE_KINDS)
  .describe(
    'legislation, training, specialised_units (police, prosecution or labour-inspection units), data_systems, victim_services, coordination, research or other',
  );
export type AssistanceKind = z.infer<typeof AssistanceKind>;

export const NeedStatus = z.enum(NEED_STATUSES);
export type NeedStatus = z.infer<typeof NeedStatus>;
export const OfferStatus = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof OfferStatus>;

const Languages = z
  .array(Language)
  .max(6)
  .refine((values) => new Set(values).size === values.length, 'Name each language once')
  .default([])
  .describe('UN languages the help can be given in (ar, zh, en, fr, ru, es), most wanted first');

const OrganisationId = z.uuid().describe('The organisation posting it; its editors may change it later');

export const NeedRequest = z
  .object({
    organisationId: OrganisationId,
    country: Iso3.describe('The country that needs the help'),
    pillar: Pillar,
    kind: AssistanceKind,
    title: PlainText(200),
    description: Text(4000).default(''),
    languages: Languages,
    wantedBy: IsoDate.nullable().default(null).describe('The date by which the help is wanted'),
  })
  .strict();
/** What a form sends; `PostedNeed` is the same with its defaults filled. */
export type NeedRequest = z.input<typeof NeedRequest>;
export type PostedNeed = z.infer<typeof NeedRequest>;

export const OfferRequest = z
  .object({
    organisationId: OrganisationId,
    title: PlainText(200),
    description: Text(4000).default(''),
    pillars: z.array(Pillar).min(1).max(4),
    kinds: z.array(AssistanceKind).min(1).max(ASSISTANCE_KINDS.length),
    countries: z.array(Iso3).max(300).default([]).describe('The countries served; empty for any country'),
    languages: Languages,
    availableFrom: IsoDate.nullable().default(null),
    availableUntil: IsoDate.nullable().default(null),
  })
  .strict()
  .refine(
    (offer) => !offer.availableFrom || !offer.availableUntil || offer.availableFrom <= offer.availableUntil,
    {
      path: ['availableUntil'],
      message: 'The last day of the offer comes before its first day',
    },
  );
export type OfferRequest = z.input<typeof OfferRequest>;
export type PostedOffer = z.infer<typeof OfferRequest>;

export const OrganisationRef = z.object({ id: z.uuid(), name: z.string() });

export const OfferView = z.object({
  id: z.uuid(),
  organisation: OrganisationRef,
  title: z.string(),
  description: z.string(),
  pillars: z.array(Pillar),
  kinds: z.array(AssistanceKind),
  countries: z.array(z.string()),
  languages: z.array(Language),
  availableFrom: z.string().nullable(),
  availableUntil: z.string().nullable(),
  status: OfferStatus,
  createdAt: z.string(),
  can: z.object({ withdraw: z.boolean() }),
});
export type OfferView = z.infer<typeof OfferView>;

export const NeedView = z.object({
  id: z.uuid(),
  organisation: OrganisationRef,
  country: z.string().describe('ISO 3166-1 alpha-3'),
  pillar: Pillar,
  kind: AssistanceKind,
  title: z.string(),
  description: z.string(),
  languages: z.array(Language),
  wantedBy: z.string().nullable(),
  status: NeedStatus,
  matchedOffer: z
    .object({ id: z.uuid(), title: z.string(), organisation: OrganisationRef })
    .nullable()
    .describe('The offer that meets the need, once matched'),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  can: z
    .object({ decide: z.boolean(), deliver: z.boolean(), withdraw: z.boolean() })
    .describe('What the reader may do next: accept or decline suggestions, mark delivered, withdraw'),
});
export type NeedView = z.infer<typeof NeedView>;

export const MatchReason = z.discriminatedUnion('criterion', [
  z.object({ criterion: z.literal('same_pillar'), points: z.number() }),
  z.object({ criterion: z.literal('same_kind'), points: z.number() }),
  z.object({ criterion: z.enum(['country_named', 'any_country']), points: z.number() }),
  z.object({ criterion: z.literal('shared_languages'), points: z.number(), languages: z.array(Language) }),
  z.object({ criterion: z.literal('available_in_time'), points: z.number() }),
]);
export type MatchReason = z.infer<typeof MatchReason>;

export const SuggestionView = z.object({
  offer: OfferView,
  score: z.number().int(),
  reasons: z.array(MatchReason),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

export const NeedSuggestions = z.object({
  need: NeedView,
  suggestions: z.array(SuggestionView).describe('Open offers that could meet the need, best first'),
});
export type NeedSuggestions = z.infer<typeof NeedSuggestions>;

export const DecisionRequest = z
  .object({ note: Text(1000).default('').describe('Why, for the other partner and the record') })
  .strict();
export type DecisionRequest = z.input<typeof DecisionRequest>;

export const NeedFilters = z
  .object({ status: NeedStatus.optional(), country: Iso3.optional(), pillar: Pillar.optional() })
  .strict();
export type NeedFilters = z.infer<typeof NeedFilters>;

export const OfferFilters = z.object({ status: OfferStatus.optional(), pillar: Pillar.optional() }).strict();
export type OfferFilters = z.infer<typeof OfferFilters>;

export const IdParams = z.object({ id: z.uuid() });
export const SuggestionParams = z.object({ id: z.uuid(), offerId: z.uuid() });
