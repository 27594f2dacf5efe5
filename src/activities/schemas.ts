// The shapes of the 4W register in the API: activities, their versions, imports and exports.
import { z } from 'zod';
import { Int, IsoDate, PlainText, QueryInt, Text } from '../platform/fields.js';
import {
  ActivityType,
  ChainStage,
  CountryRole,
  FormOfExploitation,
  GenderMarker,
  IatiActivityStatus,
  IatiOrganisationRole,
  Iso3,
  Pillar,
  TargetGroup,
} from '../reference/vocabulary.js';
import { PEOPLE_CELLS } from './people.js';

export { IsoDate };

export const Identifier = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\s]+$/, 'An identifier has no spaces (for example an IATI identifier "XM-DAC-41114-ABC-1")')
  .describe('Stable key across systems: re-importing a file updates the activity with the same identifier');

const Count = Int({ min: 0, max: 1_000_000_000 });
export const PeopleCounts = z
  .object(
    Object.fromEntries(PEOPLE_CELLS.map((cell) => [cell, Count.optional()])) as Record<
      string,
      z.ZodOptional<typeof Count>
    >,
  )
  .strict()
  .describe('People by sex and age, keyed `<sex>_<age_group>` (codes of the sex and age_group lists)');
export type PeopleCounts = z.infer<typeof PeopleCounts>;

export const ActivityCountry = z
  .object({
    iso3: Iso3,
    role: CountryRole,
    places: z.array(PlainText(200)).max(100).default([]).describe('Places below country level'),
    percentage: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .optional()
      .describe(
        'The share of the activity in this country, as the publisher gave it (IATI recipient-country)',
      ),
  })
  .strict();

const Narrative = z.object({
  lang: z
    .string()
    .max(20)
    .nullable()
    .describe('ISO 639-1 language of the text; null when the file names none'),
  text: z.string().max(20_000),
});
export const ActivityNarratives = z
  .object({
    title: z.array(Narrative).max(50).optional(),
    description: z
      .array(
        Narrative.extend({
          type: z
            .string()
            .max(10)
            .describe('IATI DescriptionType: 1 general, 2 objectives, 3 target groups, 4 other'),
        }),
      )
      .max(200)
      .optional(),
  })
  .describe('The title and descriptions in every language the publisher wrote them in');

export const RecipientRegion = z.object({
  code: z.string().min(1).max(50),
  vocabulary: z
    .string()
    .max(10)
    .describe('IATI RegionVocabulary: 1 OECD DAC, 2 UN M49, 99 the publisher’s own'),
  vocabularyUri: z.string().max(500).nullable(),
  percentage: z.number().min(0).max(100).nullable(),
});

export const ClassificationHint = z.object({
  source: z
    .string()
    .describe('What suggested it: a sector, an SDG target, or words of the title or description'),
  isTraffickingSignal: z.boolean().describe('True when the source speaks of trafficking in persons itself'),
  pillar: Pillar.optional(),
  activityType: ActivityType.optional(),
  forms: z.array(FormOfExploitation).optional(),
  targetGroups: z.array(TargetGroup).optional(),
});

export const Participant = z
  .object({
    organisationId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('The organisation in the registry, when it is there'),
    name: PlainText(300).optional().describe('Needed when the organisation is not in the registry'),
    ref: PlainText(100).nullable().default(null).describe('IATI organisation identifier, when known'),
    role: IatiOrganisationRole,
  })
  .strict();

export const Budget = z
  .object({
    amount: z.number().min(0).max(1e15),
    currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 currency code, for example "USD"'),
    funder: PlainText(300).nullable().default(null),
  })
  .strict();

export const Provenance = z
  .object({
    source: PlainText(500).nullable().default(null),
    reportedBy: PlainText(300).nullable().default(null),
    reportedOn: IsoDate.nullable().default(null),
  })
  .strict();

