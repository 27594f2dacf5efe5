// Every capability's tables, gathered for Drizzle (queries and migrations).

export * from '../access/schema.js';
export * from '../activities/schema.js';
export * from '../audit/schema.js';
export * from '../cases/schema.js';
export * from '../commitments/schema.js';
export * from '../coverage/schema.js';
export * from '../imports/schema.js';
export * from '../knowledge/schema.js';
export * from '../partners/schema.js';
export * from '../plans/assistance-schema.js';
export * from '../plans/schema.js';
export * from '../reference/schema.js';
export * from '../releases/schema.js';
export * from '../services/schema.js';
export * from '../statistics/schema.js';
export * from './receipts-schema.js';
