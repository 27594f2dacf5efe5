// The activity form's editable copy of an activity, and the request body built from it. Pure; no I/O.
import type { Activity, ActivityInput } from '../../api/activities.js';

export type CountryDraft = { iso3: string; role: string; places: string };

export type ActivityDraft = {
  identifier: string;
  title: string;
  description: string;
  leadOrganisationId: string;
  activityType: string;
  forms: string[];
  targetGroups: string[];
  chainStage: string;
  countries: CountryDraft[];
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  status: string;
  budgetAmount: string;
  budgetCurrency: string;
  budgetFunder: string;
  peopleTargeted: Record<string, string>;
  peopleReached: Record<string, string>;
  genderMarker: string;
  coordinationMechanismId: string;
  source: string;
  /** Kept as they were: the form does not edit who reported the activity, or when. */
  reportedBy: string;
  reportedOn: string;
  isPublished: boolean;
};

const text = (value: string | null | undefined) => value ?? '';
const counts = (values: Partial<Record<string, number>>) =>
  Object.fromEntries(Object.entries(values).map(([cell, n]) => [cell, n === undefined ? '' : String(n)]));

export function emptyDraft(leadOrganisationId: string): ActivityDraft {
  return {
    identifier: '',
    title: '',
    description: '',
    leadOrganisationId,
    activityType: '',
    forms: [],
    targetGroups: [],
    chainStage: '',
    countries: [{ iso3: '', role: 'origin', places: '' }],
    plannedStart: '',
    plannedEnd: '',
    actualStart: '',
    actualEnd: '',
    status: 'implementation',
    budgetAmount: '',
    budgetCurrency: 'USD',
    budgetFunder: '',
    peopleTargeted: {},
    peopleReached: {},
    genderMarker: '',
    coordinationMechanismId: '',
    source: '',
    reportedBy: '',
    reportedOn: '',
    isPublished: false,
  };
}

export function draftOf(a: Activity): ActivityDraft {
  return {
    identifier: a.identifier,
    title: a.title,
    description: text(a.description),
    leadOrganisationId: a.leadOrganisationId,
    activityType: a.activityType ?? '',
    forms: [...a.forms],
    targetGroups: [...a.targetGroups],
    chainStage: text(a.chainStage),
    countries: a.countries.map((c) => ({ iso3: c.iso3, role: c.role, places: c.places.join(', ') })),
    plannedStart: text(a.plannedStart),
    plannedEnd: text(a.plannedEnd),
    actualStart: text(a.actualStart),
    actualEnd: text(a.actualEnd),
    status: a.status,
    budgetAmount: a.budget ? String(a.budget.amount) : '',
    budgetCurrency: a.budget?.currency ?? 'USD',
    budgetFunder: text(a.budget?.funder),
    peopleTargeted: counts(a.peopleTargeted),
    peopleReached: counts(a.peopleReached),
    genderMarker: text(a.genderMarker),
    coordinationMechanismId: text(a.coordinationMechanismId),
    source: text(a.provenance.source),
    reportedBy: text(a.provenance.reportedBy),
    reportedOn: text(a.provenance.reportedOn),
    isPublished: a.isPublished,
  };
}

/** A number typed by a person; what is not a number is sent as typed, so the server names the problem. */
function numberOrText(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

function peopleBody(cells: Record<string, string>): Record<string, number | string> {
  const body: Record<string, number | string> = {};
  for (const [cell, value] of Object.entries(cells))
    if (value.trim() !== '') body[cell] = numberOrText(value);
  return body;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body; empty choices are left out or null so that the server's own checks explain them. */
export function bodyOf(draft: ActivityDraft): Partial<ActivityInput> & Record<string, unknown> {
  return {
    ...(draft.identifier.trim() ? { identifier: draft.identifier.trim() } : {}),
    title: draft.title,
    description: orNull(draft.description),
    ...(draft.leadOrganisationId ? { leadOrganisationId: draft.leadOrganisationId } : {}),
    ...(draft.activityType ? { activityType: draft.activityType } : {}),
    forms: draft.forms,
    targetGroups: draft.targetGroups,
    chainStage: orNull(draft.chainStage),
    countries: draft.countries.map((c) => ({
      iso3: c.iso3,
      role: c.role,
      places: c.places
        .split(',')
        .map((place) => place.trim())
        .filter(Boolean),
    })),
    plannedStart: orNull(draft.plannedStart),
    plannedEnd: orNull(draft.plannedEnd),
    actualStart: orNull(draft.actualStart),
    actualEnd: orNull(draft.actualEnd),
    status: draft.status,
    budget:
      draft.budgetAmount.trim() === ''
        ? null
        : {
            amount: numberOrText(draft.budgetAmount),
            currency: draft.budgetCurrency.trim().toUpperCase(),
            funder: orNull(draft.budgetFunder),
          },
    peopleTargeted: peopleBody(draft.peopleTargeted),
    peopleReached: peopleBody(draft.peopleReached),
    genderMarker: orNull(draft.genderMarker),
    coordinationMechanismId: orNull(draft.coordinationMechanismId),
    provenance: {
      source: orNull(draft.source),
      reportedBy: orNull(draft.reportedBy),
      reportedOn: orNull(draft.reportedOn),
    },
    isPublished: draft.isPublished,
  } as Partial<ActivityInput> & Record<string, unknown>;
}