const activityFields = {
  identifier: Identifier.optional(),
  title: PlainText(500),
  description: Text(20_000).nullable().default(null),
  leadOrganisationId: z.uuid(),
  participants: z.array(Participant).max(200).default([]),
  pillar: Pillar.optional().describe('Follows from the activity type; when given it must agree'),
  activityType: ActivityType.nullable().describe(
    'Null keeps the activity unclassified: it is listed for classification and left out of coverage',
  ),
  forms: z.array(FormOfExploitation).max(20).default([]),
  targetGroups: z.array(TargetGroup).max(40).default([]),
  chainStage: ChainStage.nullable().default(null),
  countries: z.array(ActivityCountry).min(1, 'Name at least one country').max(250),
  recipientRegions: z.array(RecipientRegion).max(100).default([]),
  narratives: ActivityNarratives.default({}),
  classificationHints: z.array(ClassificationHint).max(100).default([]),
  plannedStart: IsoDate.nullable().default(null),
  plannedEnd: IsoDate.nullable().default(null),
  actualStart: IsoDate.nullable().default(null),
  actualEnd: IsoDate.nullable().default(null),
  status: IatiActivityStatus.default('implementation'),
  budget: Budget.nullable().default(null),
  peopleTargeted: PeopleCounts.default({}),
  peopleReached: PeopleCounts.default({}),
  genderMarker: GenderMarker.nullable().default(null),
  coordinationMechanismId: z.uuid().nullable().default(null),
  provenance: Provenance.default({ source: null, reportedBy: null, reportedOn: null }),
  isPublished: z.boolean().default(false),
};

export const ActivityInput = z.object(activityFields).strict();
export type ActivityInput = z.infer<typeof ActivityInput>;

export const UpdateActivityRequest = z
  .object({
    ...Object.fromEntries(
      Object.entries(activityFields).map(([key, schema]) => [
        key,
        (schema instanceof z.ZodDefault
          ? schema.unwrap()
          : schema instanceof z.ZodOptional
            ? schema.unwrap()
            : schema
        ).optional(),
      ]),
    ),
    expectedVersion: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .optional()
      .describe('The version you read; the change is refused (409) when someone changed the activity since'),
  })
  .strict() as unknown as z.ZodType<Partial<ActivityInput> & { expectedVersion?: number }>;
export type UpdateActivityRequest = Partial<ActivityInput> & { expectedVersion?: number };

export const Activity = z.object({
  id: z.uuid(),
  identifier: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  leadOrganisationId: z.uuid(),
  participants: z.array(
    z.object({
      organisationId: z.uuid().nullable(),
      name: z.string(),
      ref: z.string().nullable(),
      role: IatiOrganisationRole,
    }),
  ),
  pillar: Pillar.nullable(),
  activityType: ActivityType.nullable(),
  needsClassification: z
    .boolean()
    .describe('No counter-trafficking classification yet: listed for classification, left out of coverage'),
  classificationHints: z.array(ClassificationHint),
  forms: z.array(FormOfExploitation),
  targetGroups: z.array(TargetGroup),
  chainStage: ChainStage.nullable(),
  countries: z.array(
    z.object({
      iso3: z.string(),
      role: CountryRole,
      places: z.array(z.string()),
      percentage: z.number().nullable(),
    }),
  ),
  recipientRegions: z.array(RecipientRegion),
  narratives: ActivityNarratives,
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
  actualStart: IsoDate.nullable(),
  actualEnd: IsoDate.nullable(),
  status: IatiActivityStatus,
  budget: z.object({ amount: z.number(), currency: z.string(), funder: z.string().nullable() }).nullable(),
  peopleTargeted: PeopleCounts,
  peopleReached: PeopleCounts,
  targetedTotal: z.number().int().nullable(),
  reachedTotal: z.number().int().nullable(),
  genderMarker: GenderMarker.nullable(),
  coordinationMechanismId: z.uuid().nullable(),
  provenance: z.object({
    source: z.string().nullable(),
    reportedBy: z.string().nullable(),
    reportedOn: IsoDate.nullable(),
  }),
  isPublished: z.boolean(),
  isIllustrative: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityResponse = z.object({ data: Activity });

const CsvList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item),
  );

export const ActivityFilters = z
  .object({
    country: CsvList(Iso3).optional().describe('Comma-separated ISO3 codes: activities in any of them'),
    pillar: Pillar.optional(),
    activityType: ActivityType.optional(),
    targetGroup: TargetGroup.optional(),
    form: FormOfExploitation.optional(),
    status: IatiActivityStatus.optional(),
    organisationId: z.uuid().optional().describe('Led by, or with, this organisation'),
    from: IsoDate.optional().describe('Activities running on or after this date'),
    to: IsoDate.optional().describe('Activities running on or before this date'),
    q: Text(200).optional().describe('Part of the title or identifier'),
    needsClassification: z
      .preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean())
      .optional()
      .describe('true: only activities awaiting classification; false: only classified ones'),
  })
  .strict();
