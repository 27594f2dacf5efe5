// HTTP routes for reference data under /api/v1/reference: countries, M49 regions and code lists.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { Text } from '../platform/fields.js';
import { typed } from '../platform/routes.js';
import { CodeListIndex, CodeListResponse, CountryList, M49AreaList } from './schemas.js';
import { findCodeList, listCodeLists, listCountries, listM49Areas } from './store.js';
import { M49Code } from './vocabulary.js';

const READ = { action: 'reference.read' } as const;
const TAGS = ['reference'];

export async function referenceRoutes(app: FastifyInstance) {
  const api = typed(app);
  const db = () => app.database.db;

  api.get(
    '/countries',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'ISO 3166-1 countries with names in the six UN languages and their UN M49 placement',
        querystring: z.object({ region: M49Code.optional() }).strict(),
        response: { 200: CountryList },
      },
    },
    async (request) => ({ data: await listCountries(db(), { areaCode: request.query.region }) }),
  );

  api.get(
    '/regions',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'UN M49 areas: the world, regions, sub-regions and intermediate regions',
        querystring: z.object({}).strict(),
        response: { 200: M49AreaList },
      },
    },
    async () => ({ data: await listM49Areas(db()) }),
  );

  api.get(
    '/code-lists',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'The shared code lists, with their version and number of codes',
        querystring: z.object({}).strict(),
        response: { 200: CodeListIndex },
      },
    },
    async () => ({ data: await listCodeLists(db()) }),
  );

  api.get(
    '/code-lists/:name',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: 'One code list with its codes in display order and their labels in six languages',
        params: z.object({ name: Text(100).min(1) }).strict(),
        response: { 200: CodeListResponse },
      },
    },
    async (request) => {
      const list = await findCodeList(db(), request.params.name);
      if (!list) {
        throw new AppError(
          'not_found',
          `No code list named ${request.params.name}; see /api/v1/reference/code-lists`,
        );
      }
      return { data: list };
    },
  );
}
