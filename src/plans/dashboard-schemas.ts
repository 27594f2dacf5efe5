// API shape of a plan's dashboard: implementation by pillar and owner, indicators against targets, overdue
// items, measures and activities that do not meet, and funding with its gaps — names included throughout.
import { z } from 'zod';
import { IsoDate } from '../platform/fields.js';
import {
  AgeGroup,
  ComputedStatus,
  MEASURE_STATUSES,
  Money,
  Named,
  PlanPillar,
  ProgressStatus,
  Sex,
} from './schemas.js';

const Sums = z.array(Money).describe('One amount per currency');
const countsOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object(
    Object.fromEntries(values.map((value) => [value, z.number().int()])) as Record<T[number], z.ZodNumber>,
  );

const OverdueMeasure = z.object({
  measureId: z.uuid(),
  title: z.string(),
  owner: Named,
  pillar: PlanPillar,
  deadline: IsoDate,
  daysOverdue: z.number().int(),
});

const ImplementationSummary = z.object({
  measureCount: z.number().int(),
  measuresByStatus: countsOf(MEASURE_STATUSES),
  completedShare: z.number().nullable(),
  overdueMeasures: z.array(OverdueMeasure),
  indicatorsByStatus: countsOf(['on_track', 'at_risk', 'off_track', 'no_data'] as const),
});

const ProgressRow = z.object({
  sex: Sex.nullable(),
  age: AgeGroup.nullable(),
  baseline: z.object({ value: z.number(), date: IsoDate }).nullable(),
  target: z.object({ value: z.number(), start: IsoDate, end: IsoDate }).nullable(),
  actual: z.object({ value: z.number(), start: IsoDate, end: IsoDate }).nullable(),
  progressShare: z.number().nullable(),
  expectedShare: z.number().nullable(),
  computedStatus: ComputedStatus,
  reportedStatus: ProgressStatus.nullable(),
  statusDiffers: z.boolean(),
  missing: z.array(z.enum(['baseline', 'target', 'actual'])),
  isTargetAgainstDirection: z.boolean(),
});

const IndicatorProgress = z.object({
  indicatorId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['increase', 'decrease']),
  measureId: z.uuid(),
  measureTitle: z.string(),
  owner: Named,
  pillar: PlanPillar,
  headlineStatus: ComputedStatus,
  rows: z.array(ProgressRow),
});

const OverdueReport = z.object({
  measureId: z.uuid(),
  measureTitle: z.string(),
  owner: Named,
  pillar: PlanPillar,
  indicatorId: z.uuid(),
  indicatorName: z.string(),
  start: IsoDate,
  end: IsoDate,
  sex: Sex.nullable(),
  age: AgeGroup.nullable(),
  dueDate: IsoDate,
  daysPastDue: z.number().int(),
});

const FundingGap = z.object({
  budget: Sums,
  committed: Sums,
  spent: Sums,
  gap: Sums,
  overCommitment: Sums,
  overCommittedMeasures: z.number().int(),
  unbudgetedMeasures: z.number().int(),
});

export const PlanDashboard = z.object({
  asOf: IsoDate,
  implementation: z.object({
    overall: ImplementationSummary,
    byPillar: z.array(ImplementationSummary.extend({ pillar: PlanPillar })),
    byOwner: z.array(ImplementationSummary.extend({ owner: Named })),
  }),
  indicators: z.array(IndicatorProgress),
  overdueMeasures: z.array(OverdueMeasure),
  overdueReports: z.array(OverdueReport),
  links: z.object({
    measuresWithoutActivity: z.array(
      z.object({
        measureId: z.uuid(),
        title: z.string(),
        pillar: PlanPillar,
        owner: Named,
        reason: z.enum(['names_no_activity', 'named_activities_not_found']),
      }),
    ),
    activitiesServingNoMeasure: z.array(
      z.object({ id: z.uuid(), title: z.string(), lead: Named, pillar: PlanPillar, country: z.string() }),
    ),
  }),
  funding: z.object({
    measures: z.array(
      z.object({
        measureId: z.uuid(),
        title: z.string(),
        budget: Money.nullable(),
        committed: Sums,
        spent: Sums,
        byFunder: z.array(z.object({ funder: Named, committed: Sums, spent: Sums })),
      }),
    ),
    activities: z.array(
      z.object({ id: z.uuid(), title: z.string(), committed: Sums, spent: Sums, funder: Named.nullable() }),
    ),
    gapsByPillar: z.array(FundingGap.extend({ pillar: PlanPillar })),
    gapsByCountry: z.array(FundingGap.extend({ country: z.string().nullable() })),
  }),
});
export type PlanDashboard = z.infer<typeof PlanDashboard>;
