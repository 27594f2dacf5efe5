// Structured JSON logging (pino) with a redaction list: secrets and personal data never reach a log line.
import type { LoggerOptions } from 'pino';

/** Paths removed from every log line. Request bodies are never logged; this guards what might be. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.totp',
  '*.code',
  '*.email',
  '*.personal',
  '*.names',
  '*.dateOfBirth',
  '*.contact',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'concerted' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}
