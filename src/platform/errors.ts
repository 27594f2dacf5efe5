// One error type for the whole application, and its RFC 9457 problem+json form.
import { z } from 'zod';

/** Every machine-readable error code, declared once with its HTTP status and a default title. */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  unsupported_media_type: {
    status: 415,
    title: 'The request body has a media type this route does not accept',
  },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  xml_limit_exceeded: { status: 413, title: 'The XML file goes beyond a declared limit' },
  xml_not_accepted: { status: 422, title: 'The XML file is malformed or uses features that are refused' },
  upload_limit_exceeded: { status: 422, title: 'The file exceeds a declared limit' },
  unreadable_file: { status: 422, title: 'The file could not be read in the format it claims' },
  attachment_type_unsupported: {
    status: 415,
    title: 'Attachments of this type cannot be searched; attach a PDF or Word (.docx) file',
  },
  attachment_too_large: { status: 413, title: 'The attachment is larger than the library accepts' },
  attachment_unreadable: { status: 422, title: 'The text of the attachment could not be read' },
  register_import_rejected: {
    status: 422,
    title: 'The register file has problems; nothing was imported',
  },
  malformed_csv: { status: 422, title: 'The CSV file is not well formed: its header or a row does not fit' },
  unauthenticated: { status: 401, title: 'Sign-in is required' },
  invalid_credentials: { status: 401, title: 'The email address, password or code is not right' },
  totp_required: { status: 401, title: 'A code from the authenticator app is needed' },
  session_expired: { status: 401, title: 'The session has ended; sign in again' },
  forbidden: { status: 403, title: 'You may not do this' },
  second_factor_required: { status: 403, title: 'A second factor is required for this' },
  csrf_failed: { status: 403, title: 'The request lacks a valid anti-forgery token' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such route' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  consent_required: {
    status: 409,
    title: 'The person’s consent for this purpose and recipient is not in force',
  },
  invalid_transition: { status: 409, title: 'The record cannot move to that state from where it is' },
  invalid_review_step: {
    status: 409,
    title: 'The knowledge item cannot take this step of its review from where it is',
  },
  commitment_withdrawn: {
    status: 409,
    title: 'The commitment was withdrawn: it takes no more progress reports',
  },
  progress_before_signing: {
    status: 422,
    title: 'A progress report cannot come before the day the commitment was signed',
  },
  privacy_budget_exceeded: {
    status: 409,
    title: 'This release would spend more privacy than the dataset’s budget has left',
  },
  privacy_budget_below_spent: {
    status: 409,
    title: 'A privacy budget cannot be set below what its dataset has already spent',
  },
  rate_limited: { status: 429, title: 'Too many requests' },
  too_many_attempts: { status: 429, title: 'Too many failed sign-in attempts; try again later' },
  not_ready: { status: 503, title: 'The service is not ready' },
  database_failed: { status: 503, title: 'The database stopped while working; nothing was saved' },
  imports_busy: { status: 503, title: 'The server is running as many imports as it may; try again shortly' },
  import_interrupted: { status: 503, title: 'The server stopped during the import; nothing was saved' },
  pdf_unavailable: {
    status: 503,
    title: 'The PDF cannot be made on this server; the HTML version is available',
  },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const FieldError = z.object({
  path: z.string().describe('Where the problem is, as a dotted path (for example "body.countries.0")'),
  message: z.string(),
  code: z.string().describe('A stable code for the kind of problem (for example "too_small")'),
  origin: z.string().optional().describe('For sizes: what was measured (string length, number, array, date)'),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  format: z.string().optional().describe('For invalid_format: the expected form (date, email, uuid…)'),
  received: z.string().optional().describe('For invalid_type: the kind of value received'),
  row: z
    .number()
    .int()
    .optional()
    .describe('For a file: the row at fault, counted from 1 (the header is row 1)'),
  column: z.number().int().optional().describe('For a file: the column at fault, counted from 1'),
  columnName: z.string().optional().describe('For a file: the name the header gives the column at fault'),
  cells: z.number().int().optional().describe('For a file: how many cells the row at fault has'),
  expectedCells: z.number().int().optional().describe('For a file: how many cells each row should have'),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, extended with a stable `code`, the failing fields and a request id. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  errors: z.array(FieldError).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly fields?: FieldError[],
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }
}

export function problemFor(error: AppError, instance?: string, requestId?: string): Problem {
  const problem: Problem = {
    type: `https://concerted.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: ERROR_CODES[error.code].title,
    status: error.status,
    code: error.code,
    detail: error.message,
  };
  if (instance) problem.instance = instance;
  if (error.fields?.length) problem.errors = error.fields;
  if (requestId) problem.requestId = requestId;
  return problem;
}

/** Turns zod issues into field errors, prefixed with the request part they came from. */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

/** The SQLSTATE of a database error, looked for through the causes that drivers and Drizzle wrap it in. */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
