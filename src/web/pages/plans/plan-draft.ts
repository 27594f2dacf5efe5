// The plan editor's draft: the plan document as the form holds it (text as typed, rows with keys), made
// from a stored plan, turned into the body the API takes, and checked before sending. Pure.
import type { PlanInput, PlanView } from '../../api/plans.js';
import type { FieldIssue } from '../../components/field-messages.js';
import { fromMinor, toMinor } from './money.js';

type IndicatorInput = PlanInput['objectives'][number]['measures'][number]['indicators'][number];
type Source = IndicatorInput['source'];

export type TargetDraft = {
  key: string;
  start: string;
  end: string;
  sex: string;
  age: string;
  value: string;
};
export type FundingDraft = {
  key: string;
  funderOrganisationId: string;
  currency: string;
  committed: string;
  spent: string;
};
export type IndicatorDraft = {
  key: string;
  id?: string | undefined;
  name: string;
  definition: string;
  unit: string;
  direction: 'increase' | 'decrease';
  baselineValue: string;
  baselineDate: string;
  /** Kept as read: the form does not edit baselines by sex and age, but never drops them. */
  disaggregatedBaselines: IndicatorInput['disaggregatedBaselines'];
  targets: TargetDraft[];
  bySex: boolean;
  byAge: boolean;
  source: Source;
};
export type MeasureDraft = {
  key: string;
  id?: string | undefined;
  title: string;
  ownerOrganisationId: string;
  contributingOrganisationIds: string[];
  deadline: string;
  budgetAmount: string;
  budgetCurrency: string;
  status: 'planned' | 'in_progress' | 'completed' | 'cancelled';
  countries: string[];
  activities: { id: string; title: string }[];
  funding: FundingDraft[];
  indicators: IndicatorDraft[];
};
export type ObjectiveDraft = {
  key: string;
  id?: string | undefined;
  title: string;
  pillar: 'prevention' | 'protection' | 'prosecution' | 'partnership';
  measures: MeasureDraft[];
};
export type PlanDraft = {
  title: string;
  description: string;
  scope: 'national' | 'regional' | 'un_system';
  countries: string[];
  start: string;
  end: string;
  coordinatorOrganisationId: string;
  objectives: ObjectiveDraft[];
};

let counter = 0;
/** A key for a new row, so that React keeps each row's inputs with it when rows are added or removed. */
export const newKey = () => `new-${++counter}`;

export const emptyTarget = (): TargetDraft => ({
  key: newKey(),
  start: '',
  end: '',
  sex: '',
  age: '',
  value: '',
});
export const emptyFunding = (currency = 'USD'): FundingDraft => ({
  key: newKey(),
  funderOrganisationId: '',
  currency,
  committed: '',
  spent: '',
});
export const emptyIndicator = (): IndicatorDraft => ({
  key: newKey(),
  name: '',
  definition: '',
  unit: '',
  direction: 'increase',
  baselineValue: '',
  baselineDate: '',
  disaggregatedBaselines: [],
  targets: [emptyTarget()],
  bySex: false,
  byAge: false,
  source: { kind: 'manual' },
});
export const emptyMeasure = (owner = ''): MeasureDraft => ({
  key: newKey(),
  title: '',
  ownerOrganisationId: owner,
  contributingOrganisationIds: [],
  deadline: '',
  budgetAmount: '',
  budgetCurrency: 'USD',
  status: 'planned',
  countries: [],
  activities: [],
  funding: [],
  indicators: [],
});
export const emptyObjective = (): ObjectiveDraft => ({
  key: newKey(),
  title: '',
  pillar: 'prevention',
  measures: [],
});
export const emptyPlan = (coordinator = ''): PlanDraft => ({
  title: '',
  description: '',
  scope: 'national',
  countries: [],
  start: '',
  end: '',
  coordinatorOrganisationId: coordinator,
  objectives: [],
});

