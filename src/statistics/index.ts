// The statistics capability's public surface: other capabilities import from here, never from its store.
export { computeShares, computeTrends } from './analysis.js';
export { getCatalogue } from './catalogue.js';
export {
  COUNTRY_MEASURES,
  type CountryFigure,
  type CountryMeasure,
  type FigureCell,
  latestCountryFigures,
  type PublishedValue,
} from './country-figures.js';
export { loadDemoStatistics } from './demo.js';
export { type CsvMapping, parseCsvMapping } from './import/generic.js';
export {
  fileFromBuffer,
  fileFromPath,
  type ImportFile,
  type ImportOptions,
  type ImportProgress,
  importStatistics,
  type RunInTransaction,
} from './import/run-import.js';
export {
  type DetectedVictimsFilter,
  type DetectedVictimsRow,
  detectedVictimsByCountryAndForm,
} from './link.js';
export { listPublisherAreas } from './publisher-area-store.js';
export { type PublisherArea, publisherAreaOf } from './publisher-areas.js';
export { queryStatistics } from './query.js';
export { getRelease, listReleases } from './resolve.js';
export { listRevisions } from './revisions.js';
export * from './schemas.js';
