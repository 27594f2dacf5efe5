import { describe, expect, it } from 'vitest';
import { licence, MINISTRY } from './register.fixtures.js';
import { standingOn } from './standing.js';
import { sayStanding } from './texts.js';

const FIRST = licence({ number: 'L-1', validFrom: '2020-01-01', validUntil: '2022-12-31' });
const RENEWAL = licence({ number: 'L-2', validFrom: '2023-01-01', validUntil: '2025-12-31' });

describe('one licence', () => {
  it('is licensed from its first to its last day, and says until when', () => {
    const standing = standingOn([FIRST], '2022-12-31');
    expect(standing).toMatchObject({ state: 'licensed', since: '2020-01-01', until: '2022-12-31' });
    expect(sayStanding(standing, 'en')).toBe(`Licence L-1 from ${MINISTRY} is valid until 2022-12-31.`);
  });

  it('lapses the day after its last day, the date it changed being that day', () => {
    const standing = standingOn([FIRST], '2023-01-01');
    expect(standing).toMatchObject({ state: 'lapsed', since: '2023-01-01', licence: { number: 'L-1' } });
    expect(sayStanding(standing, 'en')).toBe(
      `Licence L-1 from ${MINISTRY} expired on 2022-12-31, and no newer licence is on record.`,
    );
  });

  it('is not yet valid before its first day', () => {
    const standing = standingOn([FIRST], '2019-12-31');
    expect(standing).toMatchObject({ state: 'not_yet_valid', until: '2019-12-31' });
    expect(sayStanding(standing, 'en')).toContain('is valid only from 2020-01-01');
  });

  it('with no end date stays licensed', () => {
    const standing = standingOn([licence({ validUntil: null })], '2090-06-01');
    expect(standing).toMatchObject({ state: 'licensed', until: null, reason: { key: 'licensed_open' } });
  });

  it('with no start date counts as licensed from before anyone asks', () => {
    expect(standingOn([licence({ validFrom: null })], '1999-01-01').state).toBe('licensed');
  });
});

describe('suspension', () => {
  const suspended = licence({ status: 'suspended', statusSince: '2025-03-01', statusUntil: '2025-05-31' });

  it('is licensed before the suspension takes effect, and says so only until the day before', () => {
    expect(standingOn([suspended], '2025-02-28')).toMatchObject({ state: 'licensed', until: '2025-02-28' });
  });

  it('is suspended from its first to its last day, with both dates in words', () => {
    const standing = standingOn([suspended], '2025-04-15');
    expect(standing).toMatchObject({ state: 'suspended', since: '2025-03-01', until: '2025-05-31' });
    expect(sayStanding(standing, 'en')).toBe(
      `Licence EX-001 from ${MINISTRY} is suspended from 2025-03-01 to 2025-05-31.`,
    );
  });

  it('is licensed again after the suspension, since the day it ended', () => {
    expect(standingOn([suspended], '2025-06-01')).toMatchObject({ state: 'licensed', since: '2025-06-01' });
  });

  it('without dates is suspended, and says it without inventing a date', () => {
    const standing = standingOn([licence({ status: 'suspended' })], '2025-06-01');
    expect(standing).toMatchObject({ state: 'suspended', since: null, reason: { key: 'suspended_undated' } });
  });

  it('of a licence that has since expired reads as lapsed: the licence no longer exists', () => {
    const expired = licence({ status: 'suspended', statusSince: '2025-03-01', validUntil: '2025-12-31' });
    expect(standingOn([expired], '2026-02-01').state).toBe('lapsed');
  });
});

describe('revocation', () => {
  it('is revoked from the day it takes effect, even after the licence would have expired', () => {
    const revoked = licence({ status: 'revoked', statusSince: '2025-03-01' });
    expect(standingOn([revoked], '2025-02-28').state).toBe('licensed');
    expect(standingOn([revoked], '2025-03-01')).toMatchObject({ state: 'revoked', since: '2025-03-01' });
    expect(standingOn([revoked], '2030-01-01').state).toBe('revoked');
  });
});

describe('several licences', () => {
  it('a renewal without a gap keeps the agency licensed since the first licence, until the last', () => {
    const standing = standingOn([RENEWAL, FIRST], '2024-06-01');
    expect(standing).toMatchObject({ state: 'licensed', since: '2020-01-01', until: '2025-12-31' });
    expect(standing.licence?.number).toBe('L-2');
  });

  it('a renewal already granted extends "until" beyond the licence in force', () => {
    expect(standingOn([FIRST, RENEWAL], '2021-06-01')).toMatchObject({
      state: 'licensed',
      until: '2025-12-31',
    });
  });

  it('lapses when the last renewal ends', () => {
    expect(standingOn([FIRST, RENEWAL], '2026-01-15')).toMatchObject({
      state: 'lapsed',
      since: '2026-01-01',
      licence: { number: 'L-2' },
    });
  });

  it('in a gap between licences is lapsed, and names the renewal to come', () => {
    const late = licence({ number: 'L-2', validFrom: '2023-03-01', validUntil: '2025-12-31' });
    const standing = standingOn([FIRST, late], '2023-02-01');
    expect(standing).toMatchObject({ state: 'lapsed', since: '2023-01-01', until: '2023-02-28' });
    expect(sayStanding(standing, 'en')).toBe(
      `Licence L-1 from ${MINISTRY} expired on 2022-12-31; the next licence, L-2, is valid from 2023-03-01.`,
    );
    expect(standingOn([FIRST, late], '2023-03-01')).toMatchObject({ state: 'licensed', since: '2023-03-01' });
  });

  it('a licence granted after a revocation licenses the agency again', () => {
    const revoked = licence({ number: 'L-1', status: 'revoked', statusSince: '2022-06-01' });
    expect(standingOn([revoked, RENEWAL], '2024-01-01')).toMatchObject({
      state: 'licensed',
      since: '2023-01-01',
    });
  });

  it('a revocation after a grant withdraws it, whichever licence it strikes', () => {
    const longLicence = licence({ number: 'L-9', validFrom: '2020-01-01', validUntil: '2030-12-31' });
    const revoked = { ...RENEWAL, status: 'revoked' as const, statusSince: '2024-05-01' };
    expect(standingOn([longLicence, revoked], '2024-06-01')).toMatchObject({
      state: 'revoked',
      since: '2024-05-01',
    });
  });

  it('a suspension of the licence in force shows even though an older licence had been fine', () => {
    const suspended = { ...RENEWAL, status: 'suspended' as const, statusSince: '2024-02-01' };
    expect(standingOn([FIRST, suspended], '2024-06-01')).toMatchObject({
      state: 'suspended',
      since: '2024-02-01',
    });
  });

  it('with no licence at all is "none", in words', () => {
    const standing = standingOn([], '2024-06-01');
    expect(standing).toMatchObject({ state: 'none', since: null, licence: null });
    expect(sayStanding(standing, 'fr')).toBe('Aucune licence n’est enregistrée pour cette agence.');
  });
});
