// Problem details for people: which message key explains a code, and field errors keyed by field name.
import type { FieldError, Problem } from '../../platform/errors.js';
import { ENGLISH, type MessageKey } from '../i18n/messages.js';

/** The translated explanation of a problem code, or null when the interface has none. */
export function problemMessageKey(code: string): MessageKey | null {
  const key = `problem.${code}`;
  return key in ENGLISH ? (key as MessageKey) : null;
}

/** Field errors by the field's name in the request: "body.newPassword" → "newPassword". */
export function fieldErrorsOf(problem: Problem | null): Map<string, FieldError[]> {
  const byField = new Map<string, FieldError[]>();
  for (const error of problem?.errors ?? []) {
    const [part, field] = error.path.split('.');
    const name = (part === 'body' || part === 'querystring' || part === 'params' ? field : part) ?? '';
    byField.set(name, [...(byField.get(name) ?? []), error]);
  }
  return byField;
}

/** Codes whose English detail from the server says no more than the translated message. */
const PLAIN_CODES: ReadonlySet<string> = new Set([
  'invalid_credentials',
  'totp_required',
  'unauthenticated',
  'session_expired',
  'csrf_failed',
]);

/** Whether the server's detail is worth showing beside the translated message. */
export function isDetailUseful(problem: Problem): boolean {
  return (
    Boolean(problem.detail) && !PLAIN_CODES.has(problem.code) && !problem.detail?.includes('see `errors`')
  );
}
