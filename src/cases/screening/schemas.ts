// The shapes of a screening's answers and of its result, shared by the CLI, the API and the web wizard.
import { z } from 'zod';
import { ELEMENTS, STRENGTHS } from './rules.js';

export const Answer = z.enum(['yes', 'no', 'unknown']);
export type Answer = z.infer<typeof Answer>;

export const OUTCOMES = [
  'presumed_trafficking',
  'possible_trafficking',
  'smuggling_indicated',
  'irregular_migration',
  'insufficient_information',
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

export const ScreeningAnswers = z
  .object({
    rulesVersion: z
      .string()
      .optional()
      .describe('The rule version to screen with; the current one when left out'),
    description: z
      .string()
      .max(2000)
      .optional()
      .describe('A note for whoever reads the file; never a name or other personal data. Not used to screen'),
    ageAtRecruitment: z
      .number()
      .int()
      .min(0)
      .max(120)
      .nullable()
      .optional()
      .describe('Age in years when recruited or when exploitation began; null or left out when not known'),
    answers: z
      .record(z.string(), Answer)
      .default({})
      .describe('Question code → yes, no or unknown; a question left out counts as unknown'),
    indicators: z.array(z.string()).default([]).describe('Codes of the operational indicators observed'),
  })
  .strict();
export type ScreeningAnswers = z.infer<typeof ScreeningAnswers>;

export const ElementStatus = z.enum(['found', 'indicated', 'ruled_out', 'unknown', 'not_required']);
export type ElementStatus = z.infer<typeof ElementStatus>;

export const ElementFinding = z.object({
  element: z.enum(ELEMENTS),
  status: ElementStatus,
  answeredYes: z.array(z.string()).describe('Questions of this element answered yes'),
  indicatorWeight: z.number().describe('The summed weight of the indicators of this element'),
});
export type ElementFinding = z.infer<typeof ElementFinding>;

export const WeighedIndicator = z.object({
  code: z.string(),
  element: z.enum(ELEMENTS),
  strength: z.enum(STRENGTHS),
  weight: z.number(),
  label: z.string(),
});

export const ScreeningResult = z.object({
  rulesVersion: z.string(),
  language: z.string(),
  outcome: Outcome.describe('The main outcome'),
  outcomes: z.array(Outcome).describe('Every outcome the facts support, the main one first'),
  child: z
    .boolean()
    .nullable()
    .describe('Whether the person was a child when recruited; null when the age is not known'),
  elements: z.array(ElementFinding),
  found: z.array(z.string()).describe('The elements found or indicated, in words'),
  missing: z.array(z.string()).describe('The elements not established, in words'),
  indicators: z.array(WeighedIndicator),
  reasons: z.array(z.string()).describe('Why, in plain sentences in the requested language'),
  summary: z.string(),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;
