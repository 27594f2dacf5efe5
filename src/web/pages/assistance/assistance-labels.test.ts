// Why an offer is suggested, in words: each reason with its points, languages named in the reader's language.
import { describe, expect, it } from 'vitest';
import { ASSISTANCE_KINDS, type MatchReason } from '../../api/assistance.js';
import { ENGLISH, type MessageKey } from '../../i18n/messages.js';
import { kindLabel, languageNamer, reasonText } from './assistance-labels.js';

const t = (key: MessageKey, values: Record<string, string | number> = {}) =>
  ENGLISH[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

describe('technical assistance labels', () => {
  it('has a label for every kind of help', () => {
    for (const kind of ASSISTANCE_KINDS) expect(kindLabel(t, kind)).not.toMatch(/assistance\./);
    expect(kindLabel(t, 'specialised_units')).toBe('Specialised units');
  });

  it('names the shared languages in the reader’s language, with the points', () => {
    const reason: MatchReason = { criterion: 'shared_languages', points: 5, languages: ['en', 'fr'] };
    expect(reasonText(t, reason, languageNamer('en'))).toBe('Speaks English, French (+5)');
    expect(languageNamer('fr')('ar')).toBe('arabe');
  });

  it('says which country criterion gave points', () => {
    expect(reasonText(t, { criterion: 'country_named', points: 6 }, languageNamer('en'))).toBe(
      'Serves this country (+6)',
    );
    expect(reasonText(t, { criterion: 'any_country', points: 2 }, languageNamer('en'))).toBe(
      'Serves any country (+2)',
    );
  });
});
