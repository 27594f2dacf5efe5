// API shapes of plans of action: the plan as one document (objectives → measures → indicators), progress
// reports, and the dashboard's analyses; the web and the CLI read the same shapes.
import { z } from 'zod';
import { Int, IsoDate, IsoDateTime, PlainText, Text } from '../platform/fields.js';
import { Iso3 } from '../reference/vocabulary.js';

export const PLAN_SCOPES = ['national', 'regional', 'un_system'] as const;
export const PLAN_PILLARS = ['prevention', 'protection', 'prosecution', 'partnership'] as const;
export const MEASURE_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export const PROGRESS_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export const COMPUTED_STATUSES = [...PROGRESS_STATUSES, 'no_data'] as const;

export const PlanScope = z.enum(PLAN_SCOPES).describe('national, regional or UN system-wide');
export const PlanPillar = z.enum(PLAN_PILLARS);
export const MeasureStatus = z.enum(MEASURE_STATUSES);
export const ProgressStatus = z.enum(PROGRESS_STATUSES).describe('How the period went, as the report says');
export const ComputedStatus = z.enum(COMPUTED_STATUSES);

const MAX_MINOR = 9_007_199_254_740_991;
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code in capitals, for example "USD"')
  .describe('ISO 4217 currency code');
export const Money = z
  .object({
    amountMinor: z.number().int().min(0).max(MAX_MINOR).describe('The amount in minor units (cents)'),
    currency: Currency,
  })
  .strict();
export type Money = z.infer<typeof Money>;

export const Period = z
  .object({ start: IsoDate, end: IsoDate })
  .strict()
  .refine((period) => period.end >= period.start, {
    message: 'The period ends before it starts',
    path: ['end'],
  });

export const Sex = z.enum(['female', 'male', 'other']);
export const AgeGroup = z.enum(['children', 'adults']);
const Disaggregation = { sex: Sex.optional(), age: AgeGroup.optional() };

export const Baseline = z.object({ ...Disaggregation, value: z.number().finite(), date: IsoDate }).strict();
export const Target = z
  .object({ start: IsoDate, end: IsoDate, ...Disaggregation, value: z.number().finite() })
  .strict()
  .refine((target) => target.end >= target.start, {
    message: 'The period ends before it starts',
    path: ['end'],
  });

export const IndicatorSource = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('manual') }).strict(),
    z
      .object({
        kind: z.literal('statistics'),
        query: z
          .object({
            indicator: PlainText(100)
              .min(1)
              .describe('The statistics indicator, for example victims_detected'),
            country: Iso3.optional(),
            sex: Sex.optional(),
            age: AgeGroup.optional(),
          })
          .strict(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('activities'),
        filter: z
          .object({
            pillar: PlanPillar.optional(),
            country: Iso3.optional(),
            organisationId: z.uuid().optional(),
            linkedToMeasure: z
              .boolean()
              .optional()
              .describe('Count only the activities linked to this measure'),
          })
          .strict(),
      })
      .strict(),
  ])
  .describe('Where actual values come from: manual entry, a statistics query or a count of 4W activities');

const NewOrExistingId = z
  .uuid()
  .optional()
  .describe('Keep the id to change an item; leave it out for a new one');

export const IndicatorInput = z
  .object({
    id: NewOrExistingId,
    name: PlainText(300).min(1),
    definition: Text(4000).default(''),
    unit: PlainText(60).min(1).describe('What is counted: people, %, cases, laws…'),
    direction: z.enum(['increase', 'decrease']).default('increase'),
    baseline: Baseline.nullable().default(null),
    disaggregatedBaselines: z.array(Baseline).max(20).default([]),
    targets: z.array(Target).max(100).default([]),
    disaggregatedBy: z
      .array(z.enum(['sex', 'age']))
      .max(2)
      .default([]),
    source: IndicatorSource.default({ kind: 'manual' }),
  })
  .strict();
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const FundingInput = z
  .object({
    funderOrganisationId: z.uuid(),
    currency: Currency,
    committedMinor: Money.shape.amountMinor,
    spentMinor: Money.shape.amountMinor,
  })
  .strict();

export const MeasureInput = z
  .object({
    id: NewOrExistingId,
    title: PlainText(500).min(1),
    ownerOrganisationId: z.uuid(),
    contributingOrganisationIds: z.array(z.uuid()).max(50).default([]),
    deadline: IsoDate.nullable().default(null),
    budget: Money.nullable().default(null),
    status: MeasureStatus.default('planned'),
    countries: z
      .array(Iso3)
      .max(250)
      .default([])
      .describe('Where the measure acts (empty: the plan’s countries)'),
    activityIds: z
      .array(z.uuid())
      .max(500)
      .default([])
      .describe('The 4W activities that implement the measure'),
    funding: z.array(FundingInput).max(100).default([]),
    indicators: z.array(IndicatorInput).max(50).default([]),
  })
  .strict();
