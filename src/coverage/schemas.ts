// The shapes of the coverage analysis in the API: matrix, findings, country profiles and need statements.
import { z } from 'zod';
import { Int, IsoDate, PlainText, QueryInt, Text } from '../platform/fields.js';
import {
  ActivityType,
  ActorType,
  FormOfExploitation,
  Iso3,
  Pillar,
  TargetGroup,
} from '../reference/vocabulary.js';
import { NEED_LEVELS } from './schema.js';

const CsvList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item),
  );

export const CoverageQuery = z
  .object({
    from: IsoDate.optional().describe('Start of the period; activities running on or after it count'),
    to: IsoDate.optional().describe('End of the period; activities running on or before it count'),
    country: CsvList(Iso3).optional().describe('Comma-separated ISO3 codes'),
    pillar: Pillar.optional(),
    activityType: ActivityType.optional(),
    targetGroup: TargetGroup.optional(),
    form: FormOfExploitation.optional(),
    organisationId: z.uuid().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('USD')
      .describe('Budgets in this currency are summed; others are counted apart'),
    minActivities: QueryInt({ min: 1, max: 1000 })
      .default(1)
      .describe('Fewer activities than this for a need is a gap'),
    minReachedShare: z.coerce
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe('People reached below this share of the people in need is a gap'),
  })
  .strict();
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const Period = z.object({ from: IsoDate.nullable(), to: IsoDate.nullable() });

/** One cell of the matrix, as the CSV export and readers of the compact matrix spell it out. */
export const MatrixCell = z.object({
  iso3: z.string(),
  pillar: Pillar,
  activityType: ActivityType,
  targetGroup: TargetGroup.nullable().describe('Null: the activities name no target group'),
  form: FormOfExploitation.nullable().describe('Null: the activities name no form of exploitation'),
  organisations: z.number().int().describe('Distinct lead and implementing organisations'),
  activities: z.number().int(),
  peopleReached: z.number().nullable(),
  budget: z.number().describe('Sum of budgets in the chosen currency'),
  budgetOtherCurrencies: z
    .number()
    .int()
    .describe('Activities whose budget is in another currency (not summed)'),
});
export type MatrixCell = z.infer<typeof MatrixCell>;

/** The values a cell's dimension codes stand for: a code is a place in the matching list. */
export const MatrixDimensions = z.object({
  iso3: z.array(z.string()),
  pillar: z.array(Pillar),
  activityType: z.array(ActivityType),
  targetGroup: z.array(TargetGroup.nullable()).describe('Null: the activities name no target group'),
  form: z.array(FormOfExploitation.nullable()).describe('Null: the activities name no form of exploitation'),
});
export type MatrixDimensions = z.infer<typeof MatrixDimensions>;

const Codes = (dimension: string) =>
  z.array(z.number().int().nonnegative()).describe(`Each cell's place in dimensions.${dimension}`);

/**
 * The cells as columns of equal length (cell i is the i-th value of each), sorted by country, pillar, type, group
 * and form: a million activities make a couple of hundred thousand cells, which as one object each would weigh
 * five times as much to send and to read.
 */
export const MatrixColumns = z.object({
  count: z.number().int().nonnegative().describe('How many cells: the length of every column'),
  iso3: Codes('iso3'),
  pillar: Codes('pillar'),
  activityType: Codes('activityType'),
  targetGroup: Codes('targetGroup'),
  form: Codes('form'),
  organisations: z.array(z.number().int()).describe('Distinct lead and implementing organisations'),
  activities: z.array(z.number().int()),
  peopleReached: z
    .array(z.number().nullable())
    .describe('Null: no activity of the cell counts people reached'),
  budget: z.array(z.number()).describe('Sum of budgets in the chosen currency'),
  budgetOtherCurrencies: z
    .array(z.number().int())
    .describe('Activities whose budget is in another currency (not summed)'),
});
export type MatrixColumns = z.infer<typeof MatrixColumns>;

export const Matrix = z.object({
  period: Period,
  currency: z.string(),
  note: z.string(),
  dimensions: MatrixDimensions,
  cells: MatrixColumns,
});
export type Matrix = z.infer<typeof Matrix>;

