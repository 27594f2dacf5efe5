// Words for technical assistance in the reader's language: kinds of help, statuses, languages by their
// names, and why an offer is suggested, as one sentence per reason.
import type { MatchReason } from '../../api/assistance.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

export function kindLabel(t: Translate, kind: string): string {
  return t(`assistance.kind.${kind}` as MessageKey);
}

export function needStatusLabel(t: Translate, status: string): string {
  return t(`assistance.needStatus.${status}` as MessageKey);
}

export function offerStatusLabel(t: Translate, status: string): string {
  return t(`assistance.offerStatus.${status}` as MessageKey);
}

/** A language's name in the reader's language, from the browser's own data (never typed by hand). */
export function languageNamer(locale: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return (code) => names.of(code) ?? code;
}

/** Why an offer is suggested, with the points the reason gave. */
export function reasonText(
  t: Translate,
  reason: MatchReason,
  languageName: (code: string) => string,
): string {
  const points = reason.points;
  if (reason.criterion === 'shared_languages')
    return t('assistance.reason.shared_languages', {
      languages: reason.languages.map(languageName).join(', '),
      points,
    });
  return t(`assistance.reason.${reason.criterion}` as MessageKey, { points });
}
