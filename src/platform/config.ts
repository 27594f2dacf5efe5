// Reads the environment once and fails fast with a message a person can act on.
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const Config = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  /** Absent when HOST is not set: the server then picks the interface (see listen-host.ts). */
  host: z.string().min(1).optional(),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** The connection requests use on a server; derived from DATABASE_URL when absent. */
  databaseAppUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_APP_URL must start with postgres:// or postgresql://')
    .optional(),
  logLevel: z.enum(LOG_LEVELS),
  isProduction: z.boolean(),
  webDir: z.string().min(1),
  /** Base64 of 32 bytes; absent to keep a generated key under DATA_DIR/keys. */
  encryptionKey: z.string().optional(),
});
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = Config.safeParse({
    port: env.PORT ?? 3000,
    host: env.HOST || undefined,
    dataDir: path.resolve(cwd, env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    isProduction: env.NODE_ENV === 'production',
    webDir: path.resolve(cwd, env.WEB_DIR ?? 'dist/web'),
    encryptionKey: env.ENCRYPTION_KEY || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${envName(issue.path)}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration — ${problems.join('; ')}`);
  }
  return parsed.data;
}

const ENV_NAMES: Record<string, string> = {
  port: 'PORT',
  host: 'HOST',
  dataDir: 'DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  databaseAppUrl: 'DATABASE_APP_URL',
  logLevel: 'LOG_LEVEL',
  webDir: 'WEB_DIR',
  encryptionKey: 'ENCRYPTION_KEY',
};

function envName(issuePath: PropertyKey[]): string {
  const key = String(issuePath[0] ?? '');
  return ENV_NAMES[key] ?? key;
}
