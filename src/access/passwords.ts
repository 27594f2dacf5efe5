// Passwords after NIST SP 800-63B: long enough, not a known common one, no composition rules; argon2id.
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

/** OWASP's argon2id baseline: 19 MiB memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const COMMON_PASSWORDS = new Set(
  (dictionary['passwords-common'] as readonly string[]).map((word) => word.toLowerCase()),
);

/** NFKC so that the same password typed on different keyboards gives the same hash. */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Why a new password is refused: a stable code (with the limit, for lengths) and the reason in English. */
export type PasswordProblem = {
  code: 'too_small' | 'too_big' | 'common_password' | 'contains_name';
  message: string;
  origin?: 'string';
  minimum?: number;
  maximum?: number;
};

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { email?: string; displayName?: string } = {},
): PasswordProblem | null {
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH)
    return {
      code: 'too_small',
      origin: 'string',
      minimum: PASSWORD_MIN_LENGTH,
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters; a few ordinary words in a row are easy to remember.`,
    };
  if (length > PASSWORD_MAX_LENGTH)
    return {
      code: 'too_big',
      origin: 'string',
      maximum: PASSWORD_MAX_LENGTH,
      message: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
    };
  if (isCommon(normalised))
    return {
      code: 'common_password',
      message: 'This password is on the list of common passwords; choose another.',
    };
  if (containsOwnName(normalised, context))
    return {
      code: 'contains_name',
      message: 'The password must not contain your email address or name; choose another.',
    };
  return null;
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  // "passwordpassword" and "qwertyqwertyqwerty" are no stronger than the word they repeat.
  const repeated = /^(.+?)\1+$/.exec(lower)?.[1];
  if (repeated && (COMMON_PASSWORDS.has(repeated) || repeated.length <= 3)) return true;
  return COMMON_PASSWORDS.has(lower.replace(/[\d\W_]+$/u, ''));
}

function containsOwnName(password: string, context: { email?: string; displayName?: string }) {
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return true;
  const name = context.displayName?.toLowerCase().replace(/\s+/g, '');
  return Boolean(name && name.length >= 4 && lower.replace(/\s+/g, '').includes(name));
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalisePassword(password));
  } catch {
    return false;
  }
}

/** A hash of a random password, checked when the email is unknown so that timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}-unused-password`);
  return decoyHash;
}
