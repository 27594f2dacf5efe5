// The checks every reader's output passes through: rows, columns and cell length; XML depth and element count.
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { ReadLimits } from './limits.js';
import { UploadRefused } from './refusal.js';

/** Counts rows and refuses the first one too wide or with a cell too long; row numbers as a spreadsheet shows. */
export class RowGuard {
  private rows = 0;
  constructor(private readonly limits: ReadLimits) {}

  check(cells: readonly string[], rowNumber: number) {
    this.rows++;
    if (this.rows > this.limits.rows)
      throw new UploadRefused(
        'rows',
        `file.row.${rowNumber}`,
        `more than ${this.limits.rows.toLocaleString('en')} rows`,
        this.limits.rows,
      );
    if (cells.length > this.limits.columns)
      throw new UploadRefused(
        'columns',
        `file.row.${rowNumber}`,
        `a row of ${cells.length.toLocaleString('en')} columns`,
        this.limits.columns,
      );
    for (let column = 0; column < cells.length; column++) {
      const length = (cells[column] as string).length;
      if (length > this.limits.cellCharacters)
        throw new UploadRefused(
          'cellCharacters',
          `file.row.${rowNumber}.column.${column + 1}`,
          `a cell of ${length.toLocaleString('en')} characters`,
          this.limits.cellCharacters,
        );
    }
  }
}

/**
 * Passes XML through unchanged after scanning it without namespace resolution (linear time): a chunk that
 * opens elements deeper or more numerous than the limits fails the stream before the real parser sees it.
 */
export function xmlLimitGuard(limits: ReadLimits): Transform {
  const scanner = new SaxesParser({ position: false });
  const decoder = new StringDecoder('utf8');
  let depth = 0;
  let elements = 0;
  let refusal: UploadRefused | null = null;
  scanner.on('opentag', () => {
    depth++;
    elements++;
    if (refusal) return;
    if (depth > limits.xmlDepth)
      refusal = new UploadRefused(
        'xmlDepth',
        `file.element.${elements}`,
        `elements nested ${depth} deep`,
        limits.xmlDepth,
      );
    else if (elements > limits.xmlElements)
      refusal = new UploadRefused(
        'xmlElements',
        'file',
        `more than ${limits.xmlElements.toLocaleString('en')} elements`,
        limits.xmlElements,
      );
  });
  scanner.on('closetag', () => {
    depth--;
  });
  // Malformed XML is the real parser's to report, with its line and column.
  scanner.on('error', () => {});
  const scan = (text: string) => {
    // Stops scanning (and the quadratic work of deeper nesting) at the first refusal.
    if (!refusal) scanner.write(text);
    return refusal;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const found = scan(decoder.write(chunk));
      done(found, found ? undefined : chunk);
    },
    flush(done) {
      done(scan(decoder.end()));
    },
  });
}
