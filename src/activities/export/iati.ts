// One activity as an IATI 2.03 <iati-activity>, with Concerted's extension so that a re-import loses nothing.

import isoCountries from 'i18n-iso-countries';
import { escapeXml, xmlAttributes } from '../../platform/xml-text.js';

import { iatiNumberOf } from '../import/codes.js';
import { CONCERTED_NS } from '../import/iati.js';
import hints from '../import/iati-hints.json' with { type: 'json' };
import type { Registry } from '../import/registry.js';
import type { Activity } from '../schemas.js';

const ORGANISATION_TYPES: Record<string, string> = hints.actorTypeToIatiOrganisationType;
const SECTORS = hints.exportSectors;

export function iatiHeader(generatedAt: Date): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generatedAt.toISOString()}" xmlns:concerted="${CONCERTED_NS}">\n`;
}

export const IATI_FOOTER = '</iati-activities>\n';

const narrative = (text: string, lang?: string | null) =>
  `<narrative${xmlAttributes({ 'xml:lang': lang && lang !== 'en' ? lang : null })}>${escapeXml(text)}</narrative>`;

/** Every narrative the activity was published with, else its title (description) in English. */
function narrativesXml(stored: { lang: string | null; text: string }[] | undefined, text: string) {
  return stored?.length ? stored.map((n) => narrative(n.text, n.lang)).join('') : narrative(text);
}

/** The organisation's IATI identifier, or a stand-in one when the registry does not hold it. */
function refOf(organisationId: string, registry: Registry): string {
  return registry.organisationIatiIdentifier(organisationId) ?? `XI-CONCERTED-${organisationId}`;
}

/** The DAC purpose code and SDG targets an activity is reported under (iati-hints.json). */
function classificationCodes(activity: Activity) {
  const womenOrGirls = activity.targetGroups.some((g) => g === 'women' || g === 'girls');
  const sector = womenOrGirls
    ? SECTORS.women_or_girls
    : activity.pillar === 'prevention'
      ? SECTORS.prevention
      : SECTORS.otherwise;
  const targets = new Set<string>();
  if (womenOrGirls || activity.forms.includes('sexual_exploitation')) targets.add('5.2');
  if (activity.forms.includes('forced_labour')) targets.add('8.7');
  if (activity.targetGroups.some((g) => g === 'children' || g === 'girls' || g === 'boys'))
    targets.add('16.2');
  return { sector, targets: [...targets] };
}

