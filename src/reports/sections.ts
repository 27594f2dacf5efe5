// The country page's sections on who works there: activities by pillar, the latest of them, and partners. Pure.
import type { Language } from '../reference/index.js';
import { barChart, bdi, type Direction, escapeHtml } from './html-parts.js';
import { codeLabel, formatMonth, formatNumber, label, labelHtml } from './labels.js';
import type { CountryReport } from './schemas.js';

type Activity = CountryReport['activities']['byPillar'][number]['shown'][number];

const PILLAR_COLOURS: Record<string, string> = {
  prevention: '#1f5f8b',
  protection: '#2e7d32',
  prosecution: '#8e3b46',
  partnership: '#6a4c93',
};
const UNCLASSIFIED_COLOUR = '#767676';

export const section = (title: string, body: string) =>
  `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
export const none = (text: string) => `<p class="muted">${escapeHtml(text)}</p>`;
export const more = (lang: Language, total: number, shown: number) =>
  total > shown
    ? `<p class="small muted">${escapeHtml(label(lang, 'more', { count: total - shown }))}</p>`
    : '';

function pillarName(lang: Language, pillar: string | null): string {
  return pillar ? codeLabel(lang, 'pillar', pillar) : label(lang, 'pillar.none');
}

function periodOf(lang: Language, start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  const day = (value: string | null) => (value ? formatMonth(lang, value) : label(lang, 'openDate'));
  return label(lang, 'period', { start: day(start), end: day(end) });
}

function activityItem(lang: Language, activity: Activity): string {
  const lead = labelHtml(lang, 'ledBy', { organisation: activity.leadOrganisation.name });
  const when = [
    codeLabel(lang, 'iati_activity_status', activity.status),
    periodOf(lang, activity.start, activity.end),
  ].filter((part): part is string => Boolean(part));
  const unpublished = activity.isPublished
    ? ''
    : `<span class="tag">${escapeHtml(label(lang, 'notPublished'))}</span>`;
  // Long titles and details keep to two lines each, so that a busy country still fits its page.
  return `<li><span class="clamp">${bdi(activity.title)}${unpublished}</span><span class="small muted clamp">${lead}</span><span class="small muted">${escapeHtml(when.join(' · '))}</span></li>`;
}

/** How many activities each pillar has: the balance of the response at a glance. */
export function pillarChartSection(report: CountryReport, dir: Direction): string {
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
    { caption: false },
  );
  return section(label(lang, 'section.activities'), chart);
}

/**
 * The latest few activities of each pillar side by side, each with its lead, status and dates. Those awaiting
 * classification are counted in the chart but not listed: they are the register's to sort, not the country's.
 */
export function latestActivitiesSection(report: CountryReport): string {
  const { lang } = report;
  const groups = report.activities.byPillar.filter((group) => group.pillar !== null);
  if (groups.length === 0) return '';
  const columns = groups.map(
    (group) =>
      `<div><h3>${escapeHtml(pillarName(lang, group.pillar))}</h3>${
        group.shown.length
          ? `<ul class="list">${group.shown.map((activity) => activityItem(lang, activity)).join('')}</ul>`
          : ''
      }${more(lang, group.total, group.shown.length)}</div>`,
  );
  return section(label(lang, 'section.recentActivities'), `<div class="pillars">${columns.join('')}</div>`);
}

/** The organisations working in the country, two to a row: name, kind, and how many activities they lead or join. */
export function partnersSection(report: CountryReport): string {
  const { lang } = report;
  const { total, shown } = report.partners;
  if (shown.length === 0) return section(label(lang, 'section.partners'), none(label(lang, 'none.partners')));
  const items = shown.map((partner) => {
    const name = partner.acronym ? `${partner.name} (${partner.acronym})` : partner.name;
    const about = [
      codeLabel(lang, 'actor_type', partner.actorType),
      partner.leads + partner.takesPart === 0
        ? label(lang, 'partner.declared')
        : label(lang, 'partner.counts', { leads: partner.leads, takesPart: partner.takesPart }),
    ];
    return `<li><span class="clamp">${bdi(name)}</span><span class="small muted">${escapeHtml(about.join(' · '))}</span></li>`;
  });
  return section(
    label(lang, 'section.partners'),
    `<ul class="list partners">${items.join('')}</ul>${more(lang, total, shown.length)}`,
  );
}
