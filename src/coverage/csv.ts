// The coverage matrix and findings as CSV, for spreadsheets. Pure.
import { stringify } from 'csv-stringify/sync';
import type { Finding, Matrix } from './schemas.js';

export function matrixCsv(matrix: Matrix): string {
  const header = [
    'iso3',
    'pillar',
    'activity_type',
    'target_group',
    'form_of_exploitation',
    'organisations',
    'activities',
    'people_reached',
    `budget_${matrix.currency}`,
    'budget_other_currencies',
  ];
  const rows = matrix.cells.map((c) => [
    c.iso3,
    c.pillar,
    c.activityType,
    c.targetGroup ?? '',
    c.form ?? '',
    c.organisations,
    c.activities,
    c.peopleReached ?? '',
    c.budget,
    c.budgetOtherCurrencies,
  ]);
  return stringify([header, ...rows]);
}

export function findingsCsv(findings: readonly Finding[]): string {
  const header = [
    'id',
    'kind',
    'rule',
    'severity',
    'iso3',
    'pillar',
    'activity_type',
    'target_groups',
    'forms',
    'places',
    'corridor',
    'from',
    'to',
    'activity_count',
    'activity_ids',
    'organisation_ids',
    'explanation',
  ];
  const rows = findings.map((f) => [
    f.id,
    f.kind,
    f.rule,
    f.severity,
    f.iso3,
    f.cell.pillar ?? '',
    f.cell.activityType ?? '',
    f.cell.targetGroups.join('; '),
    f.cell.forms.join('; '),
    f.cell.places.join('; '),
    f.cell.corridor ? `${f.cell.corridor.origin}>${f.cell.corridor.destination}` : '',
    f.period.from ?? '',
    f.period.to ?? '',
    f.activityCount,
    f.activityIds.join('; '),
    f.organisationIds.join('; '),
    f.explanation,
  ]);
  return stringify([header, ...rows]);
}
