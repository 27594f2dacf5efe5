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
    const cellAt = (cells: readonly string[], column: number) => (column < 0 ? '' : (cells[column] ?? ''));
    // One row object for the whole file, filled anew for each row: observationOf reads it and keeps
    // nothing of it, and millions of short-lived objects would cost the garbage collector.
    const row: PublishedRow = {
      rowNo: 0,
      indicator: { column: 'Indicator', text: '' },
      unit: { column: 'Unit of measurement', text: '' },
      area: { iso3: null, m49: '' },
      year: { column: 'Year', text: '' },
      value: { column: 'txtVALUE', text: '' },
      sex: '',
      age: '',
      dimension: '',
      category: '',
      source: '',
    };
    return (rowNo, cells) => {
      const codeText = cellAt(cells, at.Iso3_code);
      const nameText = cellAt(cells, at.Country);
      const regionText = cellAt(cells, at.Region);
      const subregionText = cellAt(cells, at.Subregion);
      if (
        !area ||
        place[0] !== codeText ||
        place[1] !== nameText ||
        place[2] !== regionText ||
        place[3] !== subregionText
      ) {
        area = areaOfPublisherRow(
          'glotip',
          { column: 'Iso3_code', text: codeText },
          { column: 'Country', text: nameText },
          { region: regionText, subregion: subregionText },
        );
        place = [codeText, nameText, regionText, subregionText];
      }
      row.rowNo = rowNo;
      row.indicator.text = cellAt(cells, at.Indicator);
      row.unit.text = cellAt(cells, at['Unit of measurement']);
      row.area = area;
      row.year.text = cellAt(cells, at.Year);
      row.value.text = cellAt(cells, at.txtVALUE);
      row.sex = cellAt(cells, at.Sex);
      row.age = cellAt(cells, at.Age);
      row.dimension = cellAt(cells, at.Dimension);
      row.category = cellAt(cells, at.Category);
      row.source = cellAt(cells, at.Source);
      return observationOf(row);
    };
  },
};
