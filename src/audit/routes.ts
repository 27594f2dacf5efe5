// HTTP routes for the audit trail under /api/v1/audit: browsing the entries one's role may see.
import type { FastifyPluginAsync } from 'fastify';
import { typed } from '../platform/routes.js';
import { listAuditEntries } from './chain.js';
import { AuditEntryList, AuditQuery } from './schemas.js';

export const auditRoutes: FastifyPluginAsync = async (app) => {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          'Audit entries, newest first: administrators and coordinators see all, organisation administrators their organisations’, others their own',
        querystring: AuditQuery,
        response: { 200: AuditEntryList },
      },
    },
    // Row-level security in the requester's transaction decides which entries they see.
    async (request) => request.transaction((tx) => listAuditEntries(tx, request.query)),
  );
};
