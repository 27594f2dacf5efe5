// Indicator and source names in the reader's language, for the names publishers use; others as published.
import type { Translate } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

/** Publishers' indicator names (lower case) and the message that translates each. */
const INDICATORS: ReadonlyArray<[RegExp, MessageKey]> = [
  [/^detected (trafficking )?victims/, 'stats.indicator.detectedVictims'],
  [/^persons convicted/, 'stats.indicator.convicted'],
  [/^persons prosecuted/, 'stats.indicator.prosecuted'],
  [/^persons brought into formal contact/, 'stats.indicator.contact'],
];

export function indicatorName(published: string, t: Translate): string {
  const lower = published.trim().toLowerCase();
  const key = INDICATORS.find(([pattern]) => pattern.test(lower))?.[1];
  return key ? t(key) : published;
}

const SOURCES: Readonly<Record<string, MessageKey>> = {
  glotip: 'stats.source.glotip',
  sdg: 'stats.source.sdg',
};

/** A release as a reader knows it: the source's translated name and the release's label. */
export function releaseTitle(release: { source: string; label: string }, t: Translate): string {
  const key = SOURCES[release.source];
  return key ? t('stats.releaseOf', { source: t(key), label: release.label }) : release.label;
}
