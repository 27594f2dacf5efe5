// The coverage capability's public surface: other capabilities import from here, never from its store.
export { findCoverageKept } from './findings-store.js';
export { RULES, type RuleCode } from './rules.js';
export * from './schemas.js';
