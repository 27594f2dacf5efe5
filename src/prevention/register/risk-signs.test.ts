import { describe, expect, it } from 'vitest';
import { agency, licence } from './register.fixtures.js';
import type { RiskSign } from './result-schemas.js';
import { riskSignsOf, shownCount } from './risk-signs.js';
import type { Complaint } from './schemas.js';
import { saySign, saySmallCountRule } from './texts.js';

const AS_OF = '2026-03-15';
const LICENSED = [licence({ validFrom: '2024-01-01', validUntil: '2027-12-31' })];

const ids = (signs: RiskSign[]) => signs.map((sign) => sign.id);

function complaints(count: number, fields: Partial<Complaint> = {}): Complaint[] {
  return Array.from({ length: count }, () => ({
    receivedOn: '2026-01-10',
    category: 'fees' as const,
    status: 'received' as const,
    ...fields,
  }));
}

describe('the small-count rule', () => {
  it('shows nothing below the minimum, so that 0 and 4 look the same', () => {
    expect([0, 1, 4].map((count) => shownCount(count, 5))).toEqual([null, null, null]);
  });

  it('shows counts as "at least" the band they fall in', () => {
    expect([5, 9, 10, 19, 20, 49, 50, 99, 100, 250, 1234].map((count) => shownCount(count, 5))).toEqual([
      5, 5, 10, 10, 20, 20, 50, 50, 100, 200, 1000,
    ]);
  });

  it('starts the bands at a minimum that is not one of them', () => {
    expect([2, 3, 4, 7].map((count) => shownCount(count, 3))).toEqual([null, 3, 3, 5]);
  });

  it('is stated in words in every language', () => {
    expect(saySmallCountRule(5, 'en')).toBe(
      'Complaints and referrals are shown only from 5 on, and then as “at least” a round number, so that no single complaint or person can be recognised. Below 5 nothing is shown, which does not mean there are none.',
    );
  });
});

describe('licence signs', () => {
  it('a licensed agency with nothing against it shows no sign', () => {
    expect(riskSignsOf(agency({ licences: LICENSED }), { asOf: AS_OF, linkedReferrals: 0 })).toEqual([]);
  });

  it('no licence, a lapsed, suspended or revoked licence each show their serious sign', () => {
    const cases = [
      [[], 'no_licence'],
      [[licence({ validUntil: '2025-12-31' })], 'licence_lapsed'],
      [[licence({ validUntil: null, status: 'suspended' })], 'licence_suspended'],
      [[licence({ validUntil: null, status: 'revoked', statusSince: '2026-01-01' })], 'licence_revoked'],
    ] as const;
    for (const [licences, id] of cases) {
      const signs = riskSignsOf(agency({ licences: [...licences] }), { asOf: AS_OF, linkedReferrals: 0 });
      expect(signs.map(({ id, severity }) => ({ id, severity }))).toEqual([{ id, severity: 'serious' }]);
    }
  });

  it('a licence not valid yet is a warning with the day it starts', () => {
    const [sign] = riskSignsOf(
      agency({ licences: [licence({ validFrom: '2026-06-01', validUntil: '2028-05-31' })] }),
      {
        asOf: AS_OF,
        linkedReferrals: 0,
      },
    );
    expect(sign && saySign(sign, 'en')).toBe(
      'The agency’s licence is not valid yet: it may not operate before 2026-06-01.',
    );
  });
});

