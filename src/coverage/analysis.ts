// The coverage analysis over loaded rows: gaps, overlaps and country profiles, each finding explained. Pure.
import { findNeedGaps, findStructuralGaps } from './gaps.js';
import type { AnalysisInput } from './model.js';
import { findOverlaps } from './overlaps.js';
import { buildCountryProfiles } from './profiles.js';
import { ruleList } from './rules.js';
import type { CountryProfile, Finding, Findings } from './schemas.js';

/** Most severe first: the rank findings are kept and answered in. */
export const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

export function analyseCoverage(input: AnalysisInput): {
  findings: Omit<Findings, 'needSources'>;
  profiles: CountryProfile[];
} {
  const findings = findCoverage(input);
  return { findings, profiles: buildCountryProfiles(input, [...findings.gaps, ...findings.overlaps]) };
}

/** The order findings are answered in: the most severe first, then by country, rule and explanation. */
export const findingOrder = (a: Finding, b: Finding) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
  a.iso3.localeCompare(b.iso3) ||
  a.rule.localeCompare(b.rule) ||
  a.explanation.localeCompare(b.explanation) ||
  a.id.localeCompare(b.id);

/** The gaps and overlaps alone, without the country profiles (the reference engine). */
export function findCoverage(input: AnalysisInput): Omit<Findings, 'needSources'> {
  const gaps = [...findNeedGaps(input), ...findStructuralGaps(input)].sort(findingOrder);
  const overlaps = findOverlaps(input).sort(findingOrder);
  return { period: input.period, gaps, overlaps, rules: ruleList() };
}
