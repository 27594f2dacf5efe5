// Liveness (/api/health) and readiness (/api/ready: database reachable, migrations current).
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getMigrationStatus } from '../platform/db.js';
import { AppError, Problem } from '../platform/errors.js';
import { typed } from '../platform/routes.js';

const Health = z.object({ status: z.literal('ok') });
const Readiness = z.object({
  status: z.literal('ready'),
  database: z.object({
    engine: z.enum(['pglite', 'postgres']),
    migrations: z.object({ expected: z.number(), applied: z.number(), latest: z.string().nullable() }),
  }),
});

export async function healthRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get(
    '/health',
    {
      config: { action: 'public.read' },
      schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );
  api.get(
    '/ready',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and its migrations are current',
        response: { 200: Readiness, 503: Problem },
      },
    },
    async () => {
      const { db, engine } = app.database;
      try {
        await db.execute(sql`select 1`);
      } catch {
        throw new AppError('not_ready', 'The database cannot be reached.');
      }
      const status = await getMigrationStatus(db);
      if (!status.isCurrent) {
        throw new AppError(
          'not_ready',
          `The database has ${status.applied} of ${status.expected} migrations; run \`concerted db migrate\`.`,
        );
      }
      const { expected, applied, latest } = status;
      return { status: 'ready' as const, database: { engine, migrations: { expected, applied, latest } } };
    },
  );
}
