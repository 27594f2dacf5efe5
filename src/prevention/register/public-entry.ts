// An agency as anyone may see it: who it is, its licences as issued, its standing and risk signs, the last
// inspection and the sanctions in force. Complaints stay out; they reach the reader only as a sign's count.
import type { PublicEntry } from './result-schemas.js';
import { isSanctionInForce, type RiskFacts, riskSignsOf } from './risk-signs.js';
import type { AgencyRecord } from './schemas.js';
import { standingOn } from './standing.js';

export function publicEntryOf(agency: AgencyRecord, facts: RiskFacts): PublicEntry {
  const { asOf } = facts;
  const inspections = agency.inspections.filter((inspection) => inspection.date <= asOf);
  return {
    id: agency.id ?? null,
    name: agency.name,
    otherNames: agency.otherNames,
    kind: agency.kind,
    country: agency.country,
    address: agency.address,
    registrationNumber: agency.registrationNumber,
    licences: agency.licences,
    standing: standingOn(agency.licences, asOf),
    signs: riskSignsOf(agency, facts),
    lastInspection: inspections.reduce<PublicEntry['lastInspection']>(
      (last, inspection) => (!last || inspection.date > last.date ? inspection : last),
      null,
    ),
    sanctionsInForce: agency.sanctions.filter((sanction) => isSanctionInForce(sanction, asOf)),
  };
}
