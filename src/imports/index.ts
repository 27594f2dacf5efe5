// The import jobs capability's public surface: import routes accept jobs here; the server settles them.
export {
  acceptImportJob,
  JOBS_PATH,
  type JobContext,
  type JobOutcome,
  prefersAsync,
  type RunningJob,
} from './run-job.js';
export { importJobs } from './schema.js';
export * from './schemas.js';
export {
  INTERRUPTED_DETAIL,
  SILENCE_MS,
  settleInterruptedImports,
  settleSilentImportsRegularly,
} from './settle-interrupted.js';
