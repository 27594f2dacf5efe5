// The service directory's public surface: other capabilities and the command line import from here.
export { loadDemoServices } from './demo.js';
export { exportHsds, HSDS_TABLES, type HsdsTable } from './hsds/export.js';
export { type HsdsFile, type HsdsImportReport, importHsds } from './hsds/import.js';
export { filesFromZip } from './hsds/read-files.js';
export { serviceLocations, serviceProviders, services } from './schema.js';
export * from './schemas.js';
