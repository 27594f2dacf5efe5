// The register of intermediaries' public surface: the store, routes and web page import from here.

export { addDays, isWithinMonths, monthsBefore } from './dates.js';
export {
  type AgencyMatch,
  type AnswerContext,
  answerOf,
  findAgencies,
  type LookupOptions,
  lookUpAgency,
} from './lookup.js';
export { comparableLicenceNumber, comparableName, nameLikeness, SIMILAR_NAME } from './names.js';
export { publicEntryOf } from './public-entry.js';
export * from './result-schemas.js';
export {
  DEFAULT_RISK_RULES,
  isSanctionInForce,
  type RiskFacts,
  type RiskRules,
  riskSignsOf,
  shownCount,
} from './risk-signs.js';
export * from './schemas.js';
export { standingOn, stateOfLicence } from './standing.js';
export {
  REGISTER_TEXTS,
  RegisterTexts,
  sayMatch,
  sayNote,
  saySign,
  saySmallCountRule,
  sayStanding,
} from './texts.js';
