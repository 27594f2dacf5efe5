// The stored register of intermediaries: reading, writing, importing and looking agencies up. The job-offer
// check calls registerLookupFor (lookup.ts) for the agency a person named.
export { type PublicCounts, publicCountsOf } from './counts.js';
export { DEMO_AGENCIES, loadDemoIntermediaries } from './demo.js';
export {
  type RegisterFileFormat,
  type RegisterImportSummary,
  readRegisterFile,
  saveImportedAgencies,
  type Tally,
} from './import.js';
export {
  publicEntryFor,
  type RegisterLookupOptions,
  type RegisterSearch,
  type RegisterSearchOptions,
  registerLookupFor,
  searchRegister,
} from './lookup.js';
export { agenciesByIds, type StoredAgency } from './read.js';
export {
  type AgencyInput,
  addComplaint,
  addInspection,
  addSanction,
  complaintsOf,
  createAgency,
  linkReferral,
  requireAgency,
  type SaveOutcome,
  saveLicence,
  updateAgency,
} from './write.js';
