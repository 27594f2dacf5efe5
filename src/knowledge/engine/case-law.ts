// The elements of trafficking a court's decision is described by (Palermo Protocol, art. 3(a)): the act,
// the means, and (as forms of exploitation, from the shared code list) the purpose; and its outcome.

/** The acts: recruitment, transportation, transfer, harbouring or receipt of persons. */
export const PALERMO_ACTS = ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt'] as const;

/**
 * The means: threat or use of force or other forms of coercion, abduction, fraud, deception, abuse of
 * power or of a position of vulnerability, giving or receiving payments to a person in control.
 */
export const PALERMO_MEANS = [
  'threat',
  'use_of_force',
  'coercion',
  'abduction',
  'fraud',
  'deception',
  'abuse_of_power',
  'abuse_of_vulnerability',
  'payments_to_controller',
] as const;

/** What the court decided, for the defendants taken together. */
export const CASE_OUTCOMES = [
  'conviction',
  'partial_conviction',
  'acquittal',
  'dismissed',
  'pending',
  'other',
] as const;
