// The findings table's logic: filter, sort, group by country and rule, page, and the CSV of what is shown. Pure.
import type { Finding } from '../../api/coverage.js';

export type FindingFilters = { country: string; rule: string; severity: string; kind: string };
export type FindingSort = 'severity' | 'country' | 'rule' | 'activities';
export const FINDING_SORTS: readonly FindingSort[] = ['severity', 'country', 'rule', 'activities'];
export const PAGE_SIZE = 25;

const SEVERITY_RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2 };

export const NO_FILTERS: FindingFilters = { country: '', rule: '', severity: '', kind: '' };

export function filterFindings(findings: readonly Finding[], filters: FindingFilters): Finding[] {
  return findings.filter(
    (f) =>
      (!filters.country || f.iso3 === filters.country) &&
      (!filters.rule || f.rule === filters.rule) &&
      (!filters.severity || f.severity === filters.severity) &&
      (!filters.kind || f.kind === filters.kind),
  );
}

export type Names = { country: (iso3: string) => string; rule: (rule: string) => string };

/**
 * Rows stay grouped by country and rule whatever the sort: the sort orders the groups (by their most severe
 * finding, their name, or their size) and the findings inside each group. Names compare in the reader's language.
 */
export function sortFindings(
  findings: readonly Finding[],
  sort: FindingSort,
  names: Names,
  collator: Intl.Collator,
): Finding[] {
  const groups = groupFindings(findings);
  const byName = (a: Group, b: Group) =>
    collator.compare(names.country(a.iso3), names.country(b.iso3)) ||
    collator.compare(names.rule(a.rule), names.rule(b.rule));
  const order: Record<FindingSort, (a: Group, b: Group) => number> = {
    severity: (a, b) => a.highest - b.highest || byName(a, b),
    country: byName,
    rule: (a, b) =>
      collator.compare(names.rule(a.rule), names.rule(b.rule)) ||
      collator.compare(names.country(a.iso3), names.country(b.iso3)),
    activities: (a, b) => b.activities - a.activities || byName(a, b),
  };
  const inside = (a: Finding, b: Finding) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    b.activityCount - a.activityCount ||
    a.id.localeCompare(b.id);
  return groups.sort(order[sort]).flatMap((g) => [...g.findings].sort(inside));
}

type Group = { iso3: string; rule: string; findings: Finding[]; highest: number; activities: number };

function groupFindings(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = `${f.iso3}|${f.rule}`;
    const group = groups.get(key) ?? { iso3: f.iso3, rule: f.rule, findings: [], highest: 9, activities: 0 };
    group.findings.push(f);
    group.highest = Math.min(group.highest, SEVERITY_RANK[f.severity]);
    group.activities += f.activityCount;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** How many findings each country-and-rule group holds in the whole filtered list (not only on this page). */
export function groupCounts(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.iso3}|${f.rule}`, (counts.get(`${f.iso3}|${f.rule}`) ?? 0) + 1);
  return counts;
}

export function pageOf<T>(rows: readonly T[], page: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE), page: current, pages };
}

/** One CSV cell: quoted when needed; a leading =, +, - or @ is neutralised so spreadsheets do not run it. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvLabels = { headings: readonly string[]; row: (f: Finding) => readonly (string | number)[] };

/** Labels in the reader's language first, then code columns that machines can join on. */
export function findingsCsv(findings: readonly Finding[], labels: CsvLabels): string {
  const codeHeadings = [
    'finding_id',
    'rule',
    'kind',
    'severity',
    'iso3',
    'pillar',
    'activity_type',
    'target_groups',
    'forms_of_exploitation',
    'corridor_origin',
    'corridor_destination',
    'from',
    'to',
    'activity_ids',
  ];
  const lines = [[...labels.headings, ...codeHeadings].map(csvCell).join(',')];
  for (const f of findings) {
    const codes = [
      f.id,
      f.rule,
      f.kind,
      f.severity,
      f.iso3,
      f.cell.pillar ?? '',
      f.cell.activityType ?? '',
      f.cell.targetGroups.join(';'),
      f.cell.forms.join(';'),
      f.cell.corridor?.origin ?? '',
      f.cell.corridor?.destination ?? '',
      f.period.from ?? '',
      f.period.to ?? '',
      f.activityIds.join(';'),
    ];
    lines.push([...labels.row(f), ...codes].map(csvCell).join(','));
  }
  // A byte-order mark so that spreadsheet programs read the labels (Arabic, Chinese, Russian) as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
