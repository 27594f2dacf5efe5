// The shapes of partner organisations, focal points and coordination mechanisms in the API.
import { z } from 'zod';
import { IsoDate, LongText, PlainText, Text } from '../platform/fields.js';
import { Language } from '../reference/schemas.js';
import { ActorType, Iso3 } from '../reference/vocabulary.js';
import { MECHANISM_KINDS, MECHANISM_MEMBER_ROLES } from './schema.js';

const Names = z.partialRecord(Language, z.string());

export const Organisation = z.object({
  id: z.uuid(),
  name: z.string(),
  names: Names,
  acronym: z.string().nullable(),
  actorType: ActorType,
  headquartersIso3: z.string().nullable(),
  countriesOfOperation: z.array(z.string()),
  mandate: z.string().nullable(),
  website: z.string().nullable(),
  iatiIdentifier: z
    .string()
    .nullable()
    .describe('IATI organisation identifier; files name organisations by it'),
  iatiOrganisationType: z.string().nullable().describe('IATI OrganisationType code it was published with'),
  isProvisional: z
    .boolean()
    .describe('Registered by an import from what a file said; a coordinator reviews and confirms it'),
  registeredVia: z
    .string()
    .nullable()
    .describe('For a provisional organisation: the import that registered it'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof Organisation>;

export const DuplicateCandidate = z.object({
  id: z.uuid(),
  name: z.string(),
  acronym: z.string().nullable(),
  score: z
    .number()
    .describe('0 to 1; 1 means the same name once case, accents and punctuation are set aside'),
  reason: z.string(),
});

export const FocalPoint = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  position: z.string().nullable(),
  topics: z.array(z.string()),
  languages: z.array(Language),
  /** Null for the public: how to reach a focal point is shown to signed-in partners only. */
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type FocalPoint = z.infer<typeof FocalPoint>;

export const MechanismMembership = z.object({
  mechanismId: z.uuid(),
  name: z.string(),
  kind: z.enum(MECHANISM_KINDS),
  role: z.enum(MECHANISM_MEMBER_ROLES),
});

export const OrganisationProfile = Organisation.extend({
  focalPoints: z.array(FocalPoint),
  mechanisms: z.array(MechanismMembership),
});

export const OrganisationList = z.object({ data: z.array(Organisation) });
export const OrganisationResponse = z.object({ data: Organisation });
export const OrganisationProfileResponse = z.object({ data: OrganisationProfile });
export const CreatedOrganisationResponse = z.object({
  data: Organisation,
  possibleDuplicates: z
    .array(DuplicateCandidate)
    .describe(
      'Registered organisations this one may duplicate (similar name or acronym): check before going on',
    ),
});

const Website = z.url({ protocol: /^https?$/ }).max(500);
const IatiIdentifier = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._/:-]{1,99}$/,
    'An IATI organisation identifier, for example "GB-CHC-202918"',
  );

export const CreateOrganisationRequest = z
  .object({
    name: PlainText(300),
    names: z.partialRecord(Language, PlainText(300)).default({}),
    acronym: PlainText(30).optional(),
    actorType: ActorType,
    headquartersIso3: Iso3.optional(),
    countriesOfOperation: z.array(Iso3).max(250).default([]),
    mandate: LongText(5000).optional(),
    website: Website.optional(),
    iatiIdentifier: IatiIdentifier.optional(),
  })
  .strict();

export const UpdateOrganisationRequest = z
  .object({
    name: PlainText(300),
    names: z.partialRecord(Language, PlainText(300)),
    acronym: PlainText(30).nullable(),
    actorType: ActorType,
    headquartersIso3: Iso3.nullable(),
    countriesOfOperation: z.array(Iso3).max(250),
    mandate: LongText(5000).nullable(),
    website: Website.nullable(),
    iatiIdentifier: IatiIdentifier.nullable(),
    isProvisional: z
      .literal(false)
      .describe('false confirms a provisional organisation once its name, type and identifier are checked'),
  })
  .partial()
  .strict();

export const OrganisationQuery = z
  .object({
    q: Text(200).optional().describe('Part of the name or acronym'),
    actorType: ActorType.optional(),
    country: Iso3.optional().describe('Organisations working in this country (or headquartered there)'),
    provisional: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .describe(
        'true: only provisional organisations awaiting a coordinator’s review; false: only confirmed ones',
      ),
  })
  .strict();

export const SimilarOrganisationsQuery = z
  .object({
    name: PlainText(300),
    acronym: PlainText(30).optional(),
  })
  .strict();
export const SimilarOrganisationsResponse = z.object({ data: z.array(DuplicateCandidate) });

export const FocalPointRequest = z
  .object({
    name: PlainText(200),
    position: PlainText(200).optional(),
    topics: z.array(PlainText(100)).max(20).default([]),
    languages: z.array(Language).max(6).default([]),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,30}$/, 'A telephone number: digits, spaces, brackets, hyphens and a leading +')
      .optional(),
  })
  .strict();
