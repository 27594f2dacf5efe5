// Whether an agency is licensed on a given day, and why, from its licences as the issuing authorities state them.
//
// Each licence has a state on the day (licensed, lapsed, suspended, revoked or not yet valid). An agency with
// several licences (renewals, or licences from more than one authority) takes the state of its most recent
// decision: of the licences in effect, the one whose state began last decides, so a renewal granted after a
// revocation licenses the agency again and a revocation after a grant withdraws it. Only when no licence is in
// effect does the latest lapse decide, and a licence not yet valid only when there is nothing else.
import { dayAfter, dayBefore } from './dates.js';
import type { LicenceStanding, LicenceState, StandingReasonKey, TextValues } from './result-schemas.js';
import type { Licence } from './schemas.js';

type LicenceOnDay = {
  licence: Licence;
  state: Exclude<LicenceState, 'none'>;
  since: string | null;
  until: string | null;
};

const hasBegun = (since: string | null, date: string) => since === null || since <= date;

/** One licence's state on a day, with the first and last day of that state as far as its dates tell. */
export function stateOfLicence(licence: Licence, date: string): LicenceOnDay {
  const { validFrom, validUntil, status, statusSince, statusUntil } = licence;
  if (validFrom && date < validFrom)
    return { licence, state: 'not_yet_valid', since: null, until: dayBefore(validFrom) };
  if (status === 'revoked' && hasBegun(statusSince, date))
    return { licence, state: 'revoked', since: statusSince, until: null };
  if (validUntil && date > validUntil)
    return { licence, state: 'lapsed', since: dayAfter(validUntil), until: null };
  if (status === 'suspended' && hasBegun(statusSince, date) && (!statusUntil || date <= statusUntil))
    return { licence, state: 'suspended', since: statusSince, until: statusUntil };
  return {
    licence,
    state: 'licensed',
    since: licensedSince(licence, date),
    until: licensedUntil(licence, date),
  };
}

/** A licence is licensed from its first day, or from the day after a suspension it has come out of. */
function licensedSince(licence: Licence, date: string): string | null {
  const { status, statusUntil, validFrom } = licence;
  if (status === 'suspended' && statusUntil && statusUntil < date) return dayAfter(statusUntil);
  return validFrom;
}

/** Licensed up to its last day, or up to the day before a suspension or revocation already set to begin. */
function licensedUntil(licence: Licence, date: string): string | null {
  const { status, statusSince, validUntil } = licence;
  const isChangeAhead = status !== 'active' && statusSince !== null && statusSince > date;
  return isChangeAhead && statusSince ? dayBefore(statusSince) : validUntil;
}

const DECISIVE = new Set<LicenceState>(['licensed', 'suspended', 'revoked']);
const GRAVITY: Record<string, number> = { licensed: 0, suspended: 1, revoked: 2 };

/** When a decision took effect, for ordering; an undated suspension or revocation counts from the licence's start. */
const decidedOn = (day: LicenceOnDay) => day.since ?? day.licence.validFrom ?? '0001-01-01';

/** The latest decision; on the same day the graver one, as an authority acting twice in a day means the second. */
function latestDecision(days: LicenceOnDay[]): LicenceOnDay | undefined {
  return days.reduce<LicenceOnDay | undefined>((best, day) => {
    if (!best) return day;
    const order = decidedOn(day).localeCompare(decidedOn(best));
    return order > 0 || (order === 0 && (GRAVITY[day.state] ?? 0) > (GRAVITY[best.state] ?? 0)) ? day : best;
  }, undefined);
}

/** The agency's standing on `date` from all its licences. */
export function standingOn(licences: readonly Licence[], date: string): LicenceStanding {
  const days = licences.map((licence) => stateOfLicence(licence, date));
  const decisive = latestDecision(days.filter((day) => DECISIVE.has(day.state)));
  if (decisive?.state === 'licensed') return standingOf(continuousLicence(decisive, licences));
  if (decisive) return standingOf(decisive);
  const lapsed = days.filter((day) => day.state === 'lapsed');
  const next = earliestStart(days.filter((day) => day.state === 'not_yet_valid'));
  const lastLapse = lapsed.reduce<LicenceOnDay | undefined>(
    (best, day) => (!best || (day.since ?? '') > (best.since ?? '') ? day : best),
    undefined,
  );
  if (lastLapse) return next ? lapsedUntilRenewal(lastLapse, next) : standingOf(lastLapse);
  if (next) return standingOf(next);
  return { state: 'none', since: null, until: null, licence: null, reason: { key: 'none', values: {} } };
}

function earliestStart(days: LicenceOnDay[]): LicenceOnDay | undefined {
  return days.reduce<LicenceOnDay | undefined>(
    (best, day) => (!best || (day.until ?? '') < (best.until ?? '') ? day : best),
    undefined,
  );
}

/**
 * A licence followed or preceded without a day's gap by another licence counts as one licensed period, so
 * that "licensed since" is when the agency was first licensed without a break, and "until" the end of the
 * last renewal already granted. Bounded by the number of licences: each step moves to another licence.
 */
function continuousLicence(day: LicenceOnDay, licences: readonly Licence[]): LicenceOnDay {
  let { since, until } = day;
  for (let step = 0; step < licences.length && since; step += 1) {
    const before = licensedOn(licences, dayBefore(since));
    if (!before || before.since === since) break;
    since = before.since;
  }
  for (let step = 0; step < licences.length && until; step += 1) {
    const after = licensedOn(licences, dayAfter(until));
    if (!after || after.until === until) break;
    until = after.until;
  }
  return { ...day, since, until };
}

function licensedOn(licences: readonly Licence[], date: string): LicenceOnDay | undefined {
  const days = licences.map((licence) => stateOfLicence(licence, date));
  const decisive = latestDecision(days.filter((day) => DECISIVE.has(day.state)));
  return decisive?.state === 'licensed' ? decisive : undefined;
}

function lapsedUntilRenewal(lapsed: LicenceOnDay, next: LicenceOnDay): LicenceStanding {
  const standing = standingOf(lapsed);
  const values = {
    ...standing.reason.values,
    nextNumber: next.licence.number,
    nextFrom: next.licence.validFrom ?? '',
  };
  return { ...standing, until: next.until, reason: { key: 'lapsed_renewal_pending', values } };
}

function standingOf(day: LicenceOnDay): LicenceStanding {
  const { licence, state, since, until } = day;
  return {
    state,
    since,
    until,
    licence: { number: licence.number, issuingAuthority: licence.issuingAuthority },
    reason: { key: reasonKey(day), values: reasonValues(day) },
  };
}

function reasonKey({ state, since, until }: LicenceOnDay): StandingReasonKey {
  switch (state) {
    case 'licensed':
      return until ? 'licensed_until' : 'licensed_open';
    case 'suspended':
      return !since ? 'suspended_undated' : until ? 'suspended_until' : 'suspended';
    case 'revoked':
      return since ? 'revoked' : 'revoked_undated';
    default:
      return state;
  }
}

function reasonValues({ licence, state, since, until }: LicenceOnDay): TextValues {
  const values: TextValues = { number: licence.number, authority: licence.issuingAuthority };
  if (since) values.since = since;
  if (until) values.until = until;
  if (state === 'lapsed' && licence.validUntil) values.expiredOn = licence.validUntil;
  if (state === 'not_yet_valid' && licence.validFrom) values.validFrom = licence.validFrom;
  return values;
}
