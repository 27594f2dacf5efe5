// A finding said in the reader's language: translated templates filled with labels (countries, forms, groups),
// never codes. The server's English explanation stays for the API and its CSV; the screen builds its own.
import type { Finding } from '../../api/coverage.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { Vocabulary } from '../activities/vocabulary.js';

export type Wording = {
  t: Translate;
  vocabulary: Vocabulary;
  /** A day (YYYY-MM-DD) as the reader writes dates. */
  day: (day: string) => string;
  /** Joins labels into one phrase the way the language lists things. */
  list: (items: readonly string[]) => string;
};

export const RULE_LABELS: Record<string, MessageKey> = {
  need_uncovered: 'rule.need_uncovered',
  need_under_covered: 'rule.need_under_covered',
  pillar_absent: 'rule.pillar_absent',
  protection_without_prosecution: 'rule.protection_without_prosecution',
  origin_without_destination: 'rule.origin_without_destination',
  unlinked_overlap: 'rule.unlinked_overlap',
};

export const RULE_DESCRIPTIONS: Record<string, MessageKey> = {
  need_uncovered: 'findings.ruleText.need_uncovered',
  need_under_covered: 'findings.ruleText.need_under_covered',
  pillar_absent: 'findings.ruleText.pillar_absent',
  protection_without_prosecution: 'findings.ruleText.protection_without_prosecution',
  origin_without_destination: 'findings.ruleText.origin_without_destination',
  unlinked_overlap: 'findings.ruleText.unlinked_overlap',
};

export function ruleLabel(w: Pick<Wording, 't'>, rule: string): string {
  const key = RULE_LABELS[rule];
  return key ? w.t(key) : w.t('findings.unknownRule');
}

export function periodLabel(w: Wording, period: Finding['period']): string {
  if (!period.from && !period.to) return w.t('coverage.wholePeriod');
  return w.t('findings.periodRange', {
    from: period.from ? w.day(period.from) : w.t('findings.openStart'),
    to: period.to ? w.day(period.to) : w.t('findings.openEnd'),
  });
}

/** What the finding is about: pillar, type, groups, forms and places as labels. */
export function concernsLabel(w: Wording, f: Finding): string {
  const v = w.vocabulary;
  const parts = [
    f.cell.pillar ? v.label('pillar', f.cell.pillar) : null,
    f.cell.activityType ? v.label('activity_type', f.cell.activityType) : null,
    ...f.cell.targetGroups.map((g) => v.label('target_group', g)),
    ...f.cell.forms.map((form) => v.label('form_of_exploitation', form)),
    ...f.cell.places,
    f.cell.corridor
      ? w.t('coverage.corridor', {
          origin: v.countryName(f.cell.corridor.origin),
          destination: v.countryName(f.cell.corridor.destination),
        })
      : null,
  ];
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}

function needScope(w: Wording, f: Finding): string {
  const v = w.vocabulary;
  const parts = [
    f.cell.pillar ? v.label('pillar', f.cell.pillar) : null,
    ...f.cell.forms.map((form) => v.label('form_of_exploitation', form)),
    ...f.cell.targetGroups.map((g) => v.label('target_group', g)),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? w.list(parts) : w.t('findings.anyScope');
}

function leadNames(f: Finding): string[] {
  return [...new Set(f.activities.map((a) => a.leadOrganisation))].sort();
}

/** The explanation of one finding, in the reader's language. */
export function explainFinding(w: Wording, f: Finding): string {
  const v = w.vocabulary;
  const common = {
    country: v.countryName(f.iso3),
    period: periodLabel(w, f.period),
    count: f.activityCount,
  };
  const need = f.need
    ? {
        level: w.t(`needLevel.${f.need.level}`),
        what: needScope(w, f),
        source: w.t(f.need.origin === 'statistics' ? 'findings.source.statistics' : 'findings.source.table'),
      }
    : { level: '', what: '', source: '' };
  switch (f.rule) {
    case 'need_uncovered':
      return w.t('findings.explain.need_uncovered', { ...common, ...need });
    case 'need_under_covered':
      return w.t('findings.explain.need_under_covered', { ...common, ...need });
    case 'pillar_absent':
      return w.t('findings.explain.pillar_absent', {
        ...common,
        pillar: v.label('pillar', f.cell.pillar),
      });
    case 'protection_without_prosecution':
      return w.t('findings.explain.protection_without_prosecution', common);
    case 'origin_without_destination':
      return w.t('findings.explain.origin_without_destination', {
        ...common,
        origin: v.countryName(f.cell.corridor?.origin),
        destination: v.countryName(f.cell.corridor?.destination ?? f.iso3),
      });
    case 'unlinked_overlap':
      return explainOverlap(w, f, common);
    default:
      return w.t('findings.explain.other', { ...common, rule: ruleLabel(w, f.rule) });
  }
}

function explainOverlap(w: Wording, f: Finding, common: { country: string; period: string; count: number }) {
  const v = w.vocabulary;
  const names = leadNames(f);
  const groups = f.cell.targetGroups.map((g) => v.label('target_group', g));
  const forms = f.cell.forms.map((form) => v.label('form_of_exploitation', form));
  return w.t('findings.explain.unlinked_overlap', {
    ...common,
    place: f.cell.places.length ? w.list(f.cell.places) : common.country,
    organisations: names.length,
    names: w.list(names),
    type: v.label('activity_type', f.cell.activityType),
    groups: groups.length ? w.list(groups) : w.t('findings.noGroup'),
    forms: forms.length ? w.list(forms) : w.t('findings.noForm'),
  });
}
