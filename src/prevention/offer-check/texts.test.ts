// Every text the check can show exists, non-empty, in all six UN languages, with the same placeholders.
// Read from the data file itself, so that a gap is named here even if the module would refuse to load.
import { describe, expect, it } from 'vitest';
import { allTexts, gapsIn, placeholderMismatches, type Tree, textAt } from '../text-file-checks.js';
import raw from './data/texts.json' with { type: 'json' };
import { CHECKLIST_ITEM_IDS, FINDINGS, type FindingId } from './result-schemas.js';
import { CONTACT_KINDS, OFFERED_BY, PAY_PERIODS, QUESTION_IDS, WARNING_SIGNS } from './schemas.js';

const at = (path: string) => textAt(raw, path);

/** Paths of the texts the engine asks for by name. */
function requiredTexts(): string[] {
  const flagParts = (id: FindingId) =>
    FINDINGS[id].severity === 'find_out' ? ['title', 'whatToDo'] : ['title', 'explanation', 'whatToDo'];
  return [
    'questionnaire.intro',
    'questionnaire.privacy',
    ...['yes', 'no', 'unknown'].map((answer) => `answers.${answer}`),
    ...QUESTION_IDS.map((id) => `questions.${id}.text`),
    ...OFFERED_BY.map((choice) => `choices.offered_by.${choice}`),
    ...PAY_PERIODS.map((period) => `choices.period.${period}`),
    ...PAY_PERIODS.map((period) => `pay.amountPer.${period}`),
    ...WARNING_SIGNS.flatMap((sign) => ['name', 'why', 'basis'].map((part) => `signs.${sign}.${part}`)),
    ...(Object.keys(FINDINGS) as FindingId[]).flatMap((id) =>
      flagParts(id).map((part) => `findings.${id}.${part}`),
    ),
    ...['not_found', 'lapsed', 'suspended', 'revoked'].map((status) => `registerFindings.${status}`),
    ...['serious', 'warning', 'find_out'].map((severity) => `severities.${severity}`),
    ...['serious', 'warning', 'find_out', 'none'].flatMap((verdict) => [
      `summary.headline.${verdict}`,
      `summary.advice.${verdict}`,
    ]),
    'summary.skipped',
    'summary.limits',
    ...CONTACT_KINDS.map((kind) => `contacts.kinds.${kind}`),
    ...['embassy', 'iom', 'emergency'].map((fallback) => `contacts.fallback.${fallback}`),
    'contacts.demo',
    ...CHECKLIST_ITEM_IDS.map((item) => `checklist.${item}`),
  ];
}

describe('the texts of the offer check', () => {
  it('hold every question, flag, "find out" note, checklist item and label in all six languages', () => {
    expect(requiredTexts().flatMap((path) => gapsIn(path, at(path)))).toEqual([]);
  });

  it('leave no text anywhere in the file with a language missing or empty', () => {
    expect(allTexts(raw).flatMap(([path, text]) => gapsIn(path, text))).toEqual([]);
  });

  it('use the same placeholders in every language as in English', () => {
    expect(placeholderMismatches(raw)).toEqual([]);
  });

  it('refuse to load with a language missing, naming the text', async () => {
    const { OfferTexts } = await import('./texts.js');
    const broken = structuredClone(raw) as Tree;
    delete ((broken.checklist as Tree).keep_passport as Tree).ru;
    const parsed = OfferTexts.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['checklist', 'keep_passport', 'ru']);
  });
});
