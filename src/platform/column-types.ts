// Column types Drizzle does not ship, shared by every capability's tables.
import { customType } from 'drizzle-orm/pg-core';

/** Bytes: node-postgres gives a Buffer, the embedded database a Uint8Array; both read back as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
