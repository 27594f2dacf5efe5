// The activity form's own checks, made before anything is sent: every problem at once, by field name.
// Pure; the server checks the same again and its answers are shown the same way.
import type { FieldIssue } from '../../components/field-messages.js';
import type { ActivityDraft } from './draft.js';

const TITLE_MAX = 500;

type Issues = Map<string, FieldIssue[]>;

function add(issues: Issues, name: string, issue: FieldIssue) {
  issues.set(name, [...(issues.get(name) ?? []), issue]);
}

const isBlank = (value: string) => value.trim() === '';

/** Dates come from date inputs as YYYY-MM-DD, so they compare as text. */
function checkDateOrder(issues: Issues, start: string, end: string, endName: string) {
  if (!isBlank(start) && !isBlank(end) && end < start) add(issues, endName, { code: 'date_order' });
}

function checkCount(issues: Issues, name: string, value: string) {
  if (isBlank(value)) return;
  const n = Number(value);
  if (!Number.isFinite(n)) add(issues, name, { code: 'not_a_number' });
  else if (!Number.isInteger(n) || n < 0) add(issues, name, { code: 'not_a_whole_number' });
}

export function checkActivityDraft(draft: ActivityDraft): Issues {
  const issues: Issues = new Map();
  if (isBlank(draft.title)) add(issues, 'title', { code: 'required' });
  else if (draft.title.trim().length > TITLE_MAX) {
    add(issues, 'title', { code: 'too_big', origin: 'string', maximum: TITLE_MAX });
  }
  if (isBlank(draft.activityType)) add(issues, 'activityType', { code: 'choose' });
  if (isBlank(draft.leadOrganisationId)) add(issues, 'leadOrganisationId', { code: 'choose' });
  if (!draft.countries.some((row) => !isBlank(row.iso3))) {
    add(issues, 'countries', { code: 'too_small', origin: 'array', minimum: 1 });
  }
  checkDateOrder(issues, draft.plannedStart, draft.plannedEnd, 'plannedEnd');
  checkDateOrder(issues, draft.actualStart, draft.actualEnd, 'actualEnd');
  if (!isBlank(draft.budgetAmount)) {
    const amount = Number(draft.budgetAmount);
    if (!Number.isFinite(amount)) add(issues, 'budget', { code: 'not_a_number' });
    else if (amount < 0) add(issues, 'budget', { code: 'too_small', origin: 'number', minimum: 0 });
  }
  for (const which of ['peopleTargeted', 'peopleReached'] as const) {
    for (const value of Object.values(draft[which])) {
      checkCount(issues, which, value);
      if (issues.has(which)) break;
    }
  }
  return issues;
}
