// Import jobs under /api/v1/import-jobs: an import sent with `Prefer: respond-async`, followed until it ends.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParam } from '../access/schemas.js';
import { AppError } from '../platform/errors.js';
import { QueryInt } from '../platform/fields.js';
import { typed } from '../platform/routes.js';
import { ImportJobList, ImportJobResponse, POLL_AFTER_SECONDS } from './schemas.js';
import { findImportJob, listOwnImportJobs } from './store.js';

const TAGS = ['imports'];

const ListQuery = z.object({ limit: QueryInt({ min: 1, max: 100 }).default(20) }).strict();

export async function importJobRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'import_jobs.read' },
      schema: {
        tags: TAGS,
        summary: 'One’s own recent imports that ran in the background, newest first',
        querystring: ListQuery,
        response: { 200: ImportJobList },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
      const jobs = await request.transaction((tx) =>
        listOwnImportJobs(tx, principal.userId, request.query.limit),
      );
      return { data: jobs };
    },
  );

  api.get(
    '/:id',
    {
      config: { action: 'import_jobs.read' },
      schema: {
        tags: TAGS,
        summary: 'An import that runs in the background: its progress, then its report or problem',
        description: `Poll until \`state\` is succeeded or failed; while it is queued or running the answer carries Retry-After (${POLL_AFTER_SECONDS} s). Progress is stored about twice a second. Another person’s job answers 404, as an unknown one does (administrators and coordinators see every job).`,
        params: IdParam,
        response: { 200: ImportJobResponse },
      },
    },
    async (request, reply) => {
      const job = await request.transaction((tx) => findImportJob(tx, request.params.id));
      if (!job) throw new AppError('not_found', 'No import job with this id is yours to see.');
      if (job.state === 'queued' || job.state === 'running')
        reply.header('retry-after', String(POLL_AFTER_SECONDS));
      return { data: job };
    },
  );
}