export const UpdateFocalPointRequest = z
  .object({
    name: PlainText(200),
    position: PlainText(200).nullable(),
    topics: z.array(PlainText(100)).max(20),
    languages: z.array(Language).max(6),
    email: z.email().max(254).nullable(),
    phone: FocalPointRequest.shape.phone.unwrap().nullable(),
  })
  .partial()
  .strict();
export const FocalPointList = z.object({ data: z.array(FocalPoint) });
export const FocalPointResponse = z.object({ data: FocalPoint });
export const FocalPointParam = z.object({ id: z.uuid(), focalPointId: z.uuid() }).strict();

export const MechanismKind = z.enum(MECHANISM_KINDS);
export const MechanismMemberRole = z.enum(MECHANISM_MEMBER_ROLES);

export const MechanismMember = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  actorType: ActorType,
  role: MechanismMemberRole,
  joinedOn: IsoDate.nullable(),
  leftOn: IsoDate.nullable(),
});
export const Meeting = z.object({
  id: z.uuid(),
  mechanismId: z.uuid(),
  heldOn: IsoDate,
  title: z.string(),
  place: z.string().nullable(),
  summary: z.string().nullable(),
  attendeeIds: z.array(z.uuid()),
});
export const Mechanism = z.object({
  id: z.uuid(),
  name: z.string(),
  names: Names,
  acronym: z.string().nullable(),
  kind: MechanismKind,
  countries: z.array(z.string()),
  mandate: z.string().nullable(),
  establishedOn: IsoDate.nullable(),
  memberCount: z.number().int(),
  lastMeetingOn: IsoDate.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Mechanism = z.infer<typeof Mechanism>;
export const MechanismDetail = Mechanism.extend({
  members: z.array(MechanismMember),
  meetings: z.array(Meeting),
});

export const MechanismList = z.object({ data: z.array(Mechanism) });
export const MechanismResponse = z.object({ data: MechanismDetail });
export const MechanismQuery = z
  .object({
    country: Iso3.optional(),
    kind: MechanismKind.optional(),
    organisationId: z.uuid().optional().describe('Mechanisms this organisation belongs to'),
  })
  .strict();

export const CreateMechanismRequest = z
  .object({
    name: PlainText(300),
    names: z.partialRecord(Language, PlainText(300)).default({}),
    acronym: PlainText(30).optional(),
    kind: MechanismKind,
    countries: z.array(Iso3).max(250).default([]),
    mandate: LongText(5000).optional(),
    establishedOn: IsoDate.optional(),
  })
  .strict();
export const UpdateMechanismRequest = z
  .object({
    name: PlainText(300),
    names: z.partialRecord(Language, PlainText(300)),
    acronym: PlainText(30).nullable(),
    kind: MechanismKind,
    countries: z.array(Iso3).max(250),
    mandate: LongText(5000).nullable(),
    establishedOn: IsoDate.nullable(),
  })
  .partial()
  .strict();

export const MemberParam = z.object({ id: z.uuid(), organisationId: z.uuid() }).strict();
export const PutMechanismMemberRequest = z
  .object({
    role: MechanismMemberRole.default('member'),
    joinedOn: IsoDate.optional(),
    leftOn: IsoDate.optional(),
  })
  .strict();
export const MeetingRequest = z
  .object({
    heldOn: IsoDate,
    title: PlainText(300),
    place: PlainText(300).optional(),
    summary: LongText(10000).optional(),
    attendeeIds: z.array(z.uuid()).max(500).default([]),
  })
  .strict();
export const MeetingResponse = z.object({ data: Meeting });
export const MeetingList = z.object({ data: z.array(Meeting) });
