// What a referral may carry and how it moves. Minimum necessary: each service receives only the personal
// fields and case facts it needs to help, and nothing once the referral is no longer open.
import { z } from 'zod';
import { PlainText } from '../platform/fields.js';
import { type CaseFacts, CaseFacts as CaseFactsSchema, PERSON_FIELDS } from './schemas.js';

export const SERVICES = [
  'shelter',
  'food',
  'health_care',
  'psychological_support',
  'counselling',
  'legal_aid',
  'interpretation',
  'family_tracing',
  'education',
  'vocational_training',
  'employment_assistance',
  'repatriation',
  'reintegration',
  'case_management',
] as const;
export const Service = z
  .enum(SERVICES)
  .describe('The service asked for; it decides which personal fields and facts the receiver sees');
export type Service = z.infer<typeof Service>;

type PersonField = (typeof PERSON_FIELDS)[number];
type FactField = keyof CaseFacts;

const AGE_AND_SEX: FactField[] = ['sex', 'gender', 'ageBandAtIdentification'];
const EXPLOITATION: FactField[] = ['formsOfExploitation', 'meansOfControl'];
const COUNTRIES: FactField[] = [
  'citizenship',
  'recruitmentCountries',
  'transitCountries',
  'exploitationCountries',
];
const ALL_FACTS = Object.keys(CaseFactsSchema.shape) as FactField[];

/** Per service: the person's fields and the case's facts the receiver needs, and no more. */
export const MINIMUM_NECESSARY: Record<Service, { person: PersonField[]; facts: FactField[] }> = {
  shelter: { person: ['names', 'contacts'], facts: AGE_AND_SEX },
  food: { person: ['names'], facts: AGE_AND_SEX },
  health_care: { person: ['names', 'dateOfBirth', 'contacts'], facts: [...AGE_AND_SEX, ...EXPLOITATION] },
  psychological_support: { person: ['names', 'contacts'], facts: [...AGE_AND_SEX, ...EXPLOITATION] },
  counselling: { person: ['names', 'contacts'], facts: [...AGE_AND_SEX, ...EXPLOITATION] },
  legal_aid: { person: ['names', 'dateOfBirth', 'contacts', 'identityDocuments'], facts: ALL_FACTS },
  interpretation: { person: ['names'], facts: ['citizenship'] },
  family_tracing: {
    person: ['names', 'dateOfBirth', 'addresses'],
    facts: ['citizenship', 'recruitmentCountries'],
  },
  education: { person: ['names', 'dateOfBirth', 'contacts'], facts: AGE_AND_SEX },
  vocational_training: { person: ['names', 'dateOfBirth', 'contacts'], facts: AGE_AND_SEX },
  employment_assistance: { person: ['names', 'dateOfBirth', 'contacts'], facts: AGE_AND_SEX },
  repatriation: { person: ['names', 'dateOfBirth', 'identityDocuments', 'addresses'], facts: COUNTRIES },
  reintegration: { person: ['names', 'contacts', 'addresses'], facts: [...AGE_AND_SEX, 'citizenship'] },
  case_management: { person: [...PERSON_FIELDS], facts: ALL_FACTS },
};

export const REFERRAL_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'closed',
] as const;
export const ReferralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatus>;
export const OPEN_STATUSES: readonly ReferralStatus[] = ['requested', 'accepted', 'in_progress'];

/** The stages of a transnational referral, from identification to proceedings. */
export const CROSS_BORDER_STAGES = [
  'identification',
  'first_assistance_and_protection',
  'long_term_assistance_and_social_inclusion',
  'return_and_social_inclusion',
  'criminal_and_civil_proceedings',
] as const;
export const CrossBorderStage = z.enum(CROSS_BORDER_STAGES);

type Side = 'sender' | 'receiver';

/** Who may move a referral from one status to the next, and whether they must say why. */
const TRANSITIONS: Record<ReferralStatus, Partial<Record<ReferralStatus, { by: Side; reason: boolean }>>> = {
  requested: {
    accepted: { by: 'receiver', reason: false },
    declined: { by: 'receiver', reason: true },
    closed: { by: 'sender', reason: true },
  },
  accepted: {
    in_progress: { by: 'receiver', reason: false },
    completed: { by: 'receiver', reason: false },
    closed: { by: 'sender', reason: true },
  },
  in_progress: {
    completed: { by: 'receiver', reason: false },
    closed: { by: 'sender', reason: true },
  },
  declined: {},
  completed: {},
  closed: {},
};

export type TransitionCheck = { allowed: true; needsReason: boolean } | { allowed: false; why: string };

export function checkTransition(from: ReferralStatus, to: ReferralStatus, side: Side): TransitionCheck {
  const rule = TRANSITIONS[from][to];
  if (!rule) {
    const next = Object.keys(TRANSITIONS[from]);
    return {
      allowed: false,
      why: next.length
        ? `a ${from} referral can become ${next.join(', ')}, not ${to}`
        : `a ${from} referral is finished and does not change any more`,
    };
  }
  if (rule.by !== side)
    return {
      allowed: false,
      why: `only the ${rule.by === 'sender' ? 'referring' : 'receiving'} organisation makes a referral ${to}`,
    };
  return { allowed: true, needsReason: rule.reason };
}

/** The changes this side may make now, each saying whether it needs a reason: what the UI offers. */
export function nextMoves(
  from: ReferralStatus,
  side: Side,
): { status: ReferralStatus; needsReason: boolean }[] {
  return Object.entries(TRANSITIONS[from])
    .filter(([, rule]) => rule.by === side)
    .map(([status, rule]) => ({ status: status as ReferralStatus, needsReason: rule.reason }));
}

export const Reason = PlainText(1000).min(10).describe('Why, in a sentence (at least 10 characters)');
