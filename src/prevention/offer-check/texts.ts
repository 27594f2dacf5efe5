// The check's words in the six UN languages (data/texts.json), checked when the module loads so that a
// missing or empty text stops the server at start rather than leaving a blank line in front of someone.
import { z } from 'zod';
import raw from './data/texts.json' with { type: 'json' };
import { ChecklistItemId, FINDINGS, FindingId, Verdict } from './result-schemas.js';
import { ContactKind, OfferedBy, PayPeriod, QuestionId, Severity, WarningSign, YesNo } from './schemas.js';

const Line = z.string().trim().min(1);
export const Text = z.strictObject({ ar: Line, zh: Line, en: Line, fr: Line, ru: Line, es: Line });
export type Text = z.infer<typeof Text>;

const FindingTexts = z.strictObject({ title: Text, explanation: Text.optional(), whatToDo: Text });

const RegisterFinding = z.enum(['not_found', 'lapsed', 'suspended', 'revoked']);

export const OfferTexts = z
  .strictObject({
    version: z.string(),
    questionnaire: z.strictObject({ intro: Text, privacy: Text }),
    answers: z.record(YesNo, Text),
    questions: z.record(QuestionId, z.strictObject({ text: Text, help: Text.optional() })),
    choices: z.strictObject({ offered_by: z.record(OfferedBy, Text), period: z.record(PayPeriod, Text) }),
    signs: z.record(WarningSign, z.strictObject({ name: Text, why: Text, basis: Text })),
    findings: z.record(FindingId, FindingTexts),
    registerFindings: z.record(RegisterFinding, Text),
    pay: z.strictObject({
      amountPer: z.record(PayPeriod, Text),
      offeredAsGiven: Text,
      offeredPerHour: Text,
      minimumAsGiven: Text,
      minimumPerHour: Text,
      assumptionMonth: Text,
      assumptionYourWeek: Text,
      assumptionFilledWeek: Text,
      assumptionMinimumWeek: Text,
      assumptionDefaultWeek: Text,
    }),
    severities: z.record(Severity, Text),
    words: z.strictObject({ countryNotGiven: Text }),
    summary: z.strictObject({
      headline: z.record(Verdict, Text),
      advice: z.record(Verdict, Text),
      skipped: Text,
      limits: Text,
    }),
    contacts: z.strictObject({
      kinds: z.record(ContactKind, Text),
      fallback: z.strictObject({ embassy: Text, iom: Text, emergency: Text }),
      demo: Text,
    }),
    checklist: z.record(ChecklistItemId, Text),
  })
  .superRefine((texts, context) => {
    // A flag tells what the answer means; a "find out" note borrows its sign's reason instead.
    for (const [id, { severity }] of Object.entries(FINDINGS)) {
      const hasExplanation = texts.findings[id as FindingId].explanation !== undefined;
      if (hasExplanation !== (severity !== 'find_out'))
        context.addIssue({
          code: 'custom',
          path: ['findings', id, 'explanation'],
          message: severity === 'find_out' ? 'a "find out" note has no explanation' : 'a flag needs one',
        });
    }
  });
export type OfferTexts = z.infer<typeof OfferTexts>;

export const OFFER_TEXTS: OfferTexts = OfferTexts.parse(raw);

export { CONTACT_KIND_ORDER } from './constants.js';
export { fill, say, type Values } from './fill.js';