export const FindingActivity = z.object({
  id: z.uuid(),
  identifier: z.string(),
  title: z.string(),
  leadOrganisationId: z.uuid(),
  leadOrganisation: z.string(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
});

export const Severity = z.enum(['high', 'medium', 'low']);
export const FindingKind = z.enum(['gap', 'overlap']);

export const Finding = z.object({
  id: z.string().describe('Stable for the same rule and cell, so that findings can be followed over time'),
  rule: z.string(),
  kind: FindingKind,
  severity: Severity,
  iso3: z.string(),
  cell: z.object({
    pillar: Pillar.nullable(),
    activityType: ActivityType.nullable(),
    targetGroups: z.array(TargetGroup),
    forms: z.array(FormOfExploitation),
    places: z.array(z.string()),
    corridor: z.object({ origin: z.string(), destination: z.string() }).nullable(),
  }),
  explanation: z.string(),
  activityIds: z
    .array(z.uuid())
    .describe('The ids of the activities listed in `activities` (at most 50, the earliest first)'),
  activityCount: z.number().int().nonnegative().describe('How many activities the finding concerns in all'),
  activities: z.array(FindingActivity).describe('At most 50, by start and identifier'),
  organisationIds: z.array(z.uuid()),
  period: Period.describe('For overlaps, when the activities run together; otherwise the period analysed'),
  need: z
    .object({
      source: z.string(),
      origin: z.enum(['statistics', 'table']),
      level: z.enum(NEED_LEVELS),
      peopleInNeed: z.number().nullable(),
    })
    .nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const Rule = z.object({
  code: z.string(),
  kind: FindingKind,
  description: z.string(),
});

export const Findings = z.object({
  period: Period,
  gaps: z.array(Finding),
  overlaps: z.array(Finding),
  rules: z.array(Rule),
  needSources: z.array(z.string()).describe('Where need came from: official statistics, the need table'),
});
export type Findings = z.infer<typeof Findings>;

export const FindingsQuery = CoverageQuery.extend({
  limit: QueryInt({ min: 1, max: 10_000 })
    .default(100)
    .describe('At most this many gaps, and this many overlaps, in one answer'),
  offset: QueryInt({ min: 0, max: 10_000_000 })
    .default(0)
    .describe('Gaps and overlaps to skip, for the next page'),
}).strict();
export type FindingsQuery = z.infer<typeof FindingsQuery>;

export const Freshness = z
  .object({
    updating: z
      .array(z.string())
      .describe(
        'Countries (ISO3) answered with findings computed before their latest changes, being brought up to date',
      ),
    computing: z
      .array(z.string())
      .describe(
        'Countries (ISO3) whose findings are still being computed for the first time, left out for now',
      ),
  })
  .describe(
    'Findings that take long to compute are computed in the background: ask again to get them. Both lists are empty when every finding is up to date.',
  );

export const PagedFindings = Findings.extend({
  totals: z
    .object({ gaps: z.number().int(), overlaps: z.number().int() })
    .describe('How many gaps and overlaps there are in all, on every page'),
  page: z.object({ limit: z.number().int(), offset: z.number().int() }),
  freshness: Freshness,
});
export type PagedFindings = z.infer<typeof PagedFindings>;

export const CountryProfile = z.object({
  iso3: z.string(),
  activities: z.number().int(),
  pillarBalance: z.array(z.object({ pillar: Pillar, activities: z.number().int(), share: z.number() })),
  underMechanismShare: z
    .number()
    .nullable()
    .describe('Share of the activities reported under a coordination mechanism; null without activities'),
  partnersByActorType: z.array(z.object({ actorType: ActorType, organisations: z.number().int() })),
  organisations: z.number().int(),
  mechanisms: z.array(
    z.object({ id: z.uuid(), name: z.string(), kind: z.string(), members: z.number().int() }),
  ),
  gaps: z.number().int(),
  overlaps: z.number().int(),
});
export type CountryProfile = z.infer<typeof CountryProfile>;

export const CoverageReport = z.object({
  period: Period,
  filters: z.record(z.string(), z.unknown()),
  matrix: Matrix,
  findings: Findings.describe('The most severe findings of each kind, at most 1,000 of each'),
  findingTotals: z
    .object({ gaps: z.number().int(), overlaps: z.number().int() })
    .describe('How many gaps and overlaps there are in all: the findings routes page through every one'),
  profiles: z.array(CountryProfile),
  freshness: Freshness,
  unclassifiedActivities: z
    .number()
    .int()
    .nonnegative()
    .describe(
      'Activities the filters select that await classification (no counter-trafficking type yet): counted apart, never in the matrix or findings',
    ),
});
export type CoverageReport = z.infer<typeof CoverageReport>;

export const Need = z.object({
  id: z.uuid(),
  iso3: z.string(),
  pillar: Pillar.nullable(),
  form: FormOfExploitation.nullable(),
  targetGroup: TargetGroup.nullable(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  level: z.enum(NEED_LEVELS),
  peopleInNeed: z.number().int().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type Need = z.infer<typeof Need>;

const Year = Int({ min: 1900, max: 2200 });
export const NeedRequest = z
  .object({
    iso3: Iso3,
    pillar: Pillar.nullable().default(null),
    form: FormOfExploitation.nullable().default(null),
    targetGroup: TargetGroup.nullable().default(null),
    fromYear: Year,
    toYear: Year,
    level: z.enum(NEED_LEVELS),
    peopleInNeed: Int({ min: 0 }).nullable().default(null),
    source: PlainText(500).nullable().default(null),
    note: Text(5000).nullable().default(null),
  })
  .strict()
  .refine((need) => need.fromYear <= need.toYear, { message: 'fromYear is after toYear', path: ['toYear'] });
export const UpdateNeedRequest = z
  .object({
    pillar: Pillar.nullable(),
    form: FormOfExploitation.nullable(),
    targetGroup: TargetGroup.nullable(),
    fromYear: Year,
    toYear: Year,
    level: z.enum(NEED_LEVELS),
    peopleInNeed: Int({ min: 0 }).nullable(),
    source: PlainText(500).nullable(),
    note: Text(5000).nullable(),
  })
  .partial()
  .strict();
export const NeedQuery = z
  .object({ country: Iso3.optional(), year: QueryInt({ min: 1900, max: 2200 }).optional() })
  .strict();
export const NeedList = z.object({ data: z.array(Need) });
export const NeedResponse = z.object({ data: Need });
