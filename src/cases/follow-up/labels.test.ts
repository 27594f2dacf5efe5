// Every code of the follow-up's lists has a sentence in the interface, so nobody reads a code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../referral-rules.js';
import { CLOSURE_STATUS, MATCH_KINDS, REOPENING_REASONS } from './schemas.js';

const LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];

describe.each(LANGUAGES)('follow-up labels in %s', (language) => {
  const messages = JSON.parse(
    readFileSync(new URL(`../../web/messages/follow-up/${language}.json`, import.meta.url), 'utf8'),
  ) as Record<string, string>;

  it('names every service, closure and reopening reason and kind of match', () => {
    const keys = [
      ...SERVICES.map((code) => `followUp.service.${code}`),
      ...Object.keys(CLOSURE_STATUS).map((code) => `followUp.closure.${code}`),
      ...REOPENING_REASONS.map((code) => `followUp.reopening.${code}`),
      ...MATCH_KINDS.map((code) => `followUp.match.${code}`),
    ];
    expect(keys.filter((key) => !messages[key]?.trim())).toEqual([]);
  });

  it('says a possible duplicate by organisation only', () => {
    expect(messages['followUp.duplicates.found']).toContain('{organisation}');
  });
});