export type ActivityFilters = z.infer<typeof ActivityFilters>;

export const ActivityQuery = ActivityFilters.extend({
  limit: QueryInt({ min: 1, max: 500 }).default(100),
  after: Text(200).optional().describe('The `next` cursor of the previous page'),
}).strict();

export const ActivityList = z.object({
  data: z.array(Activity),
  next: z.string().nullable().describe('Pass as `after` for the next page; null on the last page'),
});

export const ChangeSource = z.object({
  channel: z
    .enum(['web', 'api', 'import', 'command_line', 'demo'])
    .describe('Through the web app, the API with a token, a file import, the command line or the demo data'),
  file: z.string().nullable().describe('The imported file’s name, when known'),
});
export type ChangeSource = z.infer<typeof ChangeSource>;

export const ActivityVersion = z.object({
  activityId: z.uuid(),
  version: z.number().int(),
  change: z.enum(['created', 'updated', 'deleted']),
  changedAt: z.iso.datetime(),
  changedBy: z.uuid().nullable().describe('Who made the change; null for the public and for the system'),
  changedByName: z.string().nullable().describe('Their name, for signed-in requesters'),
  via: z.string().describe('As recorded; `source` reads it'),
  source: ChangeSource,
  snapshot: Activity.partial().describe('The whole activity as it was after this change'),
});
export const ActivityVersionList = z.object({ data: z.array(ActivityVersion) });

export const ImportFormat = z.enum(['csv', 'xlsx', 'hxl', 'iati']);
export type ImportFormat = z.infer<typeof ImportFormat>;
export const ExportFormat = ImportFormat;

export const ImportQuery = z
  .object({
    format: ImportFormat.optional().describe('Guessed from the content type when absent'),
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .describe('Check every row and report problems without writing anything'),
    filename: Text(300).optional().describe('Recorded in each version as where the change came from'),
    registerOrganisations: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .describe(
        'IATI: register reporting and participating organisations the registry does not know, as provisional entries for a coordinator to review (needs the right to register organisations)',
      ),
    onlyTrafficking: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .describe(
        'IATI: skip activities with no sign of counter-trafficking work (reported with the reason) instead of importing them unclassified',
      ),
  })
  .strict();

export const ImportProblem = z.object({
  row: z
    .number()
    .int()
    .describe('The row in the file (1 is the header) or, for IATI, the activity’s position'),
  column: z.string().describe('The column name (or IATI element) the problem is in'),
  identifier: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const RegisteredOrganisation = z.object({
  id: z.uuid(),
  name: z.string(),
  iatiIdentifier: z.string().nullable(),
  iatiOrganisationType: z.string().nullable(),
  actorType: z.string(),
});

export const ImportOutcome = z.object({
  row: z.number().int(),
  identifier: z.string().nullable(),
  outcome: z.enum(['created', 'updated', 'unchanged', 'skipped', 'rejected']),
  needsClassification: z.boolean(),
  reason: z.string().nullable().describe('Why it was skipped or rejected'),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportReport = z.object({
  format: ImportFormat,
  dryRun: z.boolean(),
  committed: z.boolean().describe('True when the changes were written (all of them; never a part)'),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(ImportProblem),
  problemCount: z.number().int().describe('All problems, also those beyond the first 1,000 listed'),
  warnings: z.array(ImportProblem).describe('Inferences worth checking; they do not stop the import'),
  hasHxlRow: z.boolean(),
  unclassified: z
    .number()
    .int()
    .describe('Records imported (or, in a dry run, to be imported) without a classification'),
  skipped: z.number().int().describe('Records left out on request (for example not about trafficking)'),
  outcomes: z
    .array(ImportOutcome)
    .describe('What became of each record, the first 1,000 listed (rejected ones when nothing was written)'),
  organisationsRegistered: z
    .array(RegisteredOrganisation)
    .describe(
      'Provisional organisations registered (or, in a dry run, to be registered) for a coordinator to review',
    ),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportResponse = z.object({ data: ImportReport });

export const ExportQuery = ActivityFilters.extend({ format: ExportFormat.default('csv') }).strict();
