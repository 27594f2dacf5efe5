// The country page's sections on what is missing and what was promised: gaps and overlaps, plans' progress. Pure.
import { buildCountryList, type Language } from '../reference/index.js';
import { bdi, type Direction, escapeHtml, stackedBar } from './html-parts.js';
import { codeLabel, formatNumber, isLabelKey, type LabelKey, label, labelHtml } from './labels.js';
import type { CountryReport } from './schemas.js';
import { more, none, section } from './sections.js';

type Finding = CountryReport['findings']['gaps']['shown'][number];

let countryNames: Map<string, Record<Language, string>> | undefined;

function countryName(lang: Language, iso3: string): string {
  countryNames ??= new Map(buildCountryList().map((country) => [country.iso3, country.names]));
  const names = countryNames.get(iso3);
  return names?.[lang] || names?.en || iso3;
}

/** What a finding is about, as HTML labels: pillar, activity type, groups, forms, places and corridor. */
function concerns(lang: Language, finding: Finding): string[] {
  const { cell } = finding;
  const labels = [
    cell.pillar ? codeLabel(lang, 'pillar', cell.pillar) : null,
    cell.activityType ? codeLabel(lang, 'activity_type', cell.activityType) : null,
    ...cell.targetGroups.map((group) => codeLabel(lang, 'target_group', group)),
    ...cell.forms.map((form) => codeLabel(lang, 'form_of_exploitation', form)),
  ].filter((part): part is string => Boolean(part));
  const corridor = cell.corridor
    ? [
        labelHtml(lang, 'finding.corridor', {
          origin: countryName(lang, cell.corridor.origin),
          destination: countryName(lang, cell.corridor.destination),
        }),
      ]
    : [];
  return [...labels.map(escapeHtml), ...cell.places.map(bdi), ...corridor];
}

function needOf(lang: Language, finding: Finding): string | null {
  if (!finding.need) return null;
  return label(lang, 'finding.need', {
    level: label(lang, `need.${finding.need.level}` as LabelKey),
    source: label(lang, finding.need.origin === 'statistics' ? 'need.statistics' : 'need.table'),
  });
}

function findingItem(lang: Language, finding: Finding): string {
  const ruleKey = `rule.${finding.rule}`;
  const rule = label(lang, isLabelKey(ruleKey) ? ruleKey : 'rule.other');
  const kind = label(lang, finding.kind === 'gap' ? 'finding.gap' : 'finding.overlap');
  const severity = label(lang, 'finding.severity', {
    severity: label(lang, `severity.${finding.severity}` as LabelKey),
  });
  const organisations = [...new Set(finding.activities.map((activity) => activity.leadOrganisation))].sort();
  const need = needOf(lang, finding);
  const facts = [
    escapeHtml(severity),
    ...concerns(lang, finding),
    ...(need ? [escapeHtml(need)] : []),
    ...(finding.activityCount > 0
      ? [escapeHtml(label(lang, 'finding.activities', { count: finding.activityCount }))]
      : []),
    ...(organisations.length
      ? [labelHtml(lang, 'finding.organisations', { names: organisations.join(', ') })]
      : []),
  ];
  return `<li class="finding ${finding.kind}"><strong>${escapeHtml(`${kind} · ${rule}`)}</strong><span class="small clamp">${facts.join(' · ')}</span></li>`;
}

export function findingsSection(report: CountryReport): string {
  const { lang } = report;
  const { gaps, overlaps } = report.findings;
  if (gaps.total + overlaps.total === 0)
    return section(label(lang, 'section.findings'), none(label(lang, 'none.findings')));
  const list = (kind: typeof gaps) =>
    kind.shown.length
      ? `<ul class="list">${kind.shown.map((finding) => findingItem(lang, finding)).join('')}</ul>${more(lang, kind.total, kind.shown.length)}`
      : '';
  return section(label(lang, 'section.findings'), list(gaps) + list(overlaps));
}

/** Indicator statuses in the order a reader worries about them, each with its colour in the bar and legend. */
const STATUSES: { key: LabelKey; of: keyof CountryReport['plans'][number]['indicators']; colour: string }[] =
  [
    { key: 'plans.onTrack', of: 'onTrack', colour: '#2e7d32' },
    { key: 'plans.atRisk', of: 'atRisk', colour: '#b26a00' },
    { key: 'plans.offTrack', of: 'offTrack', colour: '#b03a2e' },
    { key: 'plans.noData', of: 'noData', colour: '#9e9e9e' },
  ];

export function plansSection(report: CountryReport, dir: Direction): string {
  const { lang } = report;
  if (report.plans.length === 0)
    return section(label(lang, 'section.plans'), none(label(lang, 'none.plans')));
  const items = report.plans.map((plan) => {
    const measures = label(lang, 'plans.measuresDone', {
      completed: plan.measures.completed,
      total: plan.measures.total,
      overdue: plan.measures.overdue,
    });
    const bar = stackedBar(
      label(lang, 'plans.chart'),
      STATUSES.map((status) => ({ value: plan.indicators[status.of], colour: status.colour })),
      dir,
    );
    const legend = STATUSES.map(
      (status) =>
        `<span class="item"><span class="key ${status.of}" aria-hidden="true">■</span> ${escapeHtml(`${label(lang, status.key)} ${formatNumber(lang, plan.indicators[status.of])}`)}</span>`,
    ).join(' ');
    return `<li><strong class="clamp">${bdi(plan.title)}</strong><div><span class="small">${escapeHtml(measures)}</span>${bar}<span class="small">${escapeHtml(label(lang, 'plans.indicators'))} ${legend}</span></div></li>`;
  });
  return section(label(lang, 'section.plans'), `<ul class="list plans">${items.join('')}</ul>`);
}
