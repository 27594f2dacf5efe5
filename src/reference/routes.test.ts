// The reference routes on a minimal app over a seeded in-memory database: shapes, filters and errors.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateDatabase, openDatabase } from '../platform/db.js';
import { httpErrors } from '../platform/http-errors.js';
import { referenceRoutes } from './routes.js';
import { CodeListIndex, CodeListResponse, CountryList, M49AreaList } from './schemas.js';
import { seedReferenceData } from './seed-reference.js';

// PGlite starts slowly on a busy machine; the tests themselves are quick.
const SLOW_START_MS = 180_000;

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openDatabase({ dataDir: undefined });
  await migrateDatabase(handle);
  await handle.db.transaction((tx) => seedReferenceData(tx));
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', handle);
  await app.register(httpErrors);
  await app.register(referenceRoutes, { prefix: '/api/v1/reference' });
  await app.ready();
}, SLOW_START_MS);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('GET /api/v1/reference', () => {
  it('lists every country with names in six languages', async () => {
    const reply = await get('/api/v1/reference/countries');
    expect(reply.statusCode).toBe(200);
    const body = CountryList.parse(reply.json());
    expect(body.data.length).toBeGreaterThanOrEqual(249);
    expect(body.data.find((c) => c.iso3 === 'KEN')).toMatchObject({
      regionCode: '002',
      subregionCode: '202',
    });
  });

  it('filters countries by an M49 area', async () => {
    const body = CountryList.parse((await get('/api/v1/reference/countries?region=145')).json());
    expect(body.data.map((c) => c.iso3)).toContain('BHR');
    expect(body.data.every((c) => c.subregionCode === '145')).toBe(true);
  });

  it('refuses a region that is not an M49 area, and unknown query parameters', async () => {
    const unknownArea = await get('/api/v1/reference/countries?region=999');
    expect(unknownArea.statusCode).toBe(400);
    expect(unknownArea.json()).toMatchObject({ code: 'validation_failed' });
    expect((await get('/api/v1/reference/countries?colour=red')).statusCode).toBe(400);
  });

  it('lists the M49 areas from the world down', async () => {
    const body = M49AreaList.parse((await get('/api/v1/reference/regions')).json());
    expect(body.data[0]?.code).toBe('001');
    expect(body.data).toHaveLength(30);
  });

  it('lists the code lists with their number of codes', async () => {
    const body = CodeListIndex.parse((await get('/api/v1/reference/code-lists')).json());
    expect(body.data).toHaveLength(19);
    expect(body.data.find((l) => l.name === 'pillar')?.codeCount).toBe(4);
  });

  it('returns one code list with its codes in order', async () => {
    const body = CodeListResponse.parse((await get('/api/v1/reference/code-lists/activity_type')).json());
    expect(body.data.codes[0]).toMatchObject({ code: 'awareness_campaign', parentCode: 'prevention' });
    expect(body.data.labels.ar).not.toBe('');
  });

  it('answers 404 with where to look for an unknown code list', async () => {
    const reply = await get('/api/v1/reference/code-lists/colours');
    expect(reply.statusCode).toBe(404);
    expect(reply.json()).toMatchObject({
      code: 'not_found',
      detail: 'No code list named colours; see /api/v1/reference/code-lists',
    });
  });
});
