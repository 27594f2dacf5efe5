// The reference capability's public surface: other capabilities import from here, never from its store.
export { CODE_LISTS, type CodeListFile, codeListFromFile, getCodeListFile } from './code-list-data.js';
export { buildCountryList, countriesInArea } from './countries.js';
export { buildM49Areas, type CountryPlacement, placementOf } from './m49.js';
export * from './schemas.js';
export {
  REFERENCE_DATASET_NAME,
  type ReferenceSeedReport,
  referenceDatasetVersion,
  seedReferenceData,
} from './seed-reference.js';
export {
  type CountryFilter,
  type CountryPlace,
  findCodeList,
  findCountryPlace,
  listCodeLists,
  listCountries,
  listM49Areas,
} from './store.js';
export * from './vocabulary.js';
