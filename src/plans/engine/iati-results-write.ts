// A plan's measures as IATI 2.03 results: one <iati-activity> per measure, whose one <result> holds the
// measure's indicators with their baselines, targets and approved progress by period. Pure.
//
// Mapping (IATI Standard 2.03, activity-standard/iati-activities/iati-activity/result):
// - a measure is one result of type 1 (Output): the measure is what its owners deliver, the plan's objective
//   being the outcome it serves; aggregation-status is 1 when every indicator counts units, which can be summed;
// - an indicator is an <indicator>, its unit an IndicatorMeasure code (results-vocabulary.ts), its direction
//   the ascending attribute; its baseline a <baseline> whose year is the baseline date's;
// - targets and approved progress reports are grouped by period into <period> elements: a target is a
//   <target>, a report an <actual> with its narrative as <comment> and its evidence as <document-link>s;
//   reports not yet approved are left out, as they do not count;
// - a sex or age disaggregation is a <dimension name="sex"|"age">;
// - the measure's owner is a <participating-org role="4"> (Implementing), named by its IATI identifier;
// - what IATI cannot say (the unit's name, ids, the data source, a report's status, the objective and its
//   pillar, the plan's title, scope, countries and period) travels in elements of our namespace, which IATI
//   allows and other readers ignore, so that a re-import, or a new plan drawn up from the file, loses nothing.
import { escapeXml, xmlAttributes } from '../../platform/xml-text.js';
import type {
  Disaggregation,
  Indicator,
  Measure,
  MeasureStatus,
  Period,
  Pillar,
  PlanScope,
  ProgressReport,
  Target,
} from './model.js';

import {
  ascendingOf,
  CONCERTED_NS,
  disaggregationKey,
  iatiMeasureOf,
  isAggregable,
} from './results-vocabulary.js';

export type IatiResultsOptions = {
  /** The publisher's identifier prefix (its organisation identifier and a plan code); a measure's id follows it. */
  identifierPrefix: string;
  reportingOrganisation: { ref: string; name: string; type?: string | undefined };
  /** When the document is written, as an ISO date-time; given, because pure code reads no clock. */
  generatedAt?: string | undefined;
  /** The language of the plan's texts (ISO 639-1). */
  lang?: string | undefined;
  /** Where each measure sits in its plan, so that a new plan can be drawn up from the file. */
  placementOf?: ((measure: Measure) => MeasurePlacement | undefined) | undefined;
  plan?: PlanFacts | undefined;
};

export type MeasurePlacement = {
  objective: { id: string; title: string; pillar: Pillar };
  owner: { ref: string | null; name: string };
};

export type PlanFacts = { title: string; scope: PlanScope; countries: string[]; period: Period };

/** IATI ActivityStatus: 1 Pipeline/identification, 2 Implementation, 4 Closed, 5 Cancelled. */
const ACTIVITY_STATUS: Record<MeasureStatus, string> = {
  planned: '1',
  in_progress: '2',
  completed: '4',
  cancelled: '5',
};

const narrative = (text: string, lang: string) =>
  `<narrative xml:lang="${escapeXml(lang)}">${escapeXml(text)}</narrative>`;

/** An element of narratives, or nothing when the text is empty (IATI narratives may not be empty). */
const narrativeElement = (name: string, text: string, lang: string) =>
  text.trim() ? [`<${name}>${narrative(text, lang)}</${name}>`] : [];

export function iatiIdentifierOf(prefix: string, measureId: string): string {
  return `${prefix}-${measureId}`;
}

/** The whole IATI document: one activity per measure. */
export function iatiResultsDocument(measures: readonly Measure[], options: IatiResultsOptions): string {
  const header = `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities${xmlAttributes({ version: '2.03', 'generated-datetime': options.generatedAt })} xmlns:concerted="${CONCERTED_NS}">\n`;
  return `${header}${measures.map((m) => iatiActivityOf(m, options)).join('')}</iati-activities>\n`;
}

function iatiActivityOf(measure: Measure, options: IatiResultsOptions): string {
  const lang = options.lang ?? 'en';
  const org = options.reportingOrganisation;
  const lines = [
    `<iati-activity${xmlAttributes({ 'xml:lang': lang })}>`,
    `<iati-identifier>${escapeXml(iatiIdentifierOf(options.identifierPrefix, measure.id))}</iati-identifier>`,
    `<reporting-org${xmlAttributes({ ref: org.ref, type: org.type })}>${narrative(org.name, lang)}</reporting-org>`,
    ...narrativeElement('title', measure.title, lang),
  ];
  const placement = options.placementOf?.(measure);
  if (placement) lines.push(ownerXml(placement.owner, lang));
  lines.push(`<activity-status code="${ACTIVITY_STATUS[measure.status]}"/>`);
  if (measure.deadline) lines.push(`<activity-date type="3" iso-date="${escapeXml(measure.deadline)}"/>`);
  lines.push(iatiResultXml(measure, lang));
  lines.push(...placementXml(placement, options.plan));
  lines.push(`<concerted:measure${xmlAttributes({ id: measure.id })}/>`, '</iati-activity>');
  return `${lines.join('\n')}\n`;
}

