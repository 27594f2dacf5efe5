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
  /** Connections each of the server's two pools may open (owner and requests), per serving process. */
  databasePoolSize: z.coerce.number().int().min(1).max(1000),
  logLevel: z.enum(LOG_LEVELS),
  isProduction: z.boolean(),
  webDir: z.string().min(1),
  /** The job-offer check's pages' scripts, styles and service worker, built by `npm run build:check`. */
  checkAssetsDir: z.string().min(1),
  /** A checked directory of helplines and embassies for the offer check (JSON); absent to show none. */
  offerCheckContactsFile: z.string().min(1).optional(),
  /** Base64 of 32 bytes; absent to keep a generated key under DATA_DIR/keys. */
  encryptionKey: z.string().optional(),
  /** The Ed25519 private key that signs audit checkpoints; keep it off the database's machine if you can. */
  auditKeyFile: z.string().min(1),
  /** Where the server appends its scheduled checkpoints (JSON Lines), for shipping elsewhere. */
  auditCheckpointFile: z.string().min(1),
  /** Minutes between scheduled checkpoints; 0 turns them off. */
  auditCheckpointMinutes: z.coerce.number().int().min(0).max(10_080),
  /** Days a case role must be held before break-glass opens a record without a second person. */
  breakGlassMinRoleDays: z.coerce.number().int().min(0).max(3650),
  /** 'always': every break-glass waits for approval; 'when_new': only people new to the case role. */
  breakGlassApproval: z.enum(['always', 'when_new']),
  /**
   * Coverage findings to bring up to date over at most this many activities are computed while the reader waits;
   * more are computed in the background, and the reader gets the findings kept so far, marked as such.
   */
  findingsInlineActivities: z.coerce.number().int().min(0),
});
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {}

/** Builds the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dataDir = path.resolve(cwd, env.DATA_DIR ?? 'data');
  const parsed = Config.safeParse({
    port: env.PORT ?? 3000,
    host: env.HOST || undefined,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    databasePoolSize: env.DATABASE_POOL_SIZE ?? 10,
    logLevel: env.LOG_LEVEL ?? 'info',
    isProduction: env.NODE_ENV === 'production',
    webDir: path.resolve(cwd, env.WEB_DIR ?? 'dist/web'),
    checkAssetsDir: path.resolve(cwd, env.CHECK_ASSETS_DIR ?? 'dist/check'),
    offerCheckContactsFile: env.OFFER_CHECK_CONTACTS_FILE
      ? path.resolve(cwd, env.OFFER_CHECK_CONTACTS_FILE)
      : undefined,
    encryptionKey: env.ENCRYPTION_KEY || undefined,
    auditKeyFile: path.resolve(cwd, env.AUDIT_KEY_FILE ?? path.join(dataDir, 'keys', 'audit-signing.pem')),
    auditCheckpointFile: path.resolve(
      cwd,
      env.AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.jsonl'),
    ),
    auditCheckpointMinutes: env.AUDIT_CHECKPOINT_MINUTES ?? 60,
    breakGlassMinRoleDays: env.BREAK_GLASS_MIN_ROLE_DAYS ?? 30,
    breakGlassApproval: env.BREAK_GLASS_APPROVAL ?? 'when_new',
    findingsInlineActivities: env.FINDINGS_INLINE_ACTIVITIES ?? 3000,
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
  databasePoolSize: 'DATABASE_POOL_SIZE',
  logLevel: 'LOG_LEVEL',
  webDir: 'WEB_DIR',
  checkAssetsDir: 'CHECK_ASSETS_DIR',
  offerCheckContactsFile: 'OFFER_CHECK_CONTACTS_FILE',
  encryptionKey: 'ENCRYPTION_KEY',
  auditKeyFile: 'AUDIT_KEY_FILE',
  auditCheckpointFile: 'AUDIT_CHECKPOINT_FILE',
  auditCheckpointMinutes: 'AUDIT_CHECKPOINT_MINUTES',
  breakGlassMinRoleDays: 'BREAK_GLASS_MIN_ROLE_DAYS',
  breakGlassApproval: 'BREAK_GLASS_APPROVAL',
  findingsInlineActivities: 'FINDINGS_INLINE_ACTIVITIES',
};

function envName(issuePath: PropertyKey[]): string {
  const key = String(issuePath[0] ?? '');
  return ENV_NAMES[key] ?? key;
}
