// Problems from the API become messages: field errors land on their field, details only when useful.
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../platform/errors.js';
import { fieldErrorsOf, isDetailUseful, problemMessageKey } from './problems.js';

const problem = (overrides: Partial<Problem>): Problem => ({
  type: 'about:blank',
  title: 'The request is not valid',
  status: 400,
  code: 'validation_failed',
  ...overrides,
});

describe('problems', () => {
  it('groups field errors by the field name without the request part', () => {
    const errors = fieldErrorsOf(
      problem({
        errors: [
          { path: 'body.newPassword', message: 'Use at least 15 characters', code: 'too_small' },
          { path: 'body.roles', message: 'too few', code: 'too_small' },
          { path: 'body.roles', message: 'not held', code: 'invalid_value' },
        ],
      }),
    );
    expect([...errors.keys()]).toEqual(['newPassword', 'roles']);
    expect(errors.get('roles')?.map((e) => e.code)).toEqual(['too_small', 'invalid_value']);
  });

  it('has no field errors without a problem', () => {
    expect(fieldErrorsOf(null).size).toBe(0);
  });

  it('translates the codes it knows and falls back for the others', () => {
    expect(problemMessageKey('invalid_credentials')).toBe('problem.invalid_credentials');
    expect(problemMessageKey('no_such_code')).toBeNull();
  });

  it('hides a detail that repeats the message, and keeps one that says more', () => {
    expect(isDetailUseful(problem({ code: 'invalid_credentials', detail: 'not right' }))).toBe(false);
    expect(isDetailUseful(problem({ code: 'too_many_attempts', detail: 'try again in 15 minute(s)' }))).toBe(
      true,
    );
  });
});
