// Recognises a file that its parser could not read (broken CSV quoting, XML entities, a damaged workbook).
import { AppError } from './errors.js';

/*
 * The CSV, XML and XLSX readers throw their own errors from inside their packages. Such an error in a
 * request that sent a file is the file's fault, not the server's: it becomes a 400 naming the file.
 * The same packages also write exports (GET); a failure there stays a server error.
 */
const PARSER_PACKAGES = ['csv-parse', 'saxes', 'xmlchars', 'unzipper', 'exceljs', 'jszip', 'sax'];

/** What a person can do about each kind of unreadable file. */
const ADVICE: { test: RegExp; message: string }[] = [
  {
    test: /^(invalid signature|FILE_ENDED|end of central directory|Corrupted zip|unexpected end|invalid (?:zip|distance|stored block|code lengths))/i,
    message:
      'is not a complete XLSX workbook (the file is damaged or cut short); save it again from the spreadsheet program and upload it whole',
  },
  {
    test: /entity|DOCTYPE|DTD/i,
    message:
      'uses an XML document type or entity, which imports do not read; remove the <!DOCTYPE …> declaration and write the text out',
  },
];

export function unreadableFileError(error: unknown, method: string): AppError | null {
  if (!(error instanceof Error) || method === 'GET' || method === 'HEAD') return null;
  if (!isParserError(error)) return null;
  const advice = ADVICE.find((candidate) => candidate.test.test(error.message));
  const message =
    advice?.message ?? `cannot be read: ${parserMessage(error)}; correct the file and upload it again`;
  return new AppError('validation_failed', `The file ${message}.`, [
    { path: 'file', message: `The file ${message}`, code: 'unreadable_file' },
  ]);
}

function isParserError(error: Error): boolean {
  if (error.name === 'CsvError' && typeof (error as { code?: unknown }).code === 'string') return true;
  const stack = error.stack ?? '';
  return PARSER_PACKAGES.some((name) => stack.includes(`node_modules/${name}/`));
}

/** The parser's own words, shortened: they name a line or a construct, never more than a few characters of content. */
function parserMessage(error: Error): string {
  return error.message.replace(/\s+/g, ' ').trim().replace(/\.$/, '').slice(0, 200);
}
