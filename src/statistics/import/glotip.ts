// The UNODC Global Report on Trafficking in Persons data file, read exactly as published (long format).
import {
  areaOfPublisherRow,
  columnIndex,
  normaliseColumn,
  observationOf,
  type PublishedRow,
} from './observation.js';
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
    // A file lists a place's rows together: its area is looked up once per change of place, not per row.
    let place: string[] = [];
    let area: PublishedRow['area'] | null = null;
    const cellAt = (cells: readonly string[], column: (typeof GLOTIP_COLUMNS)[number]) =>
      at[column] < 0 ? '' : (cells[at[column]] ?? '');
    return (rowNo, cells) => {
      const code = cellAt(cells, 'Iso3_code');
      const name = cellAt(cells, 'Country');
      const region = cellAt(cells, 'Region');
      const subregion = cellAt(cells, 'Subregion');
      if (!area || place[0] !== code || place[1] !== name || place[2] !== region || place[3] !== subregion) {
        area = areaOfPublisherRow(
          'glotip',
          { column: 'Iso3_code', text: code },
          { column: 'Country', text: name },
          { region, subregion },
        );
        place = [code, name, region, subregion];
      }
      return observationOf({
        rowNo,
        indicator: { column: 'Indicator', text: cellAt(cells, 'Indicator') },
        unit: { column: 'Unit of measurement', text: cellAt(cells, 'Unit of measurement') },
        area,
        year: { column: 'Year', text: cellAt(cells, 'Year') },
        value: { column: 'txtVALUE', text: cellAt(cells, 'txtVALUE') },
        sex: cellAt(cells, 'Sex'),
        age: cellAt(cells, 'Age'),
        dimension: cellAt(cells, 'Dimension'),
        category: cellAt(cells, 'Category'),
        source: cellAt(cells, 'Source'),
      });
    };
  },
};
