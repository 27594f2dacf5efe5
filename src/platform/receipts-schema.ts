// Receipts of long writes, written inside their transaction: after the engine fails during COMMIT, a
// receipt on disk proves the write is complete (see durable-write.ts). Deleted once the caller knows.
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const writeReceipts = pgTable('write_receipts', {
  id: uuid('id').primaryKey(),
  what: text('what').notNull(),
  result: jsonb('result'),
  writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
});
