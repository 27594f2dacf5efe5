// The activities capability's public surface: other capabilities import from here, never from its store.
export { loadDemoActivities } from './demo.js';
export { exportActivities } from './export/write-export.js';
export { ImportRejected, importActivities } from './import/run-import.js';
export { DEFAULT_XML_LIMITS, type XmlLimits, xmlLimitsOf } from './import/xml-limits.js';
export {
  type CountryActivity,
  type CountryPartner,
  listActivitiesInCountry,
  listPartnersInCountry,
  type PillarActivities,
} from './in-country.js';
export { DOING_ROLES } from './record.js';
export { activities } from './schema.js';
export * from './schemas.js';
export { activityConditions, type ChangeContext, listActivities } from './store.js';