/** The measure's owner as IATI's implementing organisation (OrganisationRole 4). */
function ownerXml(owner: MeasurePlacement['owner'], lang: string): string {
  const ref = owner.ref ?? undefined;
  return `<participating-org${xmlAttributes({ ref, role: '4' })}>${narrative(owner.name, lang)}</participating-org>`;
}

function placementXml(placement: MeasurePlacement | undefined, plan: PlanFacts | undefined): string[] {
  const lines: string[] = [];
  if (placement) lines.push(`<concerted:objective${xmlAttributes(placement.objective)}/>`);
  if (plan)
    lines.push(
      `<concerted:plan${xmlAttributes({
        title: plan.title,
        scope: plan.scope,
        countries: plan.countries.join(' '),
        start: plan.period.start,
        end: plan.period.end,
      })}/>`,
    );
  return lines;
}

/** One measure as one <result> element, for callers that write their own activity around it. */
export function iatiResultXml(measure: Measure, lang = 'en'): string {
  const aggregable = measure.indicators.every((i) => isAggregable(i.unit));
  return [
    `<result type="1" aggregation-status="${aggregable ? '1' : '0'}">`,
    ...narrativeElement('title', measure.title, lang),
    ...measure.indicators.map((indicator) => indicatorXml(indicator, lang)),
    '</result>',
  ].join('\n');
}

function indicatorXml(indicator: Indicator, lang: string): string {
  const lines = [
    `<indicator${xmlAttributes({ measure: iatiMeasureOf(indicator.unit), ascending: ascendingOf(indicator.direction) })}>`,
    ...narrativeElement('title', indicator.name, lang),
    ...narrativeElement('description', indicator.definition, lang),
  ];
  if (indicator.baseline) {
    const { value, date } = indicator.baseline;
    lines.push(
      `<baseline${xmlAttributes({ year: date.slice(0, 4), 'iso-date': date, value })}>${dimensionsXml(indicator.baseline)}</baseline>`,
    );
  }
  for (const period of periodsOf(indicator)) lines.push(periodXml(period, lang));
  lines.push(
    `<concerted:indicator${xmlAttributes({
      id: indicator.id,
      unit: indicator.unit,
      'disaggregated-by': indicator.disaggregatedBy.join(' '),
      source: JSON.stringify(indicator.source),
    })}/>`,
    '</indicator>',
  );
  return lines.join('\n');
}

type PeriodGroup = { start: string; end: string; targets: Target[]; actuals: ProgressReport[] };

/** Targets and approved reports grouped by period, in date order; each group is one IATI <period>. */
function periodsOf(indicator: Indicator): PeriodGroup[] {
  const groups = new Map<string, PeriodGroup>();
  const groupOf = ({ start, end }: { start: string; end: string }) => {
    const key = `${start}/${end}`;
    let group = groups.get(key);
    if (!group) {
      group = { start, end, targets: [], actuals: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const target of indicator.targets) groupOf(target).targets.push(target);
  for (const report of indicator.reports) if (report.approvedAt) groupOf(report).actuals.push(report);
  return [...groups.values()].sort((a, b) => (a.start + a.end).localeCompare(b.start + b.end));
}

function periodXml(period: PeriodGroup, lang: string): string {
  const byGroup = (a: Disaggregation, b: Disaggregation) =>
    disaggregationKey(a).localeCompare(disaggregationKey(b));
  const lines = [
    '<period>',
    `<period-start iso-date="${escapeXml(period.start)}"/>`,
    `<period-end iso-date="${escapeXml(period.end)}"/>`,
  ];
  for (const target of [...period.targets].sort(byGroup))
    lines.push(`<target value="${target.value}">${dimensionsXml(target)}</target>`);
  for (const report of [...period.actuals].sort(byGroup)) lines.push(actualXml(report, lang));
  lines.push('</period>');
  return lines.join('\n');
}

function actualXml(report: ProgressReport, lang: string): string {
  const comment = report.narrative.trim() ? `<comment>${narrative(report.narrative, lang)}</comment>` : '';
  const links = report.evidenceLinks.map(
    (url) =>
      `<document-link${xmlAttributes({ url, format: 'text/html' })}><title>${narrative('Evidence', 'en')}</title><category code="A08"/></document-link>`,
  );
  const progress = `<concerted:progress${xmlAttributes({ report: report.id, status: report.status, 'source-note': report.sourceNote })}/>`;
  return `<actual${xmlAttributes({ value: report.value })}>${dimensionsXml(report)}${comment}${links.join('')}${progress}</actual>`;
}

function dimensionsXml(d: Disaggregation): string {
  const dimensions: string[] = [];
  if (d.sex) dimensions.push(`<dimension name="sex" value="${d.sex}"/>`);
  if (d.age) dimensions.push(`<dimension name="age" value="${d.age}"/>`);
  return dimensions.join('');
}
