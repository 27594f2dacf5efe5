// The assembled API: health, readiness, OpenAPI and one problem+json shape for every bad request.
import { randomBytes } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { loadConfig } from '../platform/config.js';
import { Sealer } from '../platform/crypto.js';
import { buildApp } from './app.js';

describe.each(TEST_ENGINES)('the API on $name', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await engine.open();
    const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0' });
    const sealer = new Sealer(randomBytes(32));
    app = await buildApp({ config, database, sealer, ownsDatabase: false, serveWeb: false });
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
    const validation = await new Validator().validate(doc);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => routeKey(method, path.replace(/\{(\w+)\}/g, ':$1'))),
      ),
    );
    const routes = app.routeTable.filter(
      (route) =>
        route.url.startsWith('/api/') &&
        !route.url.startsWith('/api/docs') &&
        route.url !== '/api/openapi.json',
    );
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) expect(documented).toContain(routeKey(route.method, route.url));
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

function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/(.)\/$/, '$1')}`;
}
