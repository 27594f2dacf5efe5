// Countries come from i18n-iso-countries and sit where UN M49 puts them, via CLDR's containment data.
import { describe, expect, it } from 'vitest';
import { buildCountryList, countriesInArea } from './countries.js';
import { buildM49Areas } from './m49.js';
import { LANGUAGES } from './schemas.js';

const countries = buildCountryList();
const byIso3 = new Map(countries.map((c) => [c.iso3, c]));

function placement(iso3: string) {
  const country = byIso3.get(iso3);
  return [country?.regionCode, country?.subregionCode, country?.intermediateRegionCode];
}

describe('the country list', () => {
  it('holds at least the 249 ISO 3166-1 countries, each named in all six UN languages', () => {
    expect(countries.length).toBeGreaterThanOrEqual(249);
    for (const country of countries) {
      for (const lang of LANGUAGES)
        expect(country.names[lang].trim(), `${country.iso3} ${lang}`).not.toBe('');
    }
  });

  it('has unique alpha-3, alpha-2 and numeric codes of the right form', () => {
    expect(new Set(countries.map((c) => c.iso2)).size).toBe(countries.length);
    expect(new Set(countries.map((c) => c.numeric)).size).toBe(countries.length);
    for (const c of countries) {
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
      expect(c.iso2).toMatch(/^[A-Z]{2}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
    }
  });

  it('places countries in region, sub-region and intermediate region as M49 does', () => {
    expect(placement('KEN')).toEqual(['002', '202', '014']);
    expect(placement('NGA')).toEqual(['002', '202', '011']);
    expect(placement('EGY')).toEqual(['002', '015', null]);
    expect(placement('BRA')).toEqual(['019', '419', '005']);
    expect(placement('MEX')).toEqual(['019', '419', '013']);
    expect(placement('USA')).toEqual(['019', '021', null]);
    expect(placement('FRA')).toEqual(['150', '155', null]);
    expect(placement('BHR')).toEqual(['142', '145', null]);
    expect(placement('THA')).toEqual(['142', '035', null]);
    expect(placement('FJI')).toEqual(['009', '054', null]);
  });

  it('leaves a country that M49 does not place, such as Antarctica, without a region', () => {
    expect(placement('ATA')).toEqual([null, null, null]);
  });

  it('names countries from the package in each language', () => {
    expect(byIso3.get('KEN')?.names).toMatchObject({ en: 'Kenya', fr: 'Kenya', es: 'Kenia', zh: '肯尼亚' });
  });

  it('finds the countries of an area at any level', () => {
    const easternAfrica = countriesInArea(countries, '014').map((c) => c.iso3);
    expect(easternAfrica).toContain('KEN');
    expect(easternAfrica).not.toContain('NGA');
    expect(countriesInArea(countries, '202').map((c) => c.iso3)).toEqual(
      expect.arrayContaining(['KEN', 'NGA']),
    );
    expect(countriesInArea(countries, '001')).toHaveLength(countries.length);
  });
});

describe('the M49 areas', () => {
  const areas = buildM49Areas();
  const byCode = new Map(areas.map((a) => [a.code, a]));

  it('has the world, five regions, and sub-regions and intermediate regions under them', () => {
    expect(byCode.get('001')).toMatchObject({ level: 'world', parentCode: null });
    const regions = areas.filter((a) => a.level === 'region').map((a) => a.code);
    expect(regions.sort()).toEqual(['002', '009', '019', '142', '150']);
    expect(byCode.get('202')).toMatchObject({ level: 'subregion', parentCode: '002' });
    expect(byCode.get('419')).toMatchObject({ level: 'subregion', parentCode: '019' });
    expect(byCode.get('014')).toMatchObject({ level: 'intermediate', parentCode: '202' });
    expect(byCode.get('029')).toMatchObject({ level: 'intermediate', parentCode: '419' });
  });

  it('refers only to areas that exist, and every country only to known areas', () => {
    for (const area of areas) if (area.parentCode) expect(byCode.has(area.parentCode)).toBe(true);
    for (const c of countries) {
      for (const code of [c.regionCode, c.subregionCode, c.intermediateRegionCode]) {
        if (code) expect(byCode.has(code), `${c.iso3} → ${code}`).toBe(true);
      }
    }
  });

  it('names every area in all six languages', () => {
    for (const area of areas) {
      for (const lang of LANGUAGES)
        expect(area.names[lang], `${area.code} ${lang}`).not.toMatch(/^(\d{3})?$/);
    }
    expect(byCode.get('002')?.names.fr).toBe('Afrique');
    expect(byCode.get('001')?.names.en).toBe('World');
  });
});
