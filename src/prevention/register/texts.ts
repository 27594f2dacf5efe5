// The register's words in the six UN languages (data/texts.json), checked when the module loads, as the
// job-offer check's are (and with its helpers), so that a missing text stops the server at start rather than
// leaving a blank line in front of someone deciding whether to trust an agency.
import { z } from 'zod';
import type { Language } from '../../reference/schemas.js';
import { RegisterStatus } from '../offer-check/schemas.js';
import { say, Text, type Values } from '../offer-check/texts.js';
import raw from './data/texts.json' with { type: 'json' };
import {
  type LicenceStanding,
  LicenceState,
  type LookupNote,
  LookupNoteKey,
  MatchReason,
  RiskSeverity,
  type RiskSign,
  RiskSignId,
  StandingReasonKey,
  type TextValues,
} from './result-schemas.js';
import { AgencyKind, InspectionOutcome, IssuedStatus, SanctionKind } from './schemas.js';

export const RegisterTexts = z.strictObject({
  version: z.string(),
  kinds: z.record(AgencyKind, Text),
  states: z.record(LicenceState, Text),
  issuedStatuses: z.record(IssuedStatus, Text),
  sanctionKinds: z.record(SanctionKind, Text),
  inspectionOutcomes: z.record(InspectionOutcome, Text),
  severities: z.record(RiskSeverity, Text),
  reasons: z.record(StandingReasonKey, Text),
  signs: z.record(RiskSignId, Text),
  matches: z.record(MatchReason, Text),
  notes: z.record(LookupNoteKey, Text),
  /** The answer to "is this agency licensed?" for each answer the look-up gives. */
  answers: z.record(RegisterStatus, Text),
  rules: z.strictObject({ smallCounts: Text }),
});
export type RegisterTexts = z.infer<typeof RegisterTexts>;

export const REGISTER_TEXTS: RegisterTexts = RegisterTexts.parse(raw);

/** Why the agency stands as it does, in one sentence: "Licence 123 from the Ministry … expired on 2026-01-31 …". */
export function sayStanding(standing: LicenceStanding, language: Language): string {
  return say(REGISTER_TEXTS.reasons[standing.reason.key], language, standing.reason.values);
}

/** A risk sign's sentence; a sanction's kind is named in the same language as the sentence around it. */
export function saySign(sign: RiskSign, language: Language): string {
  const values: Values = sign.sanction
    ? { ...sign.values, sanction: say(REGISTER_TEXTS.sanctionKinds[sign.sanction], language) }
    : sign.values;
  return say(REGISTER_TEXTS.signs[sign.id], language, values);
}

export function sayMatch(why: { reason: MatchReason; values: TextValues }, language: Language): string {
  return say(REGISTER_TEXTS.matches[why.reason], language, why.values);
}

export function sayNote(note: LookupNote, language: Language): string {
  return say(REGISTER_TEXTS.notes[note.key], language, note.values);
}

/** "Is this agency licensed?" answered in one sentence. */
export function sayAnswer(status: RegisterStatus, language: Language): string {
  return say(REGISTER_TEXTS.answers[status], language);
}

/** The small-count rule in words, for the look-up page and the API's description of a count. */
export function saySmallCountRule(minimum: number, language: Language): string {
  return say(REGISTER_TEXTS.rules.smallCounts, language, { minimum: String(minimum) });
}
