// Every capability's tables, gathered for Drizzle (queries and migrations).
export * from '../reference/schema.js';
