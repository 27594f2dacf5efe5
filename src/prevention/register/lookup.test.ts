import { describe, expect, it } from 'vitest';
import { findAgencies, lookUpAgency } from './lookup.js';
import { comparableLicenceNumber, comparableName } from './names.js';
import { agency, exampleRegister, licence } from './register.fixtures.js';
import { LookupResult } from './result-schemas.js';
import type { LookupQuery } from './schemas.js';
import { sayMatch, sayNote } from './texts.js';

const AS_OF = '2026-03-15';
const REGISTER = exampleRegister();

const lookUp = (query: LookupQuery, register = REGISTER) => lookUpAgency(register, query, { asOf: AS_OF });
const names = (query: LookupQuery) => findAgencies(REGISTER, query).map((match) => match.agency.name);

describe('names and licence numbers compared', () => {
  it('drop legal forms, accents, case and punctuation, and keep words such as "agency"', () => {
    expect(comparableName('Agence Étoile S.A.R.L.')).toBe('agence etoile');
    expect(comparableName('ATLAS RECRUITMENT, LTD.')).toBe('atlas recruitment');
    expect(comparableName('Atlas Recruitment Co., Ltd')).toBe('atlas recruitment');
    expect(comparableName('Maju Jaya Agency GmbH')).toBe('maju jaya agency');
    expect(comparableName('PT Maju Jaya')).toBe('maju jaya');
    expect(comparableName('Servicios Norte S.A. de C.V.')).toBe('servicios norte');
    expect(comparableName('ООО «Ромашка»')).toBe('ромашка');
    expect(comparableName('北京星光劳务有限公司')).toBe('北京星光劳务');
  });

  it('never drop the last word, even when it is a legal form', () => {
    expect(comparableName('Company Ltd')).toBe('company');
    expect(comparableName('LLC')).toBe('llc');
  });

  it('compare licence numbers without spaces, dashes or case, keeping slashes', () => {
    expect(comparableLicenceNumber(' poea 123–lb ')).toBe(comparableLicenceNumber('POEA-123-LB'));
    expect(comparableLicenceNumber('SN 2024/77')).toBe('sn2024/77');
  });
});

describe('finding an agency', () => {
  it('by licence number, exactly after spaces, dashes and case are set aside', () => {
    const [match] = findAgencies(REGISTER, { licenceNumber: 'poea 123 lb' });
    expect(match).toMatchObject({ strength: 'licence', score: 1, agency: { id: 'atlas' } });
    expect(sayMatch(match?.why ?? { reason: 'country', values: {} }, 'en')).toBe(
      'The licence number matches: POEA-123-LB.',
    );
    expect(findAgencies(REGISTER, { licenceNumber: 'POEA-123' })).toEqual([]);
  });

  it('by name, without its legal form or accents', () => {
    const [match] = findAgencies(REGISTER, { name: 'agence etoile' });
    expect(match).toMatchObject({ strength: 'exact_name', agency: { id: 'etoile' } });
    expect(sayMatch(match?.why ?? { reason: 'country', values: {} }, 'fr')).toBe(
      'Le nom correspond : « Agence Étoile S.A.R.L. ».',
    );
  });

  it('by another name the agency uses', () => {
    expect(findAgencies(REGISTER, { name: 'Atlas Manpower' })[0]).toMatchObject({
      strength: 'exact_name',
      why: { reason: 'other_name', values: { name: 'Atlas Manpower' } },
    });
  });

  it('ranks the exact name above similar ones, each with why', () => {
    const found = findAgencies(REGISTER, { name: 'Sunrise Manpower Services' });
    expect(found.map((match) => [match.agency.id, match.why.reason])).toEqual([
      ['sunrise-1', 'name'],
      ['sunrise-2', 'similar_name'],
    ]);
  });

  it('within a country only, when one is chosen', () => {
    expect(names({ name: 'Agence Etoile', country: 'PHL' })).toEqual([]);
    expect(names({ country: 'SEN' })).toEqual(['Agence Étoile S.A.R.L.']);
  });

  it('leaves out names that are merely alike in a word or two', () => {
    expect(names({ name: 'Golden Horizon Services' })).toEqual([]);
  });
});

