// Streams the rows of an XLSX workbook's first sheet (ExcelJS' streaming reader) as arrays of text.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Every row of the first worksheet; rows the file skips come as [], so row numbers match Excel's. */
export async function* readXlsxRows(input: Readable): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date cell from a number cell.
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    let next = 1;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      for (; next < row.number; next++) yield [];
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield Array.from(values, cellText);
      next = row.number + 1;
    }
    // Only the first sheet holds activities; notes and code lists may follow.
    return;
  }
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value) return String(value.text);
  return '';
}