const numberText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function planDraftOf(plan: PlanView): PlanDraft {
  return {
    title: plan.title,
    description: plan.description,
    scope: plan.scope,
    countries: [...plan.countries],
    start: plan.period.start,
    end: plan.period.end,
    coordinatorOrganisationId: plan.coordinator.id,
    objectives: plan.objectives.map((objective) => ({
      key: objective.id,
      id: objective.id,
      title: objective.title,
      pillar: objective.pillar,
      measures: objective.measures.map((measure) => ({
        key: measure.id,
        id: measure.id,
        title: measure.title,
        ownerOrganisationId: measure.owner.id,
        contributingOrganisationIds: measure.contributors.map((organisation) => organisation.id),
        deadline: measure.deadline ?? '',
        budgetAmount: measure.budget ? fromMinor(measure.budget.amountMinor, measure.budget.currency) : '',
        budgetCurrency: measure.budget?.currency ?? 'USD',
        status: measure.status,
        countries: [...measure.countries],
        activities: measure.activities.map((activity) => ({ id: activity.id, title: activity.name })),
        funding: measure.funding.map((row) => ({
          key: newKey(),
          funderOrganisationId: row.funder.id,
          currency: row.currency,
          committed: fromMinor(row.committedMinor, row.currency),
          spent: fromMinor(row.spentMinor, row.currency),
        })),
        indicators: measure.indicators.map((indicator) => ({
          key: indicator.id,
          id: indicator.id,
          name: indicator.name,
          definition: indicator.definition,
          unit: indicator.unit,
          direction: indicator.direction,
          baselineValue: numberText(indicator.baseline?.value),
          baselineDate: indicator.baseline?.date ?? '',
          disaggregatedBaselines: indicator.disaggregatedBaselines,
          targets: indicator.targets.map((target) => ({
            key: newKey(),
            start: target.start,
            end: target.end,
            sex: target.sex ?? '',
            age: target.age ?? '',
            value: numberText(target.value),
          })),
          bySex: indicator.disaggregatedBy.includes('sex'),
          byAge: indicator.disaggregatedBy.includes('age'),
          source: indicator.source,
        })),
      })),
    })),
  };
}

