// The choices of the posting forms in the reader's language: kinds of help and the UN languages by name.
import { ASSISTANCE_KINDS, UN_LANGUAGES } from '../../api/assistance.js';
import type { Choice } from '../../components/forms.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import { kindLabel, languageNamer } from './assistance-labels.js';

export function kindChoices(t: Translate): Choice[] {
  return ASSISTANCE_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }));
}

export function languageChoices(locale: string): Choice[] {
  const name = languageNamer(locale);
  return UN_LANGUAGES.map((code) => ({ value: code, label: name(code) }));
}
