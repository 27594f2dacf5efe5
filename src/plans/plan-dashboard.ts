// A plan's dashboard: the engine's analyses of a stored plan, as of a given day, with names in place of ids.
import type { PlanDashboard } from './dashboard-schemas.js';
import type { FundingGap } from './engine/funding.js';
import {
  fundingGapsByCountry,
  fundingGapsByPillar,
  fundingOfActivities,
  fundingOfMeasures,
} from './engine/funding.js';
import {
  assessImplementation,
  type ImplementationSummary,
  type OverdueMeasure,
} from './engine/implementation.js';
import { linkPlanToActivities } from './engine/links.js';
import type { ActivityFacts, Disaggregation, Measure } from './engine/model.js';
import { findOverdueReports } from './engine/overdue.js';
import { listIndicatorProgress } from './engine/plan-indicators.js';
import { listPlanMeasures } from './engine/plan-measures.js';
import type { StoredPlan } from './read-plan.js';

type Names = { organisation: (id: string) => { id: string; name: string }; measure: Map<string, Measure> };

export function planDashboard(
  stored: StoredPlan,
  activities: readonly ActivityFacts[],
  activityLeads: Map<string, string>,
  today: string,
): PlanDashboard {
  const { plan } = stored;
  const names: Names = {
    organisation: (id) => ({ id, name: stored.organisationNames.get(id) ?? activityLeads.get(id) ?? '' }),
    measure: new Map(listPlanMeasures(plan).map(({ measure }) => [measure.id, measure])),
  };
  const implementation = assessImplementation(plan, today);
  const links = linkPlanToActivities(plan, activities);
  return {
    asOf: today,
    implementation: {
      overall: summaryView(implementation.overall, names),
      byPillar: implementation.byPillar.map((row) => ({ ...summaryView(row, names), pillar: row.pillar })),
      byOwner: implementation.byOwner.map((row) => ({
        ...summaryView(row, names),
        owner: names.organisation(row.ownerOrganisationId),
      })),
    },
    indicators: indicatorRows(stored, names, today),
    overdueMeasures: implementation.overall.overdueMeasures.map((row) => overdueView(row, names)),
    overdueReports: findOverdueReports(plan, today).map((row) => ({
      measureId: row.measureId,
      measureTitle: names.measure.get(row.measureId)?.title ?? '',
      owner: names.organisation(row.ownerOrganisationId),
      pillar: row.pillar,
      indicatorId: row.indicatorId,
      indicatorName: row.indicatorName,
      start: row.period.start,
      end: row.period.end,
      ...people(row.disaggregation),
      dueDate: row.dueDate,
      daysPastDue: row.daysPastDue,
    })),
    links: {
      measuresWithoutActivity: links.measuresWithoutActivity.map((row) => ({
        measureId: row.measureId,
        title: row.title,
        pillar: row.pillar,
        owner: names.organisation(row.ownerOrganisationId),
        reason: row.reason,
      })),
      activitiesServingNoMeasure: links.activitiesServingNoMeasure.map((activity) => ({
        id: activity.id,
        title: activity.title,
        lead: names.organisation(activity.organisationId),
        pillar: activity.pillar,
        country: activity.country,
      })),
    },
    funding: fundingView(stored, activities, names),
  };
}

function summaryView(summary: ImplementationSummary, names: Names) {
  return { ...summary, overdueMeasures: summary.overdueMeasures.map((row) => overdueView(row, names)) };
}

function overdueView(row: OverdueMeasure, names: Names) {
  return {
    measureId: row.measureId,
    title: row.title,
    owner: names.organisation(row.ownerOrganisationId),
    pillar: row.pillar,
    deadline: row.deadline,
    daysOverdue: row.daysOverdue,
  };
}

function people(disaggregation: Disaggregation) {
  return { sex: disaggregation.sex ?? null, age: disaggregation.age ?? null };
}

function indicatorRows(stored: StoredPlan, names: Names, today: string): PlanDashboard['indicators'] {
  return listIndicatorProgress(stored.plan, { asOf: today }).map((progress) => ({
    indicatorId: progress.indicatorId,
    name: progress.indicatorName,
    unit: progress.unit,
    direction: progress.direction,
    measureId: progress.measureId,
    measureTitle: names.measure.get(progress.measureId)?.title ?? '',
    owner: names.organisation(progress.ownerOrganisationId),
    pillar: progress.pillar,
    headlineStatus: progress.headlineStatus,
    rows: progress.rows.map((row) => ({
      ...people(row.disaggregation),
      baseline: row.baseline,
      target: row.target ? { value: row.target.value, start: row.target.start, end: row.target.end } : null,
      actual: row.actual
        ? { value: row.actual.value, start: row.actual.period.start, end: row.actual.period.end }
        : null,
      progressShare: row.progressShare,
      expectedShare: row.expectedShare,
      computedStatus: row.computedStatus,
      reportedStatus: row.reportedStatus,
      statusDiffers: row.statusDiffers,
      missing: row.missing,
      isTargetAgainstDirection: row.isTargetAgainstDirection,
    })),
  }));
}

function gapView(gap: FundingGap) {
  return {
    budget: gap.budget,
    committed: gap.committed,
    spent: gap.spent,
    gap: gap.gap,
    overCommitment: gap.overCommitment,
    overCommittedMeasures: gap.overCommittedMeasureIds.length,
    unbudgetedMeasures: gap.unbudgetedMeasureIds.length,
  };
}

function fundingView(stored: StoredPlan, activities: readonly ActivityFacts[], names: Names) {
  const byId = new Map(activities.map((activity) => [activity.id, activity]));
  return {
    measures: fundingOfMeasures(stored.plan).map((row) => ({
      measureId: row.measureId,
      title: names.measure.get(row.measureId)?.title ?? '',
      budget: row.budget,
      committed: row.committed,
      spent: row.spent,
      byFunder: row.byFunder.map((funder) => ({
        funder: names.organisation(funder.funderOrganisationId),
        committed: funder.committed,
        spent: funder.spent,
      })),
    })),
    activities: fundingOfActivities(activities).map((row) => {
      const funder = byId.get(row.activityId)?.funding[0]?.funderOrganisationId;
      return {
        id: row.activityId,
        title: byId.get(row.activityId)?.title ?? '',
        committed: row.committed,
        spent: row.spent,
        funder: funder ? names.organisation(funder) : null,
      };
    }),
    gapsByPillar: fundingGapsByPillar(stored.plan).map((row) => ({ ...gapView(row), pillar: row.pillar })),
    gapsByCountry: fundingGapsByCountry(stored.plan).map((row) => ({
      ...gapView(row),
      country: row.country,
    })),
  };
}
