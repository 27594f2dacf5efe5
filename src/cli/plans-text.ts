// How `concerted plans show|dashboard` put a plan and its dashboard into words and aligned tables for a person at
// a terminal: names, dates and amounts, never ids (but the plan's own, to type the next command). Pure.
import type { PlanDashboard } from '../plans/dashboard-schemas.js';
import type { IndicatorView, Money, PlanView } from '../plans/schemas.js';
import { countryName, countryNamesText, pillarName } from './reference-names.js';

const STATUS_WORDS: Record<string, string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  no_data: 'no data',
  planned: 'planned',
  in_progress: 'in progress',
  completed: 'completed',
  cancelled: 'cancelled',
};
const SCOPE_WORDS: Record<string, string> = {
  national: 'national plan',
  regional: 'regional plan',
  un_system: 'UN system-wide plan',
};

export const statusWord = (status: string) => STATUS_WORDS[status] ?? status.replaceAll('_', ' ');
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function moneyText(money: Money | null): string {
  if (!money) return '';
  const amount = (money.amountMinor / 100).toLocaleString('en', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${money.currency} ${amount}`;
}

export const sumsText = (sums: readonly Money[]) => sums.map(moneyText).join(' + ') || '0';

/** "women", "children", "girls"…: the people a row counts, or "all". */
export function peopleText(row: { sex: string | null; age: string | null }): string {
  if (row.sex === null && row.age === null) return 'all';
  const sex = row.sex === 'female' ? 'women and girls' : row.sex === 'male' ? 'men and boys' : row.sex;
  const age = row.age;
  if (sex && age) return `${sex}, ${age}`;
  return sex ?? age ?? 'all';
}

function sourceText(indicator: IndicatorView): string {
  const source = indicator.source;
  if (source.kind === 'manual') return 'reported by hand';
  if (source.kind === 'statistics')
    return `read from statistics: ${source.query.indicator}${source.query.country ? `, ${countryName(source.query.country)}` : ''}`;
  const filter = source.filter;
  const parts = [
    filter.pillar && pillarName(filter.pillar),
    filter.country && countryName(filter.country),
    filter.linkedToMeasure ? 'linked to the measure' : undefined,
  ].filter(Boolean);
  return `count of 4W activities${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function indicatorLines(indicator: IndicatorView): string[] {
  const baseline = indicator.baseline
    ? `baseline ${indicator.baseline.value} on ${indicator.baseline.date}`
    : 'no baseline';
  const lines = [
    `      Indicator: ${indicator.name} (${indicator.unit}, ${indicator.direction}s; ${baseline}; ${sourceText(indicator)})`,
  ];
  for (const target of indicator.targets)
    lines.push(
      `        target ${target.value} for ${target.start} – ${target.end}${target.sex || target.age ? ` (${peopleText({ sex: target.sex ?? null, age: target.age ?? null })})` : ''}`,
    );
  for (const report of indicator.reports)
    lines.push(
      `        reported ${report.value ?? '—'} for ${report.start} – ${report.end} (${peopleText(report)}): ${statusWord(report.status)}${report.approvedAt ? '' : ', awaiting approval'}${report.narrative ? ` — ${report.narrative}` : ''}${report.sourceNote ? `; ${report.sourceNote}` : ''}`,
    );
  return lines;
}

export function planText(plan: PlanView): string {
  const lines = [
    plan.title,
    `${capitalised(SCOPE_WORDS[plan.scope] ?? plan.scope)} for ${countryNamesText(plan.countries)}, ${plan.period.start} – ${plan.period.end}`,
    `Coordinated by ${plan.coordinator.name}; version ${plan.version}; id ${plan.id}`,
  ];
  if (plan.description) lines.push('', plan.description);
  for (const objective of plan.objectives) {
    lines.push('', `${pillarName(objective.pillar)}: ${objective.title}`);
    for (const measure of objective.measures) {
      const facts = [
        `owner ${measure.owner.name}`,
        measure.deadline ? `due ${measure.deadline}` : 'no deadline',
        statusWord(measure.status),
        measure.budget ? `budget ${moneyText(measure.budget)}` : 'no budget',
      ];
      lines.push(`  - ${measure.title}`, `    ${facts.join('; ')}`);
      if (measure.contributors.length > 0)
        lines.push(`    With ${measure.contributors.map((c) => c.name).join(', ')}`);
      for (const money of measure.funding)
        lines.push(
          `    Funded by ${money.funder.name}: ${moneyText({ amountMinor: money.committedMinor, currency: money.currency })} committed, ${moneyText({ amountMinor: money.spentMinor, currency: money.currency })} spent`,
        );
      const activities = measure.activities.map((a) => (a.found ? a.name : `${a.name} (not found)`));
      lines.push(`    Activities: ${activities.length ? activities.join('; ') : 'none'}`);
      for (const indicator of measure.indicators) lines.push(...indicatorLines(indicator));
    }
  }
  return `${lines.join('\n')}\n`;
}

type Row = Record<string, string | number | null>;
export type TextSection = { heading: string; rows: Row[]; empty: string };

/** The dashboard as sections of rows, each printed as an aligned table under its heading. */
export function dashboardSections(dashboard: PlanDashboard): TextSection[] {
  const gaps = dashboard.funding.gapsByPillar;
  return [
    {
      heading: 'Implementation by pillar',
      empty: 'No measures yet.',
      rows: [
        ...dashboard.implementation.byPillar,
        { ...dashboard.implementation.overall, pillar: 'all' as const },
      ].map((row) => ({
        pillar: row.pillar === 'all' ? 'All pillars' : pillarName(row.pillar),
        measures: row.measureCount,
        completed: row.measuresByStatus.completed,
        'in progress': row.measuresByStatus.in_progress,
        planned: row.measuresByStatus.planned,
        overdue: row.overdueMeasures.length,
        'indicators on track': row.indicatorsByStatus.on_track,
        'at risk': row.indicatorsByStatus.at_risk,
        'off track': row.indicatorsByStatus.off_track,
        'no data': row.indicatorsByStatus.no_data,
      })),
    },
    {
      heading: 'Indicators against targets',
      empty: 'No indicators yet.',
      rows: dashboard.indicators.flatMap((indicator) =>
        indicator.rows.map((row) => ({
          indicator: indicator.name,
          people: peopleText(row),
          baseline: row.baseline?.value ?? '',
          target: row.target ? `${row.target.value} by ${row.target.end}` : '',
          actual: row.actual ? `${row.actual.value} (${row.actual.end})` : '',
          status: statusWord(row.computedStatus),
          reported: row.reportedStatus ? statusWord(row.reportedStatus) : '',
        })),
      ),
    },
    {
      heading: 'Overdue measures',
      empty: 'No measure is overdue.',
      rows: dashboard.overdueMeasures.map((row) => ({
        measure: row.title,
        owner: row.owner.name,
        deadline: row.deadline,
        'days overdue': row.daysOverdue,
      })),
    },
    {
      heading: 'Overdue progress reports',
      empty: 'No progress report is overdue.',
      rows: dashboard.overdueReports.map((row) => ({
        indicator: row.indicatorName,
        owner: row.owner.name,
        period: `${row.start} – ${row.end}`,
        due: row.dueDate,
        'days late': row.daysPastDue,
      })),
    },
    {
      heading: 'Measures with no activity behind them',
      empty: 'Every measure has an activity behind it.',
      rows: dashboard.links.measuresWithoutActivity.map((row) => ({
        measure: row.title,
        owner: row.owner.name,
        why: row.reason === 'names_no_activity' ? 'names no activity' : 'its activities were not found',
      })),
    },
    {
      heading: 'Funding gaps by pillar',
      empty: 'No budgets yet.',
      rows: gaps.map((row) => ({
        pillar: pillarName(row.pillar),
        budget: sumsText(row.budget),
        committed: sumsText(row.committed),
        spent: sumsText(row.spent),
        gap: sumsText(row.gap),
      })),
    },
  ];
}
