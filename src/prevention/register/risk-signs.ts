// Risk signs the public look-up shows beside an agency: its licence standing, sanctions, the last inspection,
// and how many complaints and referrals name it. Counts are shown only as "at least" a round figure and only
// from a minimum on (the small-count rule below), so that no single complaint, and no person referred as a
// presumed victim, can be recognised by comparing two look-ups.
import { isWithinMonths } from './dates.js';
import type { LicenceStanding, RiskSeverity, RiskSign, RiskSignId, TextValues } from './result-schemas.js';
import {
  type AgencyRecord,
  COUNTED_COMPLAINT_STATUSES,
  type Inspection,
  LASTING_SANCTIONS,
  type Sanction,
} from './schemas.js';
import { standingOn } from './standing.js';

export type RiskRules = {
  /** How far back complaints, referrals, one-off sanctions and inspections count. */
  windowMonths: number;
  /** Complaints in the window from which the sign shows (raised to `minimumShownCount` if lower). */
  complaintThreshold: number;
  /** The small-count rule: a count below this is never shown, and no count is shown as itself. */
  minimumShownCount: number;
};

export const DEFAULT_RISK_RULES: RiskRules = {
  windowMonths: 12,
  complaintThreshold: 5,
  minimumShownCount: 5,
};

/**
 * The small-count rule. A count under the minimum shows nothing — not "fewer than 5", which would tell that
 * there is at least one, and not "none", which would tell the opposite: a reader cannot tell 0 from 4. A count
 * from the minimum on shows as "at least" the band it falls in (5, 10, 20, 50, 100, 200, 500, 1000…), so that one
 * more complaint or referral does not show as a change between two look-ups except where a band is crossed.
 */
export function shownCount(count: number, minimum: number): number | null {
  if (!Number.isFinite(count) || count < minimum) return null;
  let band = minimum;
  for (const step of bandSteps()) {
    if (step > count) break;
    if (step > band) band = step;
  }
  return band;
}

function* bandSteps(): Generator<number> {
  for (let power = 1; ; power *= 10) {
    yield 1 * power;
    yield 2 * power;
    yield 5 * power;
    if (power > Number.MAX_SAFE_INTEGER / 10) return;
  }
}

/**
 * What the database adds: the referrals naming the agency in the window, counted, never listed; and, for a
 * reader who may not see complaints, the complaints counted in the window by the database instead of the list.
 */
export type RiskFacts = {
  asOf: string;
  linkedReferrals: number;
  countedComplaints?: number | undefined;
  rules?: Partial<RiskRules> | undefined;
};

/** Every risk sign for an agency on a day, the gravest first. */
export function riskSignsOf(agency: AgencyRecord, facts: RiskFacts): RiskSign[] {
  const rules = { ...DEFAULT_RISK_RULES, ...facts.rules };
  const months = String(rules.windowMonths);
  const signs = [
    ...licenceSigns(standingOn(agency.licences, facts.asOf)),
    ...sanctionSigns(agency.sanctions, facts.asOf, rules.windowMonths),
    ...inspectionSigns(agency.inspections, facts.asOf, rules.windowMonths),
    ...complaintSigns(agency, facts, rules),
    ...countSign('referrals', 'serious', facts.linkedReferrals, rules.minimumShownCount, months),
  ];
  return signs.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

const SEVERITY_ORDER: Record<RiskSeverity, number> = { serious: 0, warning: 1 };

function sign(id: RiskSignId, severity: RiskSeverity, values: TextValues = {}): RiskSign {
  return { id, severity, text: `signs.${id}`, values };
}

const LICENCE_SIGNS: Partial<Record<LicenceStanding['state'], [RiskSignId, RiskSeverity]>> = {
  none: ['no_licence', 'serious'],
  lapsed: ['licence_lapsed', 'serious'],
  suspended: ['licence_suspended', 'serious'],
  revoked: ['licence_revoked', 'serious'],
  not_yet_valid: ['licence_not_yet_valid', 'warning'],
};

function licenceSigns(standing: LicenceStanding): RiskSign[] {
  const found = LICENCE_SIGNS[standing.state];
  return found ? [sign(found[0], found[1], standing.reason.values)] : [];
}

/** The latest sanction in force is one sign; the latest other sanction imposed in the window is another. */
function sanctionSigns(sanctions: readonly Sanction[], asOf: string, months: number): RiskSign[] {
  const inForce = latestBy(
    sanctions.filter((sanction) => isSanctionInForce(sanction, asOf)),
    (sanction) => sanction.imposedOn,
  );
  const recent = latestBy(
    sanctions.filter((sanction) => sanction !== inForce && isWithinMonths(sanction.imposedOn, asOf, months)),
    (sanction) => sanction.imposedOn,
  );
  return [
    ...(inForce ? [sanctionSign('sanction_in_force', 'serious', inForce, months)] : []),
    ...(recent ? [sanctionSign('recent_sanction', 'warning', recent, months)] : []),
  ];
}

/** A sanction applies from the day imposed to its last day; one without an end lasts only if it is a lasting kind. */
export function isSanctionInForce(sanction: Sanction, asOf: string): boolean {
  if (sanction.imposedOn > asOf) return false;
  if (sanction.until) return asOf <= sanction.until;
  return LASTING_SANCTIONS.has(sanction.kind);
}

function sanctionSign(id: RiskSignId, severity: RiskSeverity, sanction: Sanction, months: number): RiskSign {
  const values: TextValues = { since: sanction.imposedOn, months: String(months) };
  if (sanction.until) values.until = sanction.until;
  return { ...sign(id, severity, values), sanction: sanction.kind };
}

/** Only the latest inspection speaks: a clean one after a bad one clears the sign. */
function inspectionSigns(inspections: readonly Inspection[], asOf: string, months: number): RiskSign[] {
  const last = latestBy(
    inspections.filter((inspection) => inspection.date <= asOf),
    (inspection) => inspection.date,
  );
  if (!last || !isWithinMonths(last.date, asOf, months)) return [];
  const values = { date: last.date, months: String(months) };
  if (last.outcome === 'violations') return [sign('inspection_violations', 'warning', values)];
  if (last.outcome === 'not_at_address') return [sign('not_at_address', 'warning', values)];
  return [];
}

function complaintSigns(agency: AgencyRecord, facts: RiskFacts, rules: RiskRules): RiskSign[] {
  const counted =
    facts.countedComplaints ??
    agency.complaints.filter(
      (complaint) =>
        COUNTED_COMPLAINT_STATUSES.has(complaint.status) &&
        isWithinMonths(complaint.receivedOn, facts.asOf, rules.windowMonths),
    ).length;
  if (counted < rules.complaintThreshold) return [];
  return countSign('complaints', 'warning', counted, rules.minimumShownCount, String(rules.windowMonths));
}

function countSign(id: RiskSignId, severity: RiskSeverity, count: number, minimum: number, months: string) {
  const shown = shownCount(count, minimum);
  return shown === null ? [] : [sign(id, severity, { count: String(shown), months })];
}

function latestBy<T>(items: readonly T[], dateOf: (item: T) => string): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (!best || dateOf(item) > dateOf(best) ? item : best),
    undefined,
  );
}
