// Which rows of a publisher's file name its own areas, and which still name (or fail to name) a country.
import { describe, expect, it } from 'vitest';
import { publisherAreaOf } from './publisher-areas.js';
import { iso3OfCountry } from './terms.js';

const place = (code: string, name: string, region = '', subregion = '') => ({
  code,
  name,
  region,
  subregion,
});

describe('publisher areas', () => {
  it('reads a UNODC regional code on a row without region as the M49 area it stands for', () => {
    expect(publisherAreaOf('glotip', place('CAS', ''))).toMatchObject({
      code: 'CAS',
      kind: 'region',
      sameAsM49: '143',
      names: { en: 'Central Asia', ru: 'Центральная Азия' },
    });
  });

  it('keeps an aggregate code it does not know under the publisher’s code and name, with no members', () => {
    expect(publisherAreaOf('glotip', place('WCE', 'Western and Central Europe'))).toEqual({
      code: 'WCE',
      kind: 'region',
      names: expect.objectContaining({ en: 'Western and Central Europe', ar: 'Western and Central Europe' }),
      sameAsM49: null,
      parentM49: null,
      members: [],
    });
  });

  it('finds the M49 area of an unknown aggregate code from the name the publisher gives it', () => {
    expect(publisherAreaOf('glotip', place('NAF', 'Northern Africa'))).toMatchObject({ sameAsM49: '015' });
  });

  it('makes a joint area of two countries written with a slash, with both as members', () => {
    expect(publisherAreaOf('glotip', place('', 'Aruba/Curacao', 'Americas'))).toMatchObject({
      code: 'ABW+CUW',
      kind: 'joint',
      members: ['ABW', 'CUW'],
      parentM49: '029',
      names: { en: 'Aruba / Curaçao' },
    });
  });

  it('keeps Sark, which has no ISO code, as a territory in Northern Europe', () => {
    expect(publisherAreaOf('glotip', place('', 'Sark', 'Europe', 'Northern Europe'))).toMatchObject({
      code: 'SARK',
      kind: 'territory',
      parentM49: '154',
    });
  });

  it('leaves countries, M49 areas and mistyped country codes to the country rules', () => {
    expect(publisherAreaOf('glotip', place('KEN', 'Kenya', 'Africa', 'Sub-Saharan Africa'))).toBeNull();
    expect(publisherAreaOf('glotip', place('', 'Africa', 'Africa'))).toBeNull();
    // A code that is no country on a country's row is a typo to reject, not a new area.
    expect(publisherAreaOf('glotip', place('KEM', 'Kenya', 'Africa', 'Sub-Saharan Africa'))).toBeNull();
    expect(publisherAreaOf('glotip', place('', 'Kenya', 'Africa'))).toBeNull();
  });
});

describe('country names as publishers write them', () => {
  it('matches names without their accents, with the publisher’s spellings and formal names', () => {
    expect(iso3OfCountry('Curacao')).toBe('CUW');
    expect(iso3OfCountry("Cote d'Ivoire")).toBe('CIV');
    expect(iso3OfCountry('Côte d’Ivoire')).toBe('CIV');
    expect(iso3OfCountry('Türkiye')).toBe('TUR');
    expect(iso3OfCountry('Congo')).toBe('COG');
    expect(iso3OfCountry('Democratic Republic of the Congo')).toBe('COD');
    expect(iso3OfCountry('Venezuela (Bolivarian Republic of)')).toBe('VEN');
    expect(iso3OfCountry('Other countries')).toBeNull();
  });
});
