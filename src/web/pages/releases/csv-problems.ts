// Where a CSV file does not fit, as a sentence in the reader's language: the server marks the fault with
// a code and the facts (row, column, cell counts), and each code has a translated template. Pure; no React.
import type { FieldIssue } from '../../components/field-messages.js';
import type { MessageKey } from '../../i18n/messages.js';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A fault of the file itself: the server files them under `file`; the page's own checks have no path. */
export const isFileFault = (issue: FieldIssue) => issue.path === 'file';

/** The translated sentence for a fault, or null when the page has no template for it (or lacks a fact). */
export function csvFaultSentence(t: Translate, fault: FieldIssue): string | null {
  const { row, column, columnName, cells, expectedCells } = fault;
  switch (fault.code) {
    case 'empty_file':
      return t('releases.csvError.emptyFile');
    case 'empty_header':
      return t('releases.csvError.emptyHeader');
    case 'unnamed_column':
      return column === undefined ? null : t('releases.csvError.unnamedColumn', { column });
    case 'duplicate_column':
      return column === undefined || columnName === undefined
        ? null
        : t('releases.csvError.duplicateColumn', { column, name: columnName });
    case 'wrong_cell_count':
      return row === undefined || cells === undefined || expectedCells === undefined
        ? null
        : t('releases.csvError.cellCount', { row, cells, expected: expectedCells });
    case 'unclosed_quote':
      return row === undefined ? null : t('releases.csvError.unclosedQuote', { row });
    default:
      return null;
  }
}