export type MeasureInput = z.infer<typeof MeasureInput>;

export const ObjectiveInput = z
  .object({
    id: NewOrExistingId,
    title: PlainText(500).min(1),
    pillar: PlanPillar,
    measures: z.array(MeasureInput).max(200).default([]),
  })
  .strict();

export const PlanInput = z
  .object({
    title: PlainText(300).min(1),
    description: Text(8000).default(''),
    scope: PlanScope,
    countries: z.array(Iso3).min(1).max(250),
    period: Period,
    coordinatorOrganisationId: z.uuid(),
    objectives: z.array(ObjectiveInput).max(100).default([]),
  })
  .strict();
export type PlanInput = z.infer<typeof PlanInput>;

export const PlanReplace = PlanInput.extend({
  version: Int({ min: 1 }).describe('The version read; a plan changed since answers 409'),
}).strict();

export const Named = z.object({ id: z.uuid(), name: z.string() });

export const ProgressReportView = z.object({
  id: z.uuid(),
  indicatorId: z.uuid(),
  start: IsoDate,
  end: IsoDate,
  sex: Sex.nullable(),
  age: AgeGroup.nullable(),
  value: z.number().nullable(),
  narrative: z.string(),
  evidenceLinks: z.array(z.string()),
  status: ProgressStatus,
  sourceNote: z.string().nullable(),
  submittedBy: z.string().nullable().describe('The name of who submitted it'),
  submittedAt: IsoDateTime,
  approvedBy: z.string().nullable(),
  approvedAt: IsoDateTime.nullable(),
  can: z.object({ approve: z.boolean(), withdraw: z.boolean() }),
});
export type ProgressReportView = z.infer<typeof ProgressReportView>;

export const IndicatorView = z.object({
  id: z.uuid(),
  name: z.string(),
  definition: z.string(),
  unit: z.string(),
  direction: z.enum(['increase', 'decrease']),
  baseline: Baseline.nullable(),
  disaggregatedBaselines: z.array(Baseline),
  targets: z.array(Target),
  disaggregatedBy: z.array(z.enum(['sex', 'age'])),
  source: IndicatorSource,
  reports: z.array(ProgressReportView),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const MeasureView = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: Named,
  contributors: z.array(Named),
  deadline: IsoDate.nullable(),
  budget: Money.nullable(),
  status: MeasureStatus,
  countries: z.array(z.string()),
  activities: z.array(Named.extend({ found: z.boolean() })),
  funding: z.array(
    z.object({ funder: Named, currency: z.string(), committedMinor: z.number(), spentMinor: z.number() }),
  ),
  indicators: z.array(IndicatorView),
  can: z.object({ setStatus: z.boolean(), report: z.boolean() }),
});
export type MeasureView = z.infer<typeof MeasureView>;

export const PlanView = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  scope: PlanScope,
  countries: z.array(z.string()),
  period: z.object({ start: IsoDate, end: IsoDate }),
  coordinator: Named,
  objectives: z.array(
    z.object({ id: z.uuid(), title: z.string(), pillar: PlanPillar, measures: z.array(MeasureView) }),
  ),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), approve: z.boolean() }),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  scope: PlanScope,
  countries: z.array(z.string()),
  period: z.object({ start: IsoDate, end: IsoDate }),
  coordinator: Named,
  measureCount: z.number().int(),
  completedMeasures: z.number().int(),
  updatedAt: IsoDateTime,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanList = z.object({ data: z.array(PlanSummary) });

export const ProgressReportInput = z
  .object({
    start: IsoDate,
    end: IsoDate,
    sex: Sex.nullable().default(null),
    age: AgeGroup.nullable().default(null),
    value: z.number().finite().nullable().default(null),
    narrative: Text(8000).default(''),
    evidenceLinks: z
      .array(z.url({ protocol: /^https?$/ }).max(2000))
      .max(20)
      .default([]),
    status: ProgressStatus,
  })
  .strict()
  .refine((report) => report.end >= report.start, {
    message: 'The period ends before it starts',
    path: ['end'],
  })
  .refine((report) => report.value !== null || report.narrative.length > 0, {
    message: 'Give a value, a narrative, or both',
    path: ['value'],
  });
export type ProgressReportInput = z.infer<typeof ProgressReportInput>;

export const MeasureStatusChange = z.object({ status: MeasureStatus }).strict();

export const PlanParams = z.object({ id: z.uuid() });
export const IndicatorParams = z.object({ id: z.uuid(), indicatorId: z.uuid() });
export const ReportParams = z.object({ id: z.uuid(), reportId: z.uuid() });
export const MeasureParams = z.object({ id: z.uuid(), measureId: z.uuid() });
