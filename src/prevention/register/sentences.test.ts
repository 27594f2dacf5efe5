// Every sentence the engine builds, in every language, has a value for each of its placeholders: a reader
// never sees "{since}". The sentences come from real standings, signs, matches and notes, not from the file.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../reference/schemas.js';
import { lookUpAgency } from './lookup.js';
import { agency, exampleRegister, licence } from './register.fixtures.js';
import { RISK_SIGNS } from './result-schemas.js';
import type { LookupQuery } from './schemas.js';
import { sayMatch, sayNote, saySign, saySmallCountRule, sayStanding } from './texts.js';

const AS_OF = '2026-03-15';

/** Agencies in every standing and with every sign, and queries that give every note. */
function everyCase() {
  const troubled = agency({
    id: 'troubled',
    name: 'Troubled Placement Agency',
    licences: [
      licence({
        status: 'suspended',
        statusSince: '2026-01-01',
        statusUntil: '2026-06-30',
        validUntil: null,
      }),
    ],
    sanctions: [
      { imposedOn: '2026-01-01', kind: 'suspension', until: '2026-06-30', authority: null },
      { imposedOn: '2025-09-01', kind: 'fine', until: null, authority: null },
    ],
    inspections: [{ date: '2025-12-01', outcome: 'not_at_address', authority: null }],
    complaints: Array.from({ length: 7 }, () => ({
      receivedOn: '2026-02-01',
      category: 'deception',
      status: 'received',
    })),
  });
  const renewing = agency({
    id: 'renewing',
    name: 'Renewing Travel',
    licences: [
      licence({ validUntil: '2026-01-31' }),
      licence({ number: 'EX-002', validFrom: '2026-05-01', validUntil: '2028-04-30' }),
    ],
  });
  const early = agency({
    id: 'early',
    name: 'Early Agency',
    licences: [licence({ validFrom: '2026-05-01', validUntil: '2028-04-30' })],
  });
  const unlicensed = agency({
    id: 'unlicensed',
    name: 'Unlicensed Agency',
    inspections: [{ date: '2026-02-01', outcome: 'violations', authority: null }],
  });
  const register = [...exampleRegister(), troubled, renewing, early, unlicensed];
  const queries: LookupQuery[] = [
    { country: 'PHL' },
    { name: 'Sunrise Manpower' },
    { name: 'Atlas Recruitmant' },
    { name: 'Atlas Recruitment', licenceNumber: 'nope' },
    { name: 'Golden Gate', licenceNumber: 'POEA-123-LB' },
    { name: 'Atlas', country: 'NPL' },
    { name: 'Nowhere' },
    { name: 'Atlas Manpower' },
  ];
  const withReferrals = new Map([['troubled', 60]]);
  return queries.map((query) =>
    lookUpAgency(register, query, { asOf: AS_OF, linkedReferrals: withReferrals }),
  );
}

describe('the sentences the engine builds', () => {
  it('fill every placeholder in every language', () => {
    const results = everyCase();
    const sentences = LANGUAGES.flatMap((language) => [
      saySmallCountRule(5, language),
      ...results.flatMap(({ answer, matches }) => [
        ...(answer.note ? [sayNote(answer.note, language)] : []),
        ...matches.flatMap(({ entry, why }) => [
          sayMatch(why, language),
          sayStanding(entry.standing, language),
          ...entry.signs.map((sign) => saySign(sign, language)),
        ]),
      ]),
    ]);
    expect(sentences.length).toBeGreaterThan(200);
    expect(sentences.filter((sentence) => /\{\w+\}/.test(sentence))).toEqual([]);
  });

  it('cover every sign the engine has', () => {
    const signs = new Set(
      everyCase().flatMap(({ matches }) =>
        matches.flatMap(({ entry }) => entry.signs.map((sign) => sign.id)),
      ),
    );
    expect([...signs].sort()).toEqual([...RISK_SIGNS].sort());
  });
});
