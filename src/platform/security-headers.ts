// Security headers on every response (OWASP Secure Headers): a strict CSP, no framing, no sniffing, no referrer.
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

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * Helmet's defaults with our policy, written out once: @fastify/helmet built its middleware again on
 * every request (parsing the policy each time), which cost more than some whole answers.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': Object.entries(CONTENT_SECURITY_POLICY)
    .map(([name, sources]) => `${kebab(name)} ${sources.join(' ')}`)
    .join(';'),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  // Addresses carry filters and record ids; other sites need not learn them.
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  // The old XSS auditors did more harm than good; 0 turns them off.
  'x-xss-protection': '0',
});

export const securityHeaders = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(SECURITY_HEADERS);
      done();
    });
  },
  { name: 'security-headers' },
);

/** The same headers for the few replies Fastify sends before any hook runs (a malformed address). */
export function securityHeadersWithoutHooks(): Record<string, string> {
  return { ...SECURITY_HEADERS };
}

/** The API documentation page needs its own script hashes; it keeps them, but may not be framed either. */
export function documentationCsp(header: string): string {
  return header
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(/\s*upgrade-insecure-requests;?/, '');
}
