// The format of a results file named on the command line: given, or told by its extension.
import path from 'node:path';
import { RESULTS_FORMATS, type ResultsFormat } from '../plans/results-files.js';
import { AppError } from '../platform/errors.js';

export { RESULTS_FORMATS, type ResultsFormat };

export function resultsFormatOf(file: string, given?: ResultsFormat): ResultsFormat {
  if (given) return given;
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xml') return 'iati';
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  throw new AppError(
    'validation_failed',
    `Cannot tell the format of ${path.basename(file)}; add --format iati, csv or xlsx.`,
  );
}
