// Serves the built single-page web app; unknown non-API paths fall back to index.html.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export const webApp = fp(
  async (
    app: FastifyInstance,
    options: {
      webDir: string;
      /** Answers a request no route serves (a problem+json 404 or 405). */
      unknownRoute: (request: FastifyRequest, reply: FastifyReply) => unknown;
    },
  ) => {
    const hasWeb = existsSync(path.join(options.webDir, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, { root: options.webDir, wildcard: false, index: ['index.html'] });
    }
    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (pathname.startsWith('/api') || request.method !== 'GET' || !hasWeb) {
        return options.unknownRoute(request, reply);
      }
      return reply.type('text/html').sendFile('index.html');
    });
  },
  { name: 'web-app' },
);
