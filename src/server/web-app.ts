// Serves the built single-page web app; unknown non-API paths fall back to index.html.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../platform/errors.js';
import { sendProblem } from '../platform/http-errors.js';

export const webApp = fp(
  async (app: FastifyInstance, options: { webDir: string }) => {
    const hasWeb = existsSync(path.join(options.webDir, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, { root: options.webDir, wildcard: false, index: ['index.html'] });
    }
    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? '/';
      if (pathname.startsWith('/api') || request.method !== 'GET' || !hasWeb) {
        return sendProblem(
          request,
          reply,
          new AppError('route_not_found', `No route matches ${pathname}; see /api/docs for the API.`),
        );
      }
      return reply.type('text/html').sendFile('index.html');
    });
  },
  { name: 'web-app' },
);