/** A number as typed, or NaN when it is not one (the checks say so before anything is sent). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

function indicatorBody(indicator: IndicatorDraft): IndicatorInput {
  const disaggregatedBy = [
    ...(indicator.bySex ? ['sex' as const] : []),
    ...(indicator.byAge ? ['age' as const] : []),
  ];
  return {
    ...(indicator.id ? { id: indicator.id } : {}),
    name: indicator.name.trim(),
    definition: indicator.definition.trim(),
    unit: indicator.unit.trim(),
    direction: indicator.direction,
    baseline:
      indicator.baselineValue.trim() === '' && indicator.baselineDate === ''
        ? null
        : { value: numberOf(indicator.baselineValue), date: indicator.baselineDate },
    disaggregatedBaselines: indicator.disaggregatedBaselines,
    targets: indicator.targets.map((target) => ({
      start: target.start,
      end: target.end,
      ...(target.sex ? { sex: target.sex as 'female' | 'male' | 'other' } : {}),
      ...(target.age ? { age: target.age as 'children' | 'adults' } : {}),
      value: numberOf(target.value),
    })),
    disaggregatedBy,
    source: indicator.source,
  };
}

function measureBody(measure: MeasureDraft): PlanInput['objectives'][number]['measures'][number] {
  const budgetMinor = toMinor(measure.budgetAmount, measure.budgetCurrency);
  return {
    ...(measure.id ? { id: measure.id } : {}),
    title: measure.title.trim(),
    ownerOrganisationId: measure.ownerOrganisationId,
    contributingOrganisationIds: measure.contributingOrganisationIds,
    deadline: measure.deadline || null,
    budget:
      measure.budgetAmount.trim() === ''
        ? null
        : { amountMinor: budgetMinor ?? -1, currency: measure.budgetCurrency.trim().toUpperCase() },
    status: measure.status,
    countries: measure.countries,
    activityIds: measure.activities.map((activity) => activity.id),
    funding: measure.funding.map((row) => ({
      funderOrganisationId: row.funderOrganisationId,
      currency: row.currency.trim().toUpperCase(),
      committedMinor: toMinor(row.committed || '0', row.currency) ?? -1,
      spentMinor: toMinor(row.spent || '0', row.currency) ?? -1,
    })),
    indicators: measure.indicators.map(indicatorBody),
  };
}

export function planBodyOf(draft: PlanDraft): PlanInput {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    scope: draft.scope,
    countries: draft.countries,
    period: { start: draft.start, end: draft.end },
    coordinatorOrganisationId: draft.coordinatorOrganisationId,
    objectives: draft.objectives.map((objective) => ({
      ...(objective.id ? { id: objective.id } : {}),
      title: objective.title.trim(),
      pillar: objective.pillar,
      measures: objective.measures.map(measureBody),
    })),
  };
}

/** The page's own checks, filed under the body paths the server uses, so both show beside the same field. */
export function checkPlanDraft(draft: PlanDraft): Map<string, FieldIssue[]> {
  const issues = new Map<string, FieldIssue[]>();
  const add = (path: string, code: string) => issues.set(path, [...(issues.get(path) ?? []), { code, path }]);
  const required = (path: string, value: string) => {
    if (value.trim() === '') add(path, 'required');
  };
  const amount = (path: string, text: string, currency: string) => {
    if (text.trim() !== '' && toMinor(text, currency) === null) add(path, 'not_a_number');
  };
  const number = (path: string, text: string) => {
    if (text.trim() !== '' && !Number.isFinite(Number(text.trim()))) add(path, 'not_a_number');
  };
  required('body.title', draft.title);
  if (draft.countries.length === 0) add('body.countries', 'choose');
  required('body.period.start', draft.start);
  required('body.period.end', draft.end);
  if (draft.start && draft.end && draft.end < draft.start) add('body.period.end', 'date_order');
  required('body.coordinatorOrganisationId', draft.coordinatorOrganisationId);
  draft.objectives.forEach((objective, o) => {
    const at = `body.objectives.${o}`;
    required(`${at}.title`, objective.title);
    objective.measures.forEach((measure, m) => {
      const ma = `${at}.measures.${m}`;
      required(`${ma}.title`, measure.title);
      required(`${ma}.ownerOrganisationId`, measure.ownerOrganisationId);
      amount(`${ma}.budget.amountMinor`, measure.budgetAmount, measure.budgetCurrency);
      measure.funding.forEach((row, f) => {
        required(`${ma}.funding.${f}.funderOrganisationId`, row.funderOrganisationId);
        amount(`${ma}.funding.${f}.committedMinor`, row.committed, row.currency);
        amount(`${ma}.funding.${f}.spentMinor`, row.spent, row.currency);
      });
      measure.indicators.forEach((indicator, i) => {
        const ia = `${ma}.indicators.${i}`;
        required(`${ia}.name`, indicator.name);
        required(`${ia}.unit`, indicator.unit);
        if (indicator.baselineValue.trim() !== '' || indicator.baselineDate !== '') {
          required(`${ia}.baseline.value`, indicator.baselineValue);
          required(`${ia}.baseline.date`, indicator.baselineDate);
          number(`${ia}.baseline.value`, indicator.baselineValue);
        }
        indicator.targets.forEach((target, t) => {
          const ta = `${ia}.targets.${t}`;
          required(`${ta}.start`, target.start);
          required(`${ta}.end`, target.end);
          if (target.start && target.end && target.end < target.start) add(`${ta}.end`, 'date_order');
          required(`${ta}.value`, target.value);
          number(`${ta}.value`, target.value);
        });
      });
    });
  });
  return issues;
}
