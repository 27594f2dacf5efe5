// What the register's engine answers: a licence standing with its reason, risk signs, ranked matches and the
// answer the job-offer check takes. Every sentence is a key into data/texts.json with the values it fills in,
// so that the API can answer in any of the six languages and the web page in the reader's.
import { z } from 'zod';
import { IsoDate } from '../../platform/fields.js';
import { RegisterLookup } from '../offer-check/schemas.js';
import { Agency, Inspection, Licence, Sanction, SanctionKind } from './schemas.js';

export const LICENCE_STATES = [
  'licensed',
  'lapsed',
  'suspended',
  'revoked',
  'not_yet_valid',
  'none',
] as const;
export const LicenceState = z.enum(LICENCE_STATES);
export type LicenceState = z.infer<typeof LicenceState>;

export const STANDING_REASONS = [
  'licensed_until',
  'licensed_open',
  'lapsed',
  'lapsed_renewal_pending',
  'suspended',
  'suspended_until',
  'suspended_undated',
  'revoked',
  'revoked_undated',
  'not_yet_valid',
  'none',
] as const;
export const StandingReasonKey = z.enum(STANDING_REASONS);
export type StandingReasonKey = z.infer<typeof StandingReasonKey>;

/** Values a sentence fills in: dates (YYYY-MM-DD), numbers and names, all as text. */
export const TextValues = z.record(z.string(), z.string());
export type TextValues = z.infer<typeof TextValues>;

export const LicenceRef = z.object({ number: z.string(), issuingAuthority: z.string() });
export type LicenceRef = z.infer<typeof LicenceRef>;

export const LicenceStanding = z.object({
  state: LicenceState,
  since: IsoDate.nullable().describe('When the agency entered this state, as far as the register knows'),
  until: IsoDate.nullable().describe('The last day of this state the register already knows of'),
  licence: LicenceRef.nullable().describe('The licence that decides the standing'),
  reason: z.object({ key: StandingReasonKey, values: TextValues }),
});
export type LicenceStanding = z.infer<typeof LicenceStanding>;

export const RISK_SIGNS = [
  'no_licence',
  'licence_lapsed',
  'licence_not_yet_valid',
  'licence_suspended',
  'licence_revoked',
  'sanction_in_force',
  'recent_sanction',
  'inspection_violations',
  'not_at_address',
  'complaints',
  'referrals',
] as const;
export const RiskSignId = z.enum(RISK_SIGNS);
export type RiskSignId = z.infer<typeof RiskSignId>;

export const RiskSeverity = z.enum(['serious', 'warning']);
export type RiskSeverity = z.infer<typeof RiskSeverity>;

export const RiskSign = z.object({
  id: RiskSignId,
  severity: RiskSeverity,
  text: z.string().describe('The sentence key in the texts file, for example "signs.complaints"'),
  values: TextValues,
  sanction: SanctionKind.optional().describe('For a sanction sign: its kind, named in the reader’s language'),
});
export type RiskSign = z.infer<typeof RiskSign>;

export const MATCH_REASONS = [
  'licence_number',
  'name',
  'other_name',
  'similar_name',
  'similar_other_name',
  'country',
] as const;
export const MatchReason = z.enum(MATCH_REASONS);
export type MatchReason = z.infer<typeof MatchReason>;

/** How sure a match is: the licence number, the name as written, a name that only looks alike, the country. */
export const MatchStrength = z.enum(['licence', 'exact_name', 'similar_name', 'country']);
export type MatchStrength = z.infer<typeof MatchStrength>;

export const LOOKUP_NOTES = [
  'found_by_name_only',
  'similar_names',
  'name_not_exact',
  'licence_not_found',
  'licence_of_other_agency',
  'same_licence_number',
  'country_not_covered',
  'licence_not_yet_valid',
  'give_name_or_licence',
  'not_found',
] as const;
export const LookupNoteKey = z.enum(LOOKUP_NOTES);
export type LookupNoteKey = z.infer<typeof LookupNoteKey>;

export const LookupNote = z.object({ key: LookupNoteKey, values: TextValues });
export type LookupNote = z.infer<typeof LookupNote>;

/** The register's answer for the job-offer check, with the note a person reads beside it. */
export const RegisterAnswer = z.object({
  lookup: RegisterLookup,
  note: LookupNote.nullable(),
  agencyId: z.string().nullable().describe('The agency the answer is about, when it is about exactly one'),
});
export type RegisterAnswer = z.infer<typeof RegisterAnswer>;

/** An agency as the public look-up shows it: complaints only as a sign's banded count, never as a list. */
export const PublicEntry = Agency.extend({
  id: z.string().nullable(),
  licences: z.array(Licence),
  standing: LicenceStanding,
  signs: z.array(RiskSign),
  lastInspection: Inspection.nullable(),
  sanctionsInForce: z.array(Sanction),
});
export type PublicEntry = z.infer<typeof PublicEntry>;

export const LookupMatch = z.object({
  entry: PublicEntry,
  strength: MatchStrength,
  score: z.number().min(0).max(1),
  why: z.object({ reason: MatchReason, values: TextValues }),
});
export type LookupMatch = z.infer<typeof LookupMatch>;

export const LookupResult = z.object({ matches: z.array(LookupMatch), answer: RegisterAnswer });
export type LookupResult = z.infer<typeof LookupResult>;
