// The audit filters become the API's query: empty fields left out, whole days, the paging cursor.
import { describe, expect, it } from 'vitest';
import { auditQuery, checkFilters, EMPTY_FILTERS, startOfLocalDay } from './audit-query.js';

describe('audit filters', () => {
  it('sends only the limit when nothing is filtered', () => {
    expect(auditQuery(EMPTY_FILTERS, null)).toBe('limit=50');
  });

  it('sends the filled fields, whole local days and the cursor for older entries', () => {
    const query = new URLSearchParams(
      auditQuery({ ...EMPTY_FILTERS, action: 'auth.sign_in', from: '2026-03-01', to: '2026-03-01' }, 120),
    );
    expect(query.get('action')).toBe('auth.sign_in');
    expect(query.get('from')).toBe(startOfLocalDay('2026-03-01'));
    expect(query.get('to')).toBe(startOfLocalDay('2026-03-02'));
    expect(new Date(query.get('to') ?? '').getTime() - new Date(query.get('from') ?? '').getTime()).toBe(
      86_400_000,
    );
    expect(query.get('before')).toBe('120');
  });

  it('searches people by name or email, and refuses an end before the start', () => {
    expect(checkFilters({ ...EMPTY_FILTERS, user: 'ada' })).toEqual({});
    expect(new URLSearchParams(auditQuery({ ...EMPTY_FILTERS, user: ' Ada ' }, null)).get('user')).toBe(
      'Ada',
    );
    expect(checkFilters({ ...EMPTY_FILTERS, from: '2026-03-02', to: '2026-03-01' })).toEqual({
      to: 'toBeforeFrom',
    });
  });
});
