// Security headers on every response (OWASP Secure Headers): a strict CSP, no framing, no sniffing, no referrer.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/*
 * The web app is built by Vite into files under /assets: no inline script or style is needed, so none
 * is allowed. React's style props go through the CSSOM, which CSP does not restrict. `data:` images
 * cover the inline favicon and chart exports. No upgrade-insecure-requests: an installation on a
 * local network over plain HTTP would lose its own scripts.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // blob: lets a chart be drawn onto a canvas to download it as PNG (the SVG goes through a blob URL).
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const securityHeaders = fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      // Addresses carry filters and record ids; other sites need not learn them.
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
    });
  },
  { name: 'security-headers' },
);

/**
 * The same headers for the few replies Fastify sends before any hook runs (a malformed address):
 * helmet never sees those requests.
 */
export function securityHeadersWithoutHooks(): Record<string, string> {
  const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return {
    'content-security-policy': Object.entries(CONTENT_SECURITY_POLICY)
      .map(([name, sources]) => `${kebab(name)} ${sources.join(' ')}`)
      .join(';'),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}

/** The API documentation page needs its own script hashes; it keeps them, but may not be framed either. */
export function documentationCsp(header: string): string {
  return header
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(/\s*upgrade-insecure-requests;?/, '');
}
