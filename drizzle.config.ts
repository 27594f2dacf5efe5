// drizzle-kit: generates SQL migrations from the capabilities' schema files.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/schema.ts',
  out: './migrations',
});
