// Commitments' public surface: other capabilities and the command line import from here.
export { DEMO_SIGNATORIES, loadDemoCommitments } from './demo.js';
export { commitmentProgressReports, commitments } from './schema.js';
export * from './schemas.js';
export { listCommitments } from './store.js';
