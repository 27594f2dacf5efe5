// A plan's results as a spreadsheet (XLSX) with the same columns as the CSV table, and its reader. Pure: the
// workbook is written and read in memory, its rows going through the same checks as a CSV's.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readXlsxRows } from '../../activities/import/xlsx.js';
import type { Measure } from './model.js';
import { type PlacementOf, readResultsRows, resultsTable, type TableRow } from './results-csv.js';
import type { NewId, ResultsImport } from './results-vocabulary.js';

export async function resultsXlsx(measures: readonly Measure[], placementOf?: PlacementOf): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Results');
  // Every cell is text, as in the CSV: a spreadsheet then keeps dates and decimals exactly as written.
  sheet.addRows(resultsTable(measures, placementOf));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function readResultsXlsx(bytes: Buffer, newId?: NewId): Promise<ResultsImport> {
  return readResultsSheet(readXlsxRows(Readable.from([bytes])), newId);
}

/**
 * The results table from a workbook's first sheet, its rows read elsewhere: the server reads them in the
 * upload worker, which checks the archive first (an empty or damaged file never reaches the zip reader).
 */
export async function readResultsSheet(
  sheetRows: AsyncIterable<string[]>,
  newId?: NewId,
): Promise<ResultsImport> {
  async function* rows(): AsyncGenerator<TableRow> {
    let rowNo = 0;
    for await (const cells of sheetRows) yield { rowNo: ++rowNo, cells };
  }
  return readResultsRows(
    rows(),
    'The file could not be read as a spreadsheet. Save it as an Excel workbook (.xlsx), the results on its first sheet, and import it again.',
    newId,
  );
}
