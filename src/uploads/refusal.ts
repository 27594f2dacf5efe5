// A refused upload: which declared limit it met, where in the file, and what to do about it.
import { AppError, type ErrorCode } from '../platform/errors.js';
import { describeLimit, UPLOAD_LIMITS, type UploadLimitName } from './limits.js';

const ADVICE: Partial<Record<UploadLimitName, string>> = {
  activitiesBodyBytes:
    'Split the file into several smaller ones, or import it at the server with `concerted activities import`.',
  statisticsBodyBytes:
    'Import the file at the server with `concerted stats import`, which has no size limit.',
  workerMemory: 'Split the file into several smaller ones.',
  readingSeconds: 'Split the file into several smaller ones.',
  xlsxUncompressedBytes: 'Save the sheet as CSV, or split it into several workbooks.',
  xlsxSharedStringsBytes: 'Save the sheet as CSV, or split it into several workbooks.',
};

/**
 * Thrown by the readers (inside the worker too, whence it travels as plain data); it is its own
 * problem+json: 413 for a request too big to take in, 422 for content over a limit, naming the limit.
 */
export class UploadRefused extends AppError {
  constructor(
    readonly limit: UploadLimitName,
    readonly where: string,
    /** What was found, for the sentence ("a row of 1,204 columns"). */
    readonly found: string,
    readonly value: number = UPLOAD_LIMITS[limit].value,
  ) {
    const sentence = `The file exceeds the limit on ${UPLOAD_LIMITS[limit].counts}: ${found}, where at most ${describeLimit(limit, value)} are allowed.`;
    const code: ErrorCode =
      UPLOAD_LIMITS[limit].status === 413 ? 'payload_too_large' : 'upload_limit_exceeded';
    super(code, `${sentence} ${ADVICE[limit] ?? 'Correct or split the file, then send it again.'}`, [
      { path: where, message: sentence, code: limit },
    ]);
    this.name = 'UploadRefused';
  }

  toJSON(): RefusalData {
    return { limit: this.limit, where: this.where, found: this.found, value: this.value };
  }
}

export type RefusalData = { limit: UploadLimitName; where: string; found: string; value: number };

export function refusalFrom(data: RefusalData): UploadRefused {
  return new UploadRefused(data.limit, data.where, data.found, data.value);
}