export function iatiActivity(activity: Activity, registry: Registry): string {
  const lines: string[] = [];
  const lead = registry.organisationName(activity.leadOrganisationId) ?? activity.leadOrganisationId;
  const currency = activity.budget?.currency;
  lines.push(
    `<iati-activity${xmlAttributes({ 'last-updated-datetime': `${activity.updatedAt.slice(0, 19)}Z`, 'xml:lang': 'en', 'default-currency': currency })}>`,
    `<iati-identifier>${escapeXml(activity.identifier)}</iati-identifier>`,
    `<reporting-org${xmlAttributes({ ref: refOf(activity.leadOrganisationId, registry), type: ORGANISATION_TYPES[registry.organisationActorType(activity.leadOrganisationId) ?? ''] ?? '90' })}>${narrative(lead)}</reporting-org>`,
    `<title>${narrativesXml(activity.narratives.title, activity.title)}</title>`,
  );
  const descriptions = activity.narratives.description ?? [];
  for (const type of [...new Set(descriptions.map((d) => d.type))])
    lines.push(
      `<description type="${escapeXml(type)}">${narrativesXml(
        descriptions.filter((d) => d.type === type),
        '',
      )}</description>`,
    );
  if (activity.description && descriptions.length === 0)
    lines.push(`<description type="1">${narrative(activity.description)}</description>`);
  for (const p of activity.participants) {
    const name = p.organisationId ? (registry.organisationName(p.organisationId) ?? p.name) : p.name;
    lines.push(
      `<participating-org${xmlAttributes({ ref: p.ref, role: iatiNumberOf('iati_organisation_role', p.role) })}>${narrative(name)}</participating-org>`,
    );
  }
  lines.push(`<activity-status code="${iatiNumberOf('iati_activity_status', activity.status)}"/>`);
  for (const [type, date] of [
    ['1', activity.plannedStart],
    ['2', activity.actualStart],
    ['3', activity.plannedEnd],
    ['4', activity.actualEnd],
  ] as const)
    if (date) lines.push(`<activity-date type="${type}" iso-date="${date}"/>`);
  const countries = [...new Set(activity.countries.map((c) => c.iso3))];
  const share = countries.length > 0 ? Math.floor(100 / countries.length) : 0;
  const given = new Map(activity.countries.map((c) => [c.iso3, c.percentage]));
  countries.forEach((iso3, i) => {
    const percentage = given.get(iso3) ?? (i === 0 ? 100 - share * (countries.length - 1) : share);
    const alpha2 = isoCountries.alpha3ToAlpha2(iso3) ?? iso3;
    lines.push(`<recipient-country${xmlAttributes({ code: alpha2, percentage })}/>`);
  });
  for (const r of activity.recipientRegions)
    lines.push(
      `<recipient-region${xmlAttributes({ code: r.code, vocabulary: r.vocabulary, 'vocabulary-uri': r.vocabularyUri, percentage: r.percentage })}/>`,
    );
  // An unclassified activity claims no counter-trafficking sector or SDG target.
  if (activity.activityType) {
    const { sector, targets } = classificationCodes(activity);
    lines.push(`<sector vocabulary="1" code="${sector}" percentage="100"/>`);
    for (const target of targets) lines.push(`<tag vocabulary="3" code="${target}"/>`);
  }
  if (activity.genderMarker)
    lines.push(
      `<policy-marker vocabulary="1" code="1" significance="${iatiNumberOf('gender_marker', activity.genderMarker)}"/>`,
    );
  const start = activity.plannedStart ?? activity.actualStart;
  const end = activity.plannedEnd ?? activity.actualEnd;
  if (activity.budget && start && end)
    lines.push(
      `<budget type="1" status="1"><period-start iso-date="${start}"/><period-end iso-date="${end}"/><value${xmlAttributes({ currency: activity.budget.currency, 'value-date': start })}>${activity.budget.amount}</value></budget>`,
    );
  lines.push(...extension(activity, registry), '</iati-activity>');
  return `${lines.join('\n')}\n`;
}

/** What IATI cannot say exactly: our classification, country roles and places, people, provenance. */
function extension(activity: Activity, registry: Registry): string[] {
  const lines = [
    `<concerted:classification${xmlAttributes({
      pillar: activity.pillar,
      'activity-type': activity.activityType,
      'chain-stage': activity.chainStage,
      forms: activity.forms.join(' '),
      'target-groups': activity.targetGroups.join(' '),
      mechanism: activity.coordinationMechanismId
        ? registry.mechanismName(activity.coordinationMechanismId)
        : null,
      'lead-organisation': registry.organisationName(activity.leadOrganisationId),
      published: String(activity.isPublished),
    })}/>`,
  ];
  for (const c of activity.countries)
    lines.push(
      `<concerted:country${xmlAttributes({ code: c.iso3, role: c.role, percentage: c.percentage })}>${c.places.map((p) => `<concerted:place>${escapeXml(p)}</concerted:place>`).join('')}</concerted:country>`,
    );
  if (activity.budget)
    lines.push(
      `<concerted:budget${xmlAttributes({ amount: activity.budget.amount, currency: activity.budget.currency, funder: activity.budget.funder })}/>`,
    );
  for (const [measure, counts] of [
    ['targeted', activity.peopleTargeted],
    ['reached', activity.peopleReached],
  ] as const)
    for (const [cell, count] of Object.entries(counts))
      if (count !== undefined) lines.push(`<concerted:people${xmlAttributes({ measure, cell, count })}/>`);
  lines.push(
    `<concerted:provenance${xmlAttributes({ source: activity.provenance.source, 'reported-by': activity.provenance.reportedBy, 'reported-on': activity.provenance.reportedOn })}/>`,
  );
  return lines;
}
