// The assembled API: health, readiness, OpenAPI and one problem+json shape for every bad request.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { loadConfig } from '../platform/config.js';
import { buildApp } from './app.js';

describe.each(TEST_ENGINES)('the API on $name', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await engine.open();
    const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0' });
    app = await buildApp({ config, database, ownsDatabase: false, serveWeb: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('reports alive and ready with current migrations', async () => {
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database.engine).toBe(engine.name);
    expect(ready.json().database.migrations.applied).toBe(ready.json().database.migrations.expected);
  });

  it('publishes an OpenAPI 3.1 document listing every API route', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.keys(doc.paths);
    for (const path of ['/api/health', '/api/ready', '/api/v1/reference/countries']) {
      expect(documented).toContain(path);
    }
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const response = await app.inject('/api/v1/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'route_not_found' });
  });

  it('refuses broken JSON with a 400 problem, never a 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reference/countries',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json().code).toBeTypeOf('string');
  });

  it('refuses an unknown query field with the field named', async () => {
    const response = await app.inject('/api/v1/reference/countries?colour=blue');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
  });
});
