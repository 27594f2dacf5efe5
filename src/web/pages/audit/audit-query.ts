// The audit browser's filters: checking what was typed, and turning it into the API's query string.

export type AuditFilters = {
  /** Part of the name or email of the person who acted. */
  user: string;
  action: string;
  resourceType: string;
  resourceId: string;
  organisationId: string;
  /** Dates as an <input type="date"> gives them: YYYY-MM-DD, in the reader's time zone. */
  from: string;
  to: string;
};

export const EMPTY_FILTERS: AuditFilters = {
  user: '',
  action: '',
  resourceType: '',
  resourceId: '',
  organisationId: '',
  from: '',
  to: '',
};

export const AUDIT_PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type FilterProblem = 'notDate' | 'toBeforeFrom';

/** What is wrong with the filters, by field; empty when they can be sent. */
export function checkFilters(filters: AuditFilters): Partial<Record<keyof AuditFilters, FilterProblem>> {
  const problems: Partial<Record<keyof AuditFilters, FilterProblem>> = {};
  if (filters.from && !DATE.test(filters.from)) problems.from = 'notDate';
  if (filters.to && !DATE.test(filters.to)) problems.to = 'notDate';
  else if (filters.from && filters.to && filters.to < filters.from) problems.to = 'toBeforeFrom';
  return problems;
}

/** Midnight at the start of a local calendar day, as an ISO instant; `days` moves it forward. */
export function startOfLocalDay(date: string, days = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days).toISOString();
}

/** The query string for GET /api/v1/audit; "to" includes the whole day the reader picked. */
export function auditQuery(filters: AuditFilters, before: number | null, limit = AUDIT_PAGE_SIZE): string {
  const query = new URLSearchParams();
  const text = (name: keyof AuditFilters) => {
    const value = filters[name].trim();
    if (value) query.set(name, value);
  };
  text('user');
  text('action');
  text('resourceType');
  text('resourceId');
  text('organisationId');
  if (filters.from) query.set('from', startOfLocalDay(filters.from));
  if (filters.to) query.set('to', startOfLocalDay(filters.to, 1));
  query.set('limit', String(limit));
  if (before !== null) query.set('before', String(before));
  return query.toString();
}
