// How a capability declares its routes: every route names the action it performs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Sealer } from './crypto.js';
import type { DatabaseHandle } from './db.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The `noun.verb` action this route performs; the access policy decides on it. */
    action?: string;
  }
  interface FastifyInstance {
    database: DatabaseHandle;
    config: Config;
    /** Seals secrets at rest with the installation key. */
    sealer: Sealer;
  }
}

/** A Fastify instance typed so that zod schemas type each handler's input and output. */
export type ApiInstance = FastifyInstance & ReturnType<FastifyInstance['withTypeProvider']>;

/** A capability's routes: a plugin registered under /api/v1. */
export type RoutesPlugin = (app: ReturnType<FastifyInstance['withTypeProvider']>) => Promise<void>;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** Paths whose routes come from third-party plugins and serve only public documentation. */
const UNDECLARED_PUBLIC_PREFIXES = ['/api/docs'];

export function isExemptFromActionDeclaration(url: string): boolean {
  return !url.startsWith('/api') || UNDECLARED_PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix));
}
