// The activity form's checks in the page: all problems at once, each under the field it belongs to.
import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft.js';
import { checkActivityDraft } from './draft-checks.js';

describe('activity form checks', () => {
  it('names every missing required field of an empty form at once', () => {
    const issues = checkActivityDraft(emptyDraft(''));
    expect([...issues.keys()].sort()).toEqual(['activityType', 'countries', 'leadOrganisationId', 'title']);
    expect(issues.get('title')).toEqual([{ code: 'required' }]);
    expect(issues.get('countries')).toEqual([{ code: 'too_small', origin: 'array', minimum: 1 }]);
  });

  it('refuses an end before the start, together with the other problems', () => {
    const draft = { ...emptyDraft(''), plannedStart: '2026-05-01', plannedEnd: '2026-04-30' };
    const issues = checkActivityDraft(draft);
    expect(issues.get('plannedEnd')).toEqual([{ code: 'date_order' }]);
    expect(issues.has('title')).toBe(true);
  });

  it('accepts a complete draft', () => {
    const draft = {
      ...emptyDraft('00000000-0000-4000-8000-000000000001'),
      title: 'Hotline',
      activityType: 'identification',
      countries: [{ iso3: 'KEN', role: 'destination', places: '' }],
      plannedStart: '2026-01-01',
      plannedEnd: '2026-01-01',
      budgetAmount: '1500.50',
      peopleReached: { female_adults: '12' },
    };
    expect(checkActivityDraft(draft).size).toBe(0);
  });

  it('asks for numbers where people and money are counted', () => {
    const draft = { ...emptyDraft(''), budgetAmount: 'ten', peopleReached: { female_adults: '2.5' } };
    const issues = checkActivityDraft(draft);
    expect(issues.get('budget')).toEqual([{ code: 'not_a_number' }]);
    expect(issues.get('peopleReached')).toEqual([{ code: 'not_a_whole_number' }]);
  });
});
