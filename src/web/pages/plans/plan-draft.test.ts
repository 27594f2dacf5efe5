// The editor's draft: a stored plan read into the form and sent back unchanged, amounts typed in major units
// sent in minor units, and the page's checks filed under the paths the server uses.
import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../api/plans.js';
import {
  checkPlanDraft,
  emptyIndicator,
  emptyMeasure,
  emptyObjective,
  emptyPlan,
  planBodyOf,
  planDraftOf,
} from './plan-draft.js';

const OFFICE = '00000000-0000-4000-8000-0000000000a1';
const SHELTER = '00000000-0000-4000-8000-0000000000a2';
const ACTIVITY = '00000000-0000-4000-8000-0000000000c1';

const view: PlanView = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Coastal plan (invented)',
  description: 'For tests.',
  scope: 'national',
  countries: ['KEN'],
  period: { start: '2026-01-01', end: '2026-12-31' },
  coordinator: { id: OFFICE, name: 'Office' },
  objectives: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      title: 'Fewer people deceived',
      pillar: 'prevention',
      measures: [
        {
          id: '00000000-0000-4000-8000-000000000003',
          title: 'Train officers',
          owner: { id: SHELTER, name: 'Shelter' },
          contributors: [{ id: OFFICE, name: 'Office' }],
          deadline: '2026-06-30',
          budget: { amountMinor: 125050, currency: 'USD' },
          status: 'in_progress',
          countries: [],
          activities: [{ id: ACTIVITY, name: 'Training', found: true }],
          funding: [
            {
              funder: { id: OFFICE, name: 'Office' },
              currency: 'USD',
              committedMinor: 100000,
              spentMinor: 2500,
            },
          ],
          indicators: [
            {
              id: '00000000-0000-4000-8000-000000000004',
              name: 'Officers trained',
              definition: '',
              unit: 'officers',
              direction: 'increase',
              baseline: { value: 0, date: '2025-12-31' },
              disaggregatedBaselines: [{ sex: 'female', value: 0, date: '2025-12-31' }],
              targets: [
                { start: '2026-01-01', end: '2026-06-30', value: 100 },
                { start: '2026-07-01', end: '2026-12-31', sex: 'female', value: 60 },
              ],
              disaggregatedBy: ['sex'],
              source: { kind: 'activities', filter: { linkedToMeasure: true } },
              reports: [],
            },
          ],
          can: { setStatus: true, report: true },
        },
      ],
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
  can: { edit: true, delete: true, approve: true },
};

describe('the plan editor’s draft', () => {
  it('sends a stored plan back as the same document, ids and minor units kept', () => {
    const body = planBodyOf(planDraftOf(view));
    const measure = body.objectives[0]?.measures[0];
    expect(body.coordinatorOrganisationId).toBe(OFFICE);
    expect(body.period).toEqual(view.period);
    expect(body.objectives[0]?.id).toBe(view.objectives[0]?.id);
    expect(measure?.budget).toEqual({ amountMinor: 125050, currency: 'USD' });
    expect(measure?.funding).toEqual([
      { funderOrganisationId: OFFICE, currency: 'USD', committedMinor: 100000, spentMinor: 2500 },
    ]);
    expect(measure?.activityIds).toEqual([ACTIVITY]);
    expect(measure?.contributingOrganisationIds).toEqual([OFFICE]);
    const indicator = measure?.indicators[0];
    expect(indicator?.targets).toEqual(view.objectives[0]?.measures[0]?.indicators[0]?.targets);
    expect(indicator?.disaggregatedBy).toEqual(['sex']);
    expect(indicator?.disaggregatedBaselines).toHaveLength(1);
    expect(indicator?.source).toEqual({ kind: 'activities', filter: { linkedToMeasure: true } });
  });

  it('finds nothing to correct in a stored plan', () => {
    expect([...checkPlanDraft(planDraftOf(view))]).toEqual([]);
  });

  it('files each missing field under the path the server would name', () => {
    const measure = { ...emptyMeasure(), budgetAmount: 'ten', indicators: [emptyIndicator()] };
    const draft = { ...emptyPlan(), objectives: [{ ...emptyObjective(), measures: [measure] }] };
    const issues = checkPlanDraft(draft);
    expect([...issues.keys()]).toEqual([
      'body.title',
      'body.countries',
      'body.period.start',
      'body.period.end',
      'body.coordinatorOrganisationId',
      'body.objectives.0.title',
      'body.objectives.0.measures.0.title',
      'body.objectives.0.measures.0.ownerOrganisationId',
      'body.objectives.0.measures.0.budget.amountMinor',
      'body.objectives.0.measures.0.indicators.0.name',
      'body.objectives.0.measures.0.indicators.0.unit',
      'body.objectives.0.measures.0.indicators.0.targets.0.start',
      'body.objectives.0.measures.0.indicators.0.targets.0.end',
      'body.objectives.0.measures.0.indicators.0.targets.0.value',
    ]);
  });

  it('says when a period ends before it starts', () => {
    const draft = { ...planDraftOf(view), start: '2026-12-31', end: '2026-01-01' };
    expect(checkPlanDraft(draft).get('body.period.end')).toEqual([
      { code: 'date_order', path: 'body.period.end' },
    ]);
  });
});
