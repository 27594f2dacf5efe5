// Turns every error the server can meet into one RFC 9457 problem+json reply.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError, problemFor, sqlStateOf } from './errors.js';
import { unreadableFileError } from './file-errors.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_RATE_LIMIT: 'rate_limited',
};

/** PostgreSQL SQLSTATE codes a client can cause, and what they mean to that client. */
const SQLSTATE_CODES: Record<string, { code: ErrorCode; detail: string }> = {
  '23505': { code: 'conflict', detail: 'A record with the same identifying values already exists.' },
  '23503': { code: 'validation_failed', detail: 'The request refers to a record that does not exist.' },
  '23514': { code: 'validation_failed', detail: 'A value is outside what this field accepts.' },
  '22P02': { code: 'validation_failed', detail: 'A value has the wrong form for its field.' },
  '22001': { code: 'validation_failed', detail: 'A value is longer than its field allows.' },
  '42501': { code: 'forbidden', detail: 'You may not write this record.' },
};

/** The parts of a zod issue that let a client write its own sentence: never the schema's English words. */
type ValidationIssue = {
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  params?: { code?: unknown };
};

function issueDetails(issue: ValidationIssue | undefined, keyword: string, message: string | undefined) {
  // A refinement names its own stable code in params (for example date_order).
  const ownCode = typeof issue?.params?.code === 'string' ? issue.params.code : undefined;
  const received = /received (\w+)/.exec(message ?? '')?.[1];
  const size = (value: number | bigint | undefined) =>
    value === undefined || !Number.isFinite(Number(value)) ? undefined : Number(value);
  const details: Omit<FieldError, 'path' | 'message'> = { code: ownCode ?? keyword };
  if (issue?.origin) details.origin = issue.origin;
  if (size(issue?.minimum) !== undefined) details.minimum = size(issue?.minimum);
  if (size(issue?.maximum) !== undefined) details.maximum = size(issue?.maximum);
  if (issue?.format) details.format = issue.format;
  if (keyword === 'invalid_type' && received) details.received = received;
  return details;
}

/*
 * Class 22 is "data exception": a value the database cannot hold (NUL in text, an integer or date out
 * of range, a malformed number). Field validation should stop these first; this is the last line, so
 * that one that slips through is the client's 400, never a 500. The database's own words carry SQL
 * types and sometimes values, so they are not passed on.
 */
const DATA_EXCEPTION: { code: ErrorCode; detail: string } = {
  code: 'validation_failed',
  detail:
    'A value cannot be stored: it is out of range, malformed or contains a character text cannot hold. Check numbers, dates and text for stray characters.',
};

export function toAppError(error: unknown, method = 'GET'): AppError {
  if (error instanceof AppError) return error;
  const err = error as Partial<FastifyError> & { cause?: unknown };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => ({
      path: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: v.message ?? 'Invalid value',
      // The zod type provider puts the issue's code in `keyword` and the rest of the issue in `params`.
      ...issueDetails(v.params as ValidationIssue | undefined, v.keyword, v.message),
    }));
    return new AppError('validation_failed', 'Some fields are not valid; see `errors`.', fields);
  }
  const sqlState = sqlStateOf(error);
  const mapped =
    sqlState && (SQLSTATE_CODES[sqlState] ?? (sqlState.startsWith('22') ? DATA_EXCEPTION : null));
  if (mapped) return new AppError(mapped.code, mapped.detail);
  const unreadable = unreadableFileError(error, method);
  if (unreadable) return unreadable;
  if (err.code && FASTIFY_CODES[err.code]) return new AppError(FASTIFY_CODES[err.code]!, err.message);
  if (error instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError(
      'malformed_json',
      'The body could not be parsed as JSON; check quotes, commas and brackets.',
    );
  }
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status === 404) return new AppError('not_found');
  if (status === 405) return new AppError('method_not_allowed');
  if (status === 413) return new AppError('payload_too_large');
  if (status === 415) return new AppError('unsupported_media_type');
  if (status === 429) return new AppError('rate_limited');
  if (status >= 400 && status < 500) return new AppError('validation_failed', err.message);
  return new AppError('internal_error');
}

/** Drizzle wraps driver errors; the SQLSTATE sits on the error or on its cause. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  return reply
    .status(error.status)
    .type('application/problem+json')
    .send(problemFor(error, request.url.split('?')[0], request.id));
}

export const httpErrors = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error, request, reply) => {
      const appError = toAppError(error, request.method);
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: appError.code }, 'request refused');
      return sendProblem(request, reply, appError);
    });
  },
  { name: 'http-errors' },
);