describe('the answer for the job-offer check', () => {
  it('finds a licensed agency by its licence number', () => {
    const { answer, matches } = lookUp({ licenceNumber: 'POEA-123-LB' });
    expect(answer).toEqual({
      lookup: { status: 'licensed', checkedOn: AS_OF },
      note: null,
      agencyId: 'atlas',
    });
    expect(matches[0]?.entry.standing.state).toBe('licensed');
  });

  it('reports a lapsed one', () => {
    const { answer, matches } = lookUp({ name: 'Horizon Overseas Placement' });
    expect(answer.lookup.status).toBe('lapsed');
    expect(matches[0]?.entry.signs.map((sign) => sign.id)).toEqual(['licence_lapsed']);
    expect(lookUp({ licenceNumber: 'POEA-200-LB' }).answer.lookup.status).toBe('lapsed');
  });

  it('reports a revoked one', () => {
    expect(lookUp({ licenceNumber: 'dot 9' }).answer.lookup.status).toBe('revoked');
  });

  it('by a name found exactly and only once, answers but says it was found by name only', () => {
    const { answer } = lookUp({ name: 'ATLAS RECRUITMENT LIMITED' });
    expect(answer.lookup.status).toBe('licensed');
    expect(answer.note?.key).toBe('found_by_name_only');
  });

  it('never claims "licensed" when several agencies have similar names', () => {
    const { answer, matches } = lookUp({ name: 'Sunrise Manpower' });
    expect(matches).toHaveLength(2);
    expect(answer.lookup.status).toBe('unknown');
    expect(answer.note?.key).toBe('similar_names');
    expect(sayNote(answer.note ?? { key: 'not_found', values: {} }, 'en')).toBe(
      'Several agencies have names like this one. Check the licence number to know which one it is.',
    );
  });

  it('never claims "licensed" when the exact name has a look-alike', () => {
    expect(lookUp({ name: 'Sunrise Manpower Services' }).answer.lookup.status).toBe('unknown');
  });

  it('never claims "licensed" when the only match is similar', () => {
    const { answer } = lookUp({ name: 'Atlas Recruitmant' });
    expect(answer.lookup.status).toBe('unknown');
    expect(answer.note).toEqual({ key: 'name_not_exact', values: { name: 'Atlas Recruitment Ltd' } });
  });

  it('never claims "licensed" when two agencies in different countries share the name', () => {
    const twin = agency({
      id: 'atlas-ke',
      country: 'KEN',
      licences: [licence({ number: 'KE-1', validUntil: null })],
    });
    const register = [...REGISTER, twin];
    expect(lookUp({ name: 'Atlas Recruitment' }, register).answer).toMatchObject({
      lookup: { status: 'unknown' },
      note: { key: 'similar_names' },
    });
    expect(lookUp({ name: 'Atlas Recruitment', country: 'KEN' }, register).answer.lookup.status).toBe(
      'licensed',
    );
  });

  it('a licence number of another agency is not a licence of this one', () => {
    const { answer } = lookUp({ name: 'Golden Gate Travel', licenceNumber: 'POEA-123-LB' });
    expect(answer).toMatchObject({
      lookup: { status: 'unknown' },
      note: { key: 'licence_of_other_agency', values: { name: 'Atlas Recruitment Ltd' } },
    });
  });

  it('a licence number with part of its agency’s name is that agency', () => {
    expect(lookUp({ licenceNumber: 'POEA-123-LB', name: 'Atlas' }).answer.lookup.status).toBe('licensed');
  });

  it('part of a name is not "not found": it asks for the licence number', () => {
    expect(lookUp({ name: 'Atlas' }).answer).toMatchObject({
      lookup: { status: 'unknown' },
      note: { key: 'name_not_exact', values: { name: 'Atlas Recruitment Ltd' } },
    });
  });

  it('a licence number that is not on record does not become "licensed" by the name', () => {
    expect(lookUp({ name: 'Atlas Recruitment', licenceNumber: 'POEA-999' }).answer).toMatchObject({
      lookup: { status: 'unknown' },
      note: { key: 'licence_not_found' },
    });
    expect(lookUp({ licenceNumber: 'POEA-999' }).answer.lookup.status).toBe('not_found');
  });

  it('says "not found" for a name the register does not know', () => {
    expect(lookUp({ name: 'Nowhere Placement Bureau' }).answer).toMatchObject({
      lookup: { status: 'not_found' },
      note: { key: 'not_found' },
    });
  });

  it('does not say "not found" for a country the register holds nothing of', () => {
    expect(lookUp({ name: 'Atlas Recruitment', country: 'NPL' }).answer).toMatchObject({
      lookup: { status: 'unknown' },
      note: { key: 'country_not_covered' },
    });
  });

  it('a licence held by two agencies from different authorities asks for the country', () => {
    const twin = agency({
      id: 'twin',
      name: 'Other Firm',
      country: 'KEN',
      licences: [licence({ number: 'POEA-123-LB' })],
    });
    expect(lookUp({ licenceNumber: 'POEA-123-LB' }, [...REGISTER, twin]).answer.note?.key).toBe(
      'same_licence_number',
    );
  });

  it('a licence not valid yet is neither licensed nor unlicensed: the note gives its first day', () => {
    const early = agency({
      id: 'early',
      name: 'Early Bird Agency',
      licences: [licence({ validFrom: '2026-05-01', validUntil: '2028-04-30' })],
    });
    expect(lookUp({ name: 'Early Bird Agency' }, [early]).answer).toMatchObject({
      lookup: { status: 'unknown' },
      note: { key: 'licence_not_yet_valid', values: { validFrom: '2026-05-01' } },
    });
  });

  it('asks for a name or licence number when only a country is given, and lists its agencies', () => {
    const { answer, matches } = lookUp({ country: 'PHL' });
    expect(answer.note?.key).toBe('give_name_or_licence');
    expect(matches).toHaveLength(5);
  });

  it('gives results of the shape the API promises, with no complaint in them', () => {
    const withComplaints = agency({
      id: 'c',
      name: 'Complained About Agency',
      complaints: [{ receivedOn: '2026-01-01', category: 'fees', status: 'received' }],
    });
    const result = lookUp({ name: 'Complained About Agency' }, [withComplaints]);
    expect(() => LookupResult.parse(result)).not.toThrow();
    expect(JSON.stringify(result)).not.toContain('complaint');
  });
});
