// A stored plan as people and programs read it: names instead of ids, and what the reader may do next on
// the plan, each measure and each progress report.
import { decide, type Principal } from '../access/policy.js';
import type { Indicator, Measure } from './engine/model.js';
import type { StoredPlan } from './read-plan.js';
import type { IndicatorView, MeasureView, PlanView, ProgressReportView } from './schemas.js';

export function may(principal: Principal, action: string, organisationId: string): boolean {
  return decide(principal, action, { organisationId }).allowed;
}

export function planView(stored: StoredPlan, principal: Principal): PlanView {
  const { row, plan } = stored;
  const shapes = may(principal, 'plans.write', plan.coordinatorOrganisationId);
  const approves = may(principal, 'plans.approve', plan.coordinatorOrganisationId);
  return {
    id: plan.id,
    title: plan.title,
    description: row.description,
    scope: plan.scope,
    countries: plan.countries,
    period: plan.period,
    coordinator: named(stored, plan.coordinatorOrganisationId),
    objectives: plan.objectives.map((objective) => ({
      id: objective.id,
      title: objective.title,
      pillar: objective.pillar,
      measures: objective.measures.map((measure) =>
        measureView(stored, measure, principal, { shapes, approves }),
      ),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    can: { edit: shapes, delete: shapes, approve: approves },
  };
}

type PlanRights = { shapes: boolean; approves: boolean };

function measureView(
  stored: StoredPlan,
  measure: Measure,
  principal: Principal,
  rights: PlanRights,
): MeasureView {
  const owns = may(principal, 'plans.report', measure.ownerOrganisationId);
  const contributes = measure.contributingOrganisationIds.some((id) => may(principal, 'plans.report', id));
  return {
    id: measure.id,
    title: measure.title,
    owner: named(stored, measure.ownerOrganisationId),
    contributors: measure.contributingOrganisationIds.map((id) => named(stored, id)),
    deadline: measure.deadline,
    budget: measure.budget,
    status: measure.status,
    countries: measure.countries,
    activities: measure.activityIds.map((id) => {
      const title = stored.activityTitles.get(id);
      return { id, name: title ?? '', found: title !== undefined };
    }),
    funding: measure.funding.map((funding) => ({
      funder: named(stored, funding.funderOrganisationId),
      currency: funding.committed.currency,
      committedMinor: funding.committed.amountMinor,
      spentMinor: funding.spent.amountMinor,
    })),
    indicators: measure.indicators.map((indicator) => indicatorView(stored, indicator, principal, rights)),
    can: { setStatus: rights.shapes || owns, report: rights.shapes || owns || contributes },
  };
}

function indicatorView(
  stored: StoredPlan,
  indicator: Indicator,
  principal: Principal,
  rights: PlanRights,
): IndicatorView {
  return {
    id: indicator.id,
    name: indicator.name,
    definition: indicator.definition,
    unit: indicator.unit,
    direction: indicator.direction,
    baseline: indicator.baseline,
    disaggregatedBaselines: indicator.disaggregatedBaselines ?? [],
    targets: indicator.targets,
    disaggregatedBy: indicator.disaggregatedBy,
    source: indicator.source as IndicatorView['source'],
    reports: indicator.reports.map((report) => reportView(stored, report.id, principal, rights)),
  };
}

function reportView(stored: StoredPlan, reportId: string, principal: Principal, rights: PlanRights) {
  const row = stored.reports.get(reportId);
  if (!row) throw new Error('a report of the plan was not read with it');
  const mine = principal.kind === 'user' && row.submittedBy === principal.userId;
  const view: ProgressReportView = {
    id: row.id,
    indicatorId: row.indicatorId,
    start: row.periodStart,
    end: row.periodEnd,
    sex: row.sex as ProgressReportView['sex'],
    age: row.age as ProgressReportView['age'],
    value: row.value,
    narrative: row.narrative,
    evidenceLinks: row.evidenceLinks,
    status: row.status as ProgressReportView['status'],
    sourceNote: row.sourceNote,
    submittedBy: row.submittedByName,
    submittedAt: row.submittedAt.toISOString(),
    approvedBy: row.approvedByName,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    can: {
      approve: rights.approves && row.approvedAt === null,
      withdraw: rights.shapes || (mine && row.approvedAt === null),
    },
  };
  return view;
}

function named(stored: StoredPlan, id: string) {
  return { id, name: stored.organisationNames.get(id) ?? '' };
}