describe('sanctions and inspections', () => {
  it('a lasting sanction in force is serious and named in the reader’s language', () => {
    const signs = riskSignsOf(
      agency({
        licences: LICENSED,
        sanctions: [{ imposedOn: '2025-01-01', kind: 'ban', until: null, authority: null }],
      }),
      { asOf: AS_OF, linkedReferrals: 0 },
    );
    expect(ids(signs)).toEqual(['sanction_in_force']);
    expect(saySign(signs[0] as RiskSign, 'es')).toBe(
      'Desde el 2025-01-01 está en vigor una sanción de las autoridades: la prohibición de operar.',
    );
  });

  it('a fine in the window is a recent sanction; a fine before it, or a sanction that ended long ago, is not', () => {
    const fine = { imposedOn: '2025-10-01', kind: 'fine' as const, until: null, authority: null };
    const old = {
      imposedOn: '2024-10-01',
      kind: 'suspension' as const,
      until: '2024-12-31',
      authority: null,
    };
    const signs = riskSignsOf(agency({ licences: LICENSED, sanctions: [fine, old] }), {
      asOf: AS_OF,
      linkedReferrals: 0,
    });
    expect(signs).toEqual([
      expect.objectContaining({ id: 'recent_sanction', severity: 'warning', sanction: 'fine' }),
    ]);
    const oldOnly = riskSignsOf(agency({ licences: LICENSED, sanctions: [old] }), {
      asOf: AS_OF,
      linkedReferrals: 0,
    });
    expect(oldOnly).toEqual([]);
  });

  it('a sanction in force and a fine in the window both show', () => {
    const ban = { imposedOn: '2025-01-01', kind: 'ban' as const, until: null, authority: null };
    const fine = { imposedOn: '2025-10-01', kind: 'fine' as const, until: null, authority: null };
    const signs = riskSignsOf(agency({ licences: LICENSED, sanctions: [fine, ban] }), {
      asOf: AS_OF,
      linkedReferrals: 0,
    });
    expect(signs.map((sign) => [sign.id, sign.sanction])).toEqual([
      ['sanction_in_force', 'ban'],
      ['recent_sanction', 'fine'],
    ]);
  });

  it('only the latest inspection speaks: violations show until a clean inspection follows', () => {
    const bad = { date: '2025-11-01', outcome: 'violations' as const, authority: null };
    const clean = { date: '2026-02-01', outcome: 'compliant' as const, authority: null };
    const facts = { asOf: AS_OF, linkedReferrals: 0 };
    expect(ids(riskSignsOf(agency({ licences: LICENSED, inspections: [bad] }), facts))).toEqual([
      'inspection_violations',
    ]);
    expect(riskSignsOf(agency({ licences: LICENSED, inspections: [bad, clean] }), facts)).toEqual([]);
    const absent = { date: '2026-03-01', outcome: 'not_at_address' as const, authority: null };
    expect(ids(riskSignsOf(agency({ licences: LICENSED, inspections: [clean, absent] }), facts))).toEqual([
      'not_at_address',
    ]);
  });
});

describe('complaints, counted and suppressed', () => {
  const signsWith = (list: Complaint[], rules = {}) =>
    riskSignsOf(agency({ licences: LICENSED, complaints: list }), { asOf: AS_OF, linkedReferrals: 0, rules });

  it('takes the count the database gives instead of the list, for readers who may not see complaints', () => {
    const counted = (count: number) =>
      riskSignsOf(agency({ licences: LICENSED }), {
        asOf: AS_OF,
        linkedReferrals: 0,
        countedComplaints: count,
      });
    expect(counted(4)).toEqual([]);
    expect(counted(12).map((sign) => [sign.id, sign.values.count])).toEqual([['complaints', '10']]);
  });

  it('four complaints show nothing at all', () => {
    expect(signsWith(complaints(4))).toEqual([]);
  });

  it('twelve complaints show as "at least 10", never as twelve', () => {
    const [sign] = signsWith(complaints(12));
    expect(sign).toMatchObject({
      id: 'complaints',
      severity: 'warning',
      values: { count: '10', months: '12' },
    });
    expect(saySign(sign as RiskSign, 'en')).toBe(
      'At least 10 complaints about this agency were received in the last 12 months.',
    );
  });

  it('dismissed and withdrawn complaints, and those before the window, are not counted', () => {
    const list = [
      ...complaints(3),
      ...complaints(3, { status: 'dismissed' }),
      ...complaints(3, { status: 'withdrawn' }),
      ...complaints(3, { receivedOn: '2025-03-15' }),
    ];
    expect(signsWith(list)).toEqual([]);
    expect(signsWith([...list, ...complaints(2, { status: 'upheld' })])).toHaveLength(1);
  });

  it('a threshold above the minimum holds the sign back until it is reached', () => {
    expect(signsWith(complaints(7), { complaintThreshold: 8 })).toEqual([]);
    expect(ids(signsWith(complaints(8), { complaintThreshold: 8 }))).toEqual(['complaints']);
  });

  it('a threshold below the minimum cannot show a small count', () => {
    expect(signsWith(complaints(2), { complaintThreshold: 1 })).toEqual([]);
  });
});

describe('referrals, in aggregate only', () => {
  it('follow the same rule, and come first as a serious sign', () => {
    const many = agency({ licences: LICENSED, complaints: complaints(6) });
    expect(riskSignsOf(many, { asOf: AS_OF, linkedReferrals: 4 }).map((sign) => sign.id)).toEqual([
      'complaints',
    ]);
    const signs = riskSignsOf(many, { asOf: AS_OF, linkedReferrals: 23 });
    expect(signs.map(({ id, values }) => ({ id, count: values.count }))).toEqual([
      { id: 'referrals', count: '20' },
      { id: 'complaints', count: '5' },
    ]);
  });
});
