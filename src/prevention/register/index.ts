// The register of intermediaries' public surface: the store, routes and web page import from here.

export { countryCodeOf } from './countries.js';
export { addDays, isWithinMonths, monthsBefore } from './dates.js';
export {
  type CsvImportOptions,
  guessDelimiter,
  numberedRows,
  problemAsFieldError,
  type RegisterImport,
  readRegisterCsv,
  readRegisterRows,
} from './import.js';
export type { ImportedAgency } from './import-agencies.js';
export { COLUMN_SPECS, type ColumnSpec, REGISTER_COLUMNS, type RegisterColumn } from './import-columns.js';
export {
  HEADER_SEARCH_ROWS,
  type ImportProblem,
  type NumberedRow,
  type RegisterImportOptions,
} from './import-rows.js';
export { type DateOrder, type PublisherStatus, readDate } from './import-values.js';
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
  sayAnswer,
  sayMatch,
  sayNote,
  saySign,
  saySmallCountRule,
  sayStanding,
} from './texts.js';
