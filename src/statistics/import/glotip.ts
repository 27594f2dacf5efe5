// The UNODC Global Report on Trafficking in Persons data file, read exactly as published (long format).
import { areaOfPublisherRow, columnIndex, normaliseColumn, observationOf } from './observation.js';
import type { TableLayout } from './types.js';

export const GLOTIP_COLUMNS = [
  'Iso3_code',
  'Country',
  'Region',
  'Subregion',
  'Indicator',
  'Dimension',
  'Category',
  'Sex',
  'Age',
  'Year',
  'Unit of measurement',
  'txtVALUE',
  'Source',
] as const;

/**
 * Region and Subregion are optional: countries are placed in M49 from their codes. They tell a regional
 * aggregate (both blank) from a territory without an ISO code (both given).
 */
const REQUIRED = GLOTIP_COLUMNS.filter((name) => name !== 'Region' && name !== 'Subregion');

export const glotipLayout: TableLayout = {
  describe: `the UNODC data file's header (${GLOTIP_COLUMNS.join(', ')})`,
  isHeader(cells) {
    const names = new Set(cells.map(normaliseColumn));
    return names.has('iso3_code') && names.has('txtvalue') && names.has('indicator');
  },
  bind(header) {
    const find = columnIndex(header);
    const missing = REQUIRED.filter((name) => find(name) < 0);
    if (missing.length > 0) return missing;
    const at = Object.fromEntries(GLOTIP_COLUMNS.map((name) => [name, find(name)])) as Record<
      (typeof GLOTIP_COLUMNS)[number],
      number
    >;
    return (rowNo, cells) => {
      const field = (column: (typeof GLOTIP_COLUMNS)[number]) => ({ column, text: cells[at[column]] ?? '' });
      return observationOf({
        rowNo,
        indicator: field('Indicator'),
        unit: field('Unit of measurement'),
        area: areaOfPublisherRow('glotip', field('Iso3_code'), field('Country'), {
          region: at.Region < 0 ? '' : field('Region').text,
          subregion: at.Subregion < 0 ? '' : field('Subregion').text,
        }),
        year: field('Year'),
        value: field('txtVALUE'),
        sex: field('Sex').text,
        age: field('Age').text,
        dimension: field('Dimension').text,
        category: field('Category').text,
        source: field('Source').text,
      });
    };
  },
};
