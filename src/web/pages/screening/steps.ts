// The wizard's steps, one group of questions each: the means step is left out for a child, for whom the
// law needs no means (Palermo Protocol, art. 3(c)). Pure, so that the order is tested without a browser.
import type { Questionnaire } from './screening-api.js';

export const STEPS = ['person', 'act', 'means', 'purpose', 'border', 'indicators', 'result'] as const;
export type Step = (typeof STEPS)[number];

/** Which questions each question step asks, by the rules' topics. */
export const STEP_TOPICS: Partial<Record<Step, readonly string[]>> = {
  act: ['act'],
  means: ['means', 'consent'],
  purpose: ['purpose'],
  border: ['migration', 'smuggling'],
};

export function isChild(age: number | null, childUnder: number): boolean {
  return age !== null && age < childUnder;
}

export function stepsFor(age: number | null, childUnder: number): Step[] {
  return STEPS.filter((step) => step !== 'means' || !isChild(age, childUnder));
}

export function questionsOf(questionnaire: Questionnaire, step: Step) {
  const topics = STEP_TOPICS[step] ?? [];
  return questionnaire.questions.filter((question) => topics.includes(question.topic));
}

/** The age field as typed: empty means not known; anything else must be a whole number from 0 to 120. */
export function parseAge(text: string): { ok: true; age: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, age: null };
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false };
  const age = Number(trimmed);
  return age <= 120 ? { ok: true, age } : { ok: false };
}
