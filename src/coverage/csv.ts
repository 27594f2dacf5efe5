// The coverage matrix and findings as CSV, for spreadsheets. Pure.
import { stringify } from 'csv-stringify/sync';
import type { Finding, Matrix } from './schemas.js';

/**
 * One line per cell. Written from the compact matrix's columns: each dimension value is quoted once, not once per
 * cell, so that the whole matrix (a couple of hundred thousand cells) costs no object per cell.
 */
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
  const { dimensions: d, cells: c } = matrix;
  const quoted = (values: readonly (string | null)[]) => values.map((value) => csvField(value ?? ''));
  const iso3 = quoted(d.iso3);
  const pillar = quoted(d.pillar);
  const type = quoted(d.activityType);
  const group = quoted(d.targetGroup);
  const form = quoted(d.form);
  const lines = [csvLine(header)];
  for (let i = 0; i < c.count; i++)
    lines.push(
      `${iso3[c.iso3[i] as number]},${pillar[c.pillar[i] as number]},${type[c.activityType[i] as number]},${group[c.targetGroup[i] as number]},${form[c.form[i] as number]},${c.organisations[i]},${c.activities[i]},${c.peopleReached[i] ?? ''},${c.budget[i]},${c.budgetOtherCurrencies[i]}\n`,
    );
  return lines.join('');
}

const csvLine = (fields: readonly string[]) => stringify([fields]);
const csvField = (field: string) => csvLine([field]).slice(0, -1);

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
