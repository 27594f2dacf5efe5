// The PostgreSQL roles a server installation uses: the owner (DATABASE_URL: migrations, importers, the
// server's own bookkeeping) and the login role requests connect as, which row-level security binds.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** Requests log in as this role: no superuser, no BYPASSRLS, a member of concerted_app only. */
export const REQUEST_LOGIN_ROLE = 'concerted_app_login';
/** The role every request transaction runs as (also on the embedded database, via SET LOCAL ROLE). */
export const REQUEST_ROLE = 'concerted_app';
/** The only role besides the owner that may write statistics. */
export const IMPORTER_ROLE = 'concerted_importer';

/**
 * The request connection: DATABASE_APP_URL when set, otherwise DATABASE_URL with the login role as
 * user and, when DATABASE_URL has a password, one derived from it (see setRequestLoginPassword), so
 * that DATABASE_URL stays the only setting a newcomer needs.
 */
export function requestConnectionUrl(ownerUrl: string, appUrl?: string): string {
  if (appUrl) return appUrl;
  const url = new URL(ownerUrl);
  const ownerPassword = decodeURIComponent(url.password);
  url.username = REQUEST_LOGIN_ROLE;
  url.password = ownerPassword ? derivedLoginPassword(ownerPassword) : '';
  return url.toString();
}

/** One-way: knowing the login role's password does not reveal the owner's. */
export function derivedLoginPassword(ownerPassword: string): string {
  return createHmac('sha256', ownerPassword).update(REQUEST_LOGIN_ROLE).digest('base64url');
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802, RFC 7677), computed here so
 * that the password itself never appears in a statement the server might log.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** SQL that gives the login role the password derived from the owner's, or null when there is none. */
export function loginPasswordStatement(ownerUrl: string): string | null {
  const ownerPassword = decodeURIComponent(new URL(ownerUrl).password);
  if (!ownerPassword) return null;
  return `ALTER ROLE ${REQUEST_LOGIN_ROLE} PASSWORD '${scramVerifier(derivedLoginPassword(ownerPassword))}'`;
}

export class DatabaseRoleError extends Error {}

export type RoleFacts = { name: string; isSuperuser: boolean; bypassesRls: boolean };

/** Refuses a request connection that could switch row-level security off. */
export function checkRequestRole(facts: RoleFacts): void {
  if (facts.isSuperuser || facts.bypassesRls)
    throw new DatabaseRoleError(
      `Requests connect to PostgreSQL as "${facts.name}", which ${facts.isSuperuser ? 'is a superuser' : 'bypasses row-level security'}. ` +
        `Connect them as ${REQUEST_LOGIN_ROLE} (DATABASE_APP_URL, or leave it unset) — see "Database roles" in the README.`,
    );
}

/** Organisation tables force row-level security, so the owner's own work needs a role that bypasses it. */
export function checkOwnerRole(facts: RoleFacts): void {
  if (!facts.isSuperuser && !facts.bypassesRls)
    throw new DatabaseRoleError(
      `The DATABASE_URL user "${facts.name}" is neither a superuser nor has BYPASSRLS, yet sign-in, seeding and ` +
        'imports run as it on tables that force row-level security. Grant it BYPASSRLS — see "Database roles" in the README.',
    );
}
