// Screening rules are versioned data: which questions and indicators exist, what each weighs and how much
// weight makes an element indicated. A result keeps the version it was made with, so that an old screening
// can be read again with the rules of its day after the rules change.
import { z } from 'zod';
import { Labels } from '../../reference/schemas.js';
import rules2026 from './rules/2026.1.json' with { type: 'json' };

export const ELEMENTS = ['act', 'means', 'purpose'] as const;
export type Element = (typeof ELEMENTS)[number];

/** What a question is about: one of the three legal elements, or the facts that tell smuggling and irregular migration apart. */
export const TOPICS = [...ELEMENTS, 'migration', 'smuggling', 'consent'] as const;
export type Topic = (typeof TOPICS)[number];

export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof STRENGTHS)[number];

const Code = z.string().regex(/^[a-z][a-z0-9_]*$/);

export const ScreeningRules = z
  .object({
    version: z.string().regex(/^\d{4}\.\d+$/),
    childUnder: z.number().int().positive(),
    weights: z.object({
      strong: z.number().positive(),
      medium: z.number().positive(),
      weak: z.number().positive(),
    }),
    indicatedAt: z.number().positive(),
    elements: z.object({ act: Labels, means: Labels, purpose: Labels }),
    questions: z.array(z.object({ code: Code, topic: z.enum(TOPICS), label: Labels, question: Labels })),
    indicators: z.array(
      z.object({ code: Code, element: z.enum(ELEMENTS), strength: z.enum(STRENGTHS), label: Labels }),
    ),
  })
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    for (const { code } of [...rules.questions, ...rules.indicators]) {
      if (seen.has(code)) context.addIssue({ code: 'custom', message: `the code "${code}" is used twice` });
      seen.add(code);
    }
    for (const required of REQUIRED_QUESTIONS)
      if (!rules.questions.some((question) => question.code === required))
        context.addIssue({ code: 'custom', message: `the rules lack the question "${required}"` });
  });
export type ScreeningRules = z.infer<typeof ScreeningRules>;

/** Questions the engine reasons with by name, beyond counting what each element holds. */
export const REQUIRED_QUESTIONS = [
  'crossed_border',
  'irregular_entry_or_stay',
  'entry_procured_by_other',
  'paid_for_crossing',
  'free_on_arrival',
  'consented',
] as const;

const RULES: ReadonlyMap<string, ScreeningRules> = new Map(
  [rules2026].map((data) => {
    const rules = ScreeningRules.parse(data);
    return [rules.version, rules];
  }),
);

export const RULE_VERSIONS = [...RULES.keys()].sort();
export const CURRENT_RULE_VERSION = RULE_VERSIONS[RULE_VERSIONS.length - 1] as string;

export function rulesFor(version: string = CURRENT_RULE_VERSION): ScreeningRules | undefined {
  return RULES.get(version);
}
