// API shapes of the service directory: providers, services, their locations, places free, and HSDS files.
import { z } from 'zod';
import { Int, IsoDateTime, PlainText, QueryInt, Text } from '../platform/fields.js';
import { Iso3, ServiceCategory } from '../reference/vocabulary.js';

export { ServiceCategory };

/** Who a service is for; `all` means anyone who needs it. */
export const ELIGIBILITIES = [
  'all',
  'women',
  'girls',
  'men',
  'boys',
  'children',
  'migrants',
  'persons_with_disabilities',
  'lgbtiq',
] as const;
export const Eligibility = z.enum(ELIGIBILITIES).describe('Who may use the service');
export type Eligibility = z.infer<typeof Eligibility>;

/** Days as in iCalendar BYDAY (RFC 5545), which HSDS schedules use. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const Weekday = z.enum(WEEKDAYS);

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, for example 08:30')
  .describe('A time of day, HH:MM');

export const OpeningHours = z
  .object({ day: Weekday, opens: ClockTime, closes: ClockTime })
  .strict()
  .refine((hours) => hours.opens < hours.closes, {
    message: 'closes must be after opens',
    path: ['closes'],
  });
export type OpeningHours = z.infer<typeof OpeningHours>;

export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'an ISO 639 language code in lower case, for example sw or ar')
  .describe('An ISO 639-1 (or 639-3) language code');

export const Phone = z
  .object({
    number: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{3,30}$/, 'digits, spaces, brackets, dots or dashes, with an optional leading +'),
    description: PlainText(200).optional(),
  })
  .strict();
export type Phone = z.infer<typeof Phone>;

const Email = z.email().max(320);
const Url = z.url({ protocol: /^https?$/ }).max(2000);

export const LocationInput = z
  .object({
    name: PlainText(200).optional(),
    address: PlainText(500).optional(),
    city: PlainText(200).optional(),
    region: PlainText(200).optional(),
    postalCode: PlainText(40).optional(),
    country: Iso3.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .refine((l) => (l.latitude === undefined) === (l.longitude === undefined), {
    message: 'give both latitude and longitude, or neither',
    path: ['longitude'],
  });
export type LocationInput = z.infer<typeof LocationInput>;

export const ProviderInput = z
  .object({
    name: PlainText(300),
    partnerOrganisationId: z
      .uuid()
      .optional()
      .describe('The provider itself, when it is a registered partner organisation'),
    description: Text(4000).optional(),
    email: Email.optional(),
    website: Url.optional(),
  })
  .strict();
export type ProviderInput = z.infer<typeof ProviderInput>;

const ServiceFields = {
  name: PlainText(300),
  category: ServiceCategory,
  description: Text(4000).optional(),
  countries: z.array(Iso3).max(60).default([]).describe('Countries served'),
  areas: z.array(PlainText(200)).max(100).default([]).describe('Sub-national areas served, in words'),
  languages: z.array(LanguageCode).max(40).default([]),
  eligibility: z.array(Eligibility).max(ELIGIBILITIES.length).default([]),
  openingHours: z.array(OpeningHours).max(50).default([]),
  capacity: Int({ min: 0, max: 1_000_000 }).nullable().optional(),
  placesFree: Int({ min: 0, max: 1_000_000 }).nullable().optional(),
  phones: z.array(Phone).max(10).default([]),
  email: Email.optional(),
  website: Url.optional(),
  isPublic: z.boolean().default(false).describe('The provider chooses to list it publicly'),
  locations: z.array(LocationInput).max(50).default([]),
};

function placesWithinCapacity(s: { capacity?: number | null; placesFree?: number | null }) {
  return s.placesFree == null || s.capacity == null || s.placesFree <= s.capacity;
}
const PLACES_MESSAGE = { message: 'places free cannot exceed the capacity', path: ['placesFree'] };

export const CreateServiceRequest = z
  .object({
    organisationId: z.uuid().describe('The partner organisation whose staff keep this record'),
    provider: ProviderInput,
    ...ServiceFields,
  })
  .strict()
  .refine(placesWithinCapacity, PLACES_MESSAGE);
export type CreateServiceRequest = z.infer<typeof CreateServiceRequest>;
export type ServiceInput = Omit<CreateServiceRequest, 'organisationId' | 'provider'>;

export const UpdateServiceRequest = z
  .object({
    version: z.number().int().min(1),
    name: ServiceFields.name.optional(),
    category: ServiceCategory.optional(),
    description: Text(4000).nullable().optional(),
    countries: z.array(Iso3).max(60).optional(),
    areas: z.array(PlainText(200)).max(100).optional(),
    languages: z.array(LanguageCode).max(40).optional(),
    eligibility: z.array(Eligibility).max(ELIGIBILITIES.length).optional(),
    openingHours: z.array(OpeningHours).max(50).optional(),
    capacity: Int({ min: 0, max: 1_000_000 }).nullable().optional(),
    placesFree: Int({ min: 0, max: 1_000_000 }).nullable().optional(),
    phones: z.array(Phone).max(10).optional(),
    email: Email.nullable().optional(),
    website: Url.nullable().optional(),
    isPublic: z.boolean().optional(),
    locations: z.array(LocationInput).max(50).optional().describe('Replaces every location'),
  })
  .strict();
export type UpdateServiceRequest = z.infer<typeof UpdateServiceRequest>;

export const PutPlacesRequest = z
  .object({ placesFree: Int({ min: 0, max: 1_000_000 }) })
  .strict()
  .describe('How many places are free now');

export const LocationView = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  isConfidential: z
    .boolean()
    .describe('A shelter’s location: shown only to case staff and the staff of the holding organisation'),
});
export type LocationView = z.infer<typeof LocationView>;

export const ProviderView = z.object({
  id: z.uuid(),
  name: z.string(),
  partnerOrganisationId: z.uuid().nullable(),
  description: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
});

export const ServiceView = z.object({
  id: z.uuid(),
  provider: ProviderView,
  organisationId: z.uuid(),
  organisationName: z.string(),
  name: z.string(),
  category: ServiceCategory,
  description: z.string().nullable(),
  countries: z.array(z.string()),
  areas: z.array(z.string()),
  languages: z.array(z.string()),
  eligibility: z.array(Eligibility),
  openingHours: z.array(OpeningHours),
  capacity: z.number().int().nullable(),
  placesFree: z.number().int().nullable(),
  placesUpdatedAt: IsoDateTime.nullable(),
  phones: z.array(Phone),
  email: z.string().nullable(),
  website: z.string().nullable(),
  isPublic: z.boolean(),
  locations: z
    .array(LocationView)
    .describe('The locations the requester may see: a shelter’s only for case staff and its holder'),
  updatedAt: IsoDateTime,
  version: z.number().int(),
});
export type ServiceView = z.infer<typeof ServiceView>;

const QueryBool = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean(),
);

export const ServiceListQuery = z
  .object({
    category: ServiceCategory.optional(),
    country: Iso3.optional().describe('Serves this country'),
    eligibility: Eligibility.optional().describe('Open to this group (services open to all included)'),
    language: LanguageCode.optional(),
    hasPlacesFree: QueryBool.optional().describe('true: only services with at least one place free'),
    q: Text(200).optional().describe('Part of the service’s or provider’s name'),
    limit: QueryInt({ min: 1, max: 500 }).default(50),
    offset: QueryInt({ min: 0, max: 1_000_000 }).default(0),
  })
  .strict();
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;

export const ServiceList = z.object({
  data: z.array(ServiceView),
  total: z.number().int().describe('How many services match, over every page'),
});

export const ServiceParams = z.object({ id: z.uuid() }).strict();
