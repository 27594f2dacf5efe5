// SDG indicator 16.2.2 (detected victims of trafficking) as exported from the UN SDG Global Database:
// the CSV download or the API's JSON, with M49 numeric area codes.
import type { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.js';
import { iso3OfNumeric, m49OfArea } from '../terms.js';
import { columnIndex, normaliseColumn, observationOf, type PublishedRow } from './observation.js';
import type { TableRow } from './read-table.js';
import type { TableLayout } from './types.js';

/**
 * The 16.2.2 series split detected victims by form of exploitation: we store them as one indicator with
 * a form breakdown, so that they add up and compare with the UNODC file. Other series stay as published.
 */
export const SDG_SERIES: Record<string, { indicator: string; category: string }> = {
  VC_HTF_DETV: { indicator: 'Detected victims of human trafficking', category: 'Total' },
  VC_HTF_DETVFL: {
    indicator: 'Detected victims of human trafficking',
    category: 'Forced labour, servitude and slavery',
  },
  VC_HTF_DETVSX: { indicator: 'Detected victims of human trafficking', category: 'Sexual exploitation' },
  VC_HTF_DETVOP: { indicator: 'Detected victims of human trafficking', category: 'Other purposes' },
  VC_HTF_DETVOG: { indicator: 'Detected victims of human trafficking', category: 'Removal of organs' },
};
export const SDG_FORM_DIMENSION = 'Form of exploitation';

const SDG_COLUMNS = [
  'SeriesCode',
  'SeriesDescription',
  'GeoAreaCode',
  'GeoAreaName',
  'TimePeriod',
  'Value',
  'Source',
  'FootNote',
  'Age',
  'Sex',
  'Units',
] as const;
const REQUIRED = ['SeriesCode', 'GeoAreaCode', 'TimePeriod', 'Value'];

export const sdgLayout: TableLayout = {
  describe: `the SDG Global Database export's header (${SDG_COLUMNS.join(', ')})`,
  isHeader(cells) {
    const names = new Set(cells.map(normaliseColumn));
    return names.has('seriescode') && names.has('geoareacode') && names.has('value');
  },
  bind(header) {
    const find = columnIndex(header);
    const missing = REQUIRED.filter((name) => find(name) < 0);
    if (missing.length > 0) return missing;
    const at = Object.fromEntries(SDG_COLUMNS.map((name) => [name, find(name)]));
    return (rowNo, cells) => {
      const text = (column: (typeof SDG_COLUMNS)[number]) => {
        const index = at[column] ?? -1;
        return index < 0 ? '' : (cells[index] ?? '');
      };
      const seriesCode = text('SeriesCode').trim();
      const series = SDG_SERIES[seriesCode];
      const row: PublishedRow = {
        rowNo,
        indicator: {
          column: 'SeriesCode',
          text: series?.indicator ?? (text('SeriesDescription') || seriesCode),
        },
        unit: { column: 'Units', text: text('Units') || 'NUMBER' },
        area: sdgArea(text('GeoAreaCode'), text('GeoAreaName')),
        year: { column: 'TimePeriod', text: text('TimePeriod') },
        value: { column: 'Value', text: text('Value') },
        sex: text('Sex'),
        age: text('Age'),
        dimension: series && series.category !== 'Total' ? SDG_FORM_DIMENSION : '',
        category: series && series.category !== 'Total' ? series.category : '',
        source: text('Source'),
        note: text('FootNote'),
      };
      return observationOf(row);
    };
  },
};

function sdgArea(code: string, name: string): PublishedRow['area'] {
  const iso3 = iso3OfNumeric(code);
  if (iso3) return { iso3, m49: null };
  const m49 = /^\d+$/.test(code.trim()) ? m49OfArea(code) : null;
  if (m49) return { iso3: null, m49 };
  return {
    rejection: {
      column: 'GeoAreaCode',
      value: code.trim(),
      reason: `area ${code.trim() || '(none)'}${name ? ` (${name})` : ''} is neither a country nor an M49 geographic area`,
    },
  };
}

type SdgJsonRecord = {
  series?: string;
  seriesDescription?: string;
  geoAreaCode?: string | number;
  geoAreaName?: string;
  timePeriodStart?: string | number;
  value?: string | number | null;
  source?: string;
  footnotes?: string[] | string;
  attributes?: Record<string, string>;
  dimensions?: Record<string, string>;
};

const JSON_HEADER = [...SDG_COLUMNS];

/**
 * The SDG API's JSON ({"data": [...]} or a bare array) as rows under the CSV's header, numbered by record.
 * These exports are small (one series, a few thousand records), so the document is parsed whole.
 */
export async function* readSdgJson(input: Readable): AsyncGenerator<TableRow> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  let document: unknown;
  try {
    document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new AppError('validation_failed', `The JSON file cannot be read: ${(error as Error).message}`, [
      { path: 'file', message: 'not valid JSON', code: 'invalid_json' },
    ]);
  }
  const records = Array.isArray(document) ? document : (document as { data?: unknown }).data;
  if (!Array.isArray(records)) {
    throw new AppError('validation_failed', 'The JSON file holds no "data" array of SDG records.', [
      { path: 'file', message: 'expected {"data": [...]} as the SDG API returns it', code: 'invalid_shape' },
    ]);
  }
  yield { rowNo: 0, cells: JSON_HEADER };
  let rowNo = 0;
  for (const record of records as SdgJsonRecord[]) {
    rowNo += 1;
    const footnotes = Array.isArray(record.footnotes) ? record.footnotes.join(' ') : (record.footnotes ?? '');
    yield {
      rowNo,
      cells: [
        record.series ?? '',
        record.seriesDescription ?? '',
        String(record.geoAreaCode ?? ''),
        record.geoAreaName ?? '',
        String(record.timePeriodStart ?? ''),
        record.value === null || record.value === undefined ? '' : String(record.value),
        record.source ?? '',
        footnotes,
        record.dimensions?.Age ?? '',
        record.dimensions?.Sex ?? '',
        record.attributes?.Units ?? '',
      ],
    };
  }
}
