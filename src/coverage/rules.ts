// The rules the coverage analysis applies, each with the sentence that says what it looks for.
export const RULES = {
  need_uncovered: {
    kind: 'gap',
    description:
      'Need is recorded (official statistics or the need table) for a country, pillar, form or target group, and no activity in the period covers it.',
  },
  need_under_covered: {
    kind: 'gap',
    description:
      'Need is recorded and activities cover it, but fewer than the minimum number of activities, or people reached are below the minimum share of people in need.',
  },
  pillar_absent: {
    kind: 'gap',
    description:
      'A country where activities take place has no activity at all in one of the pillars during the period.',
  },
  protection_without_prosecution: {
    kind: 'gap',
    description:
      'A country has protection activities but no prosecution activity during the period: victims are assisted while offenders are not pursued.',
  },
  origin_without_destination: {
    kind: 'gap',
    description:
      'Activities work on the origin side of a corridor (origin → destination), but no activity works on the destination side (chain stage demand) of the same corridor.',
  },
  unlinked_overlap: {
    kind: 'overlap',
    description:
      'Two or more organisations do the same type of activity for the same target group and form of exploitation in the same place with overlapping dates, and share neither a coordination mechanism working in that country nor a joint activity there.',
  },
} as const satisfies Record<string, { kind: 'gap' | 'overlap'; description: string }>;

export type RuleCode = keyof typeof RULES;

export function ruleList() {
  return Object.entries(RULES).map(([code, rule]) => ({
    code,
    kind: rule.kind,
    description: rule.description,
  }));
}
