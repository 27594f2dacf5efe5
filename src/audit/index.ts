// The audit capability's public surface: other capabilities import from here, never from its files.
export {
  type AuditEvent,
  appendAudit,
  type ChainBreak,
  type ChainVerification,
  entryHash,
  GENESIS_HASH,
  type HashedEntry,
  listAuditEntries,
  type VerifyOptions,
  verifyAuditChain,
} from './chain.js';
export { auditRoutes } from './routes.js';
export * from './schemas.js';
