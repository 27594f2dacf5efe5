// The country page's sections on the work done: activities by pillar, partners, gaps and overlaps, plans. Pure.
import { buildCountryList, type Language } from '../reference/index.js';
import { barChart, type Direction, escapeHtml } from './html-parts.js';
import { codeLabel, formatDay, formatNumber, isLabelKey, type LabelKey, label } from './labels.js';
import type { CountryReport } from './schemas.js';

type Finding = CountryReport['findings']['gaps']['shown'][number];
type Activity = CountryReport['activities']['byPillar'][number]['shown'][number];

const PILLAR_COLOURS: Record<string, string> = {
  prevention: '#1f5f8b',
  protection: '#2e7d32',
  prosecution: '#8e3b46',
  partnership: '#6a4c93',
};
const UNCLASSIFIED_COLOUR = '#767676';

const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
const none = (text: string) => `<p class="muted">${escapeHtml(text)}</p>`;
const more = (lang: Language, total: number, shown: number) =>
  total > shown
    ? `<p class="small muted">${escapeHtml(label(lang, 'more', { count: total - shown }))}</p>`
    : '';

function pillarName(lang: Language, pillar: string | null): string {
  return pillar ? codeLabel(lang, 'pillar', pillar) : label(lang, 'pillar.none');
}

function periodOf(lang: Language, start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  const day = (value: string | null) => (value ? formatDay(lang, value) : label(lang, 'openDate'));
  return label(lang, 'period', { start: day(start), end: day(end) });
}

function activityLine(lang: Language, activity: Activity): string {
  const details = [
    label(lang, 'ledBy', { organisation: activity.leadOrganisation.name }),
    activity.activityType ? codeLabel(lang, 'activity_type', activity.activityType) : null,
    codeLabel(lang, 'iati_activity_status', activity.status),
    periodOf(lang, activity.start, activity.end),
  ].filter((part): part is string => Boolean(part));
  const unpublished = activity.isPublished
    ? ''
    : `<span class="tag">${escapeHtml(label(lang, 'notPublished'))}</span>`;
  return `<li>${escapeHtml(activity.title)}${unpublished}<br><span class="small muted">${escapeHtml(details.join(' · '))}</span></li>`;
}

export function activitiesSection(report: CountryReport, dir: Direction): string {
  const { lang } = report;
  const groups = report.activities.byPillar;
  if (groups.length === 0)
    return section(label(lang, 'section.activities'), none(label(lang, 'none.activities')));
  const chart = barChart(
    label(lang, 'chart.activitiesByPillar'),
    groups.map((group) => ({
      label: pillarName(lang, group.pillar),
      value: group.total,
      text: formatNumber(lang, group.total),
      colour: group.pillar ? (PILLAR_COLOURS[group.pillar] ?? UNCLASSIFIED_COLOUR) : UNCLASSIFIED_COLOUR,
    })),
    dir,
  );
  const lists = groups.map(
    (group) =>
      `<h3>${escapeHtml(pillarName(lang, group.pillar))}</h3>${
        group.shown.length
          ? `<ul class="list">${group.shown.map((activity) => activityLine(lang, activity)).join('')}</ul>`
          : ''
      }${more(lang, group.total, group.shown.length)}`,
  );
  return section(label(lang, 'section.activities'), chart + lists.join(''));
}

export function partnersSection(report: CountryReport): string {
  const { lang } = report;
  const { total, shown } = report.partners;
  if (shown.length === 0) return section(label(lang, 'section.partners'), none(label(lang, 'none.partners')));
  const head = `<thead><tr><th scope="col">${escapeHtml(label(lang, 'partner.organisation'))}</th><th scope="col">${escapeHtml(label(lang, 'partner.type'))}</th><th scope="col" class="num">${escapeHtml(label(lang, 'partner.leads'))}</th><th scope="col" class="num">${escapeHtml(label(lang, 'partner.takesPart'))}</th></tr></thead>`;
  const rows = shown.map((partner) => {
    const name = partner.acronym ? `${partner.name} (${partner.acronym})` : partner.name;
    const ownWord =
      partner.leads + partner.takesPart === 0
        ? `<br><span class="small muted">${escapeHtml(label(lang, 'partner.declared'))}</span>`
        : '';
    return `<tr><td>${escapeHtml(name)}${ownWord}</td><td>${escapeHtml(codeLabel(lang, 'actor_type', partner.actorType))}</td><td class="num">${escapeHtml(formatNumber(lang, partner.leads))}</td><td class="num">${escapeHtml(formatNumber(lang, partner.takesPart))}</td></tr>`;
  });
  return section(
    label(lang, 'section.partners'),
    `<table>${head}<tbody>${rows.join('')}</tbody></table>${more(lang, total, shown.length)}`,
  );
}

let countryNames: Map<string, Record<Language, string>> | undefined;

function countryName(lang: Language, iso3: string): string {
  countryNames ??= new Map(buildCountryList().map((country) => [country.iso3, country.names]));
  const names = countryNames.get(iso3);
  return names?.[lang] || names?.en || iso3;
}

/** What a finding is about, as labels: pillar, activity type, groups, forms, places and corridor. */
function concerns(lang: Language, finding: Finding): string {
  const { cell } = finding;
  const corridor = cell.corridor
    ? label(lang, 'finding.corridor', {
        origin: countryName(lang, cell.corridor.origin),
        destination: countryName(lang, cell.corridor.destination),
      })
    : null;
  return [
    cell.pillar ? codeLabel(lang, 'pillar', cell.pillar) : null,
    cell.activityType ? codeLabel(lang, 'activity_type', cell.activityType) : null,
    ...cell.targetGroups.map((group) => codeLabel(lang, 'target_group', group)),
    ...cell.forms.map((form) => codeLabel(lang, 'form_of_exploitation', form)),
    ...cell.places,
    corridor,
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

function findingItem(lang: Language, finding: Finding): string {
  const ruleKey = `rule.${finding.rule}`;
  const rule = label(lang, isLabelKey(ruleKey) ? ruleKey : 'rule.other');
  const kind = label(lang, finding.kind === 'gap' ? 'finding.gap' : 'finding.overlap');
  const severity = label(lang, 'finding.severity', {
    severity: label(lang, `severity.${finding.severity}` as LabelKey),
  });
  const organisations = [...new Set(finding.activities.map((activity) => activity.leadOrganisation))].sort();
  const facts = [
    concerns(lang, finding),
    label(lang, 'finding.activities', { count: finding.activityCount }),
    organisations.length ? label(lang, 'finding.organisations', { names: organisations.join(', ') }) : null,
  ].filter((part): part is string => Boolean(part));
  return `<li class="finding ${finding.kind}"><strong>${escapeHtml(`${kind} · ${rule}`)}</strong> <span class="small muted">${escapeHtml(severity)}</span><br><span class="small">${escapeHtml(facts.join(' · '))}</span></li>`;
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

export function plansSection(report: CountryReport): string {
  const { lang } = report;
  if (report.plans.length === 0)
    return section(label(lang, 'section.plans'), none(label(lang, 'none.plans')));
  const heads: LabelKey[] = ['plans.onTrack', 'plans.atRisk', 'plans.offTrack', 'plans.noData'];
  const head = `<thead><tr><th scope="col" rowspan="2">${escapeHtml(label(lang, 'plans.plan'))}</th><th scope="col" rowspan="2">${escapeHtml(label(lang, 'plans.measures'))}</th><th scope="colgroup" colspan="4">${escapeHtml(label(lang, 'plans.indicators'))}</th></tr><tr>${heads
    .map((key) => `<th scope="col" class="num">${escapeHtml(label(lang, key))}</th>`)
    .join('')}</tr></thead>`;
  const rows = report.plans.map((plan) => {
    const measures = label(lang, 'plans.measuresDone', {
      completed: plan.measures.completed,
      total: plan.measures.total,
      overdue: plan.measures.overdue,
    });
    const { onTrack, atRisk, offTrack, noData } = plan.indicators;
    const counts = [onTrack, atRisk, offTrack, noData]
      .map((count) => `<td class="num">${escapeHtml(formatNumber(lang, count))}</td>`)
      .join('');
    return `<tr><td>${escapeHtml(plan.title)}</td><td>${escapeHtml(measures)}</td>${counts}</tr>`;
  });
  return section(label(lang, 'section.plans'), `<table>${head}<tbody>${rows.join('')}</tbody></table>`);
}
