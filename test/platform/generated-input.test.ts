// Generated input from the OpenAPI document: a thousand malformed requests per route, and never a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import {
  hostileText,
  type JsonSchema,
  type Pools,
  queryValueFor,
  valueFor,
} from '../support/openapi-arbitraries.js';

/**
 * Requests per route: 1,000 on the PostgreSQL server. The embedded database answers one request at a time
 * and audits every refusal, so the default suite sends it 250 per route; GENERATED_INPUT_RUNS=1000 runs the
 * full thousand there too (about ten minutes).
 */
const runsOn = (engine: string) =>
  Number(process.env.GENERATED_INPUT_RUNS ?? (engine === 'pglite' ? 250 : 1000));
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
/** Failed sign-ins lock an address; the generated ones come from elsewhere than the test's own sign-ins. */
const FUZZ_ADDRESS = '198.51.100.23';

type Parameter = { in: string; name: string; schema: JsonSchema; required?: boolean };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  consumes?: string[];
};
type Route = { method: string; path: string; operation: Operation };
type GeneratedRequest = {
  url: string;
  body?: string | Buffer;
  contentType?: string;
};

describe.each(TEST_ENGINES)('generated input on $name', (engine) => {
  const RUNS = runsOn(engine.name);
  let t: TestApp;
  let routes: Route[] = [];
  let pools: Pools;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const doc = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ method, path, operation })),
    );
    pools = { ids: await existingIds(t) };
  }, 60_000);
  afterAll(() => t?.close());

  it('finds the write routes in the OpenAPI document', () => {
    expect(writeRoutes().length).toBeGreaterThan(25);
  });

  const writeRoutes = () =>
    routes.filter((route) => route.path.startsWith('/api/v1') && WRITE_METHODS.includes(route.method));
  const queryRoutes = () =>
    routes.filter(
      (route) => route.method === 'get' && (route.operation.parameters ?? []).some((p) => p.in === 'query'),
    );

  it(`answers ${RUNS} generated bodies and query strings per write route with no 5xx`, async () => {
    for (const route of writeRoutes()) {
      const session = await freshSession(t, route);
      await fc.assert(
        fc.asyncProperty(requestFor(route, pools), (request) => sendAndCheck(t, session, route, request)),
        { numRuns: RUNS, seed: seedFor(route) },
      );
    }
  }, 1_200_000);

  it(`answers ${RUNS} generated query strings per read route with no 5xx`, async () => {
    const session = await t.signInAs(demoEmail('admin'));
    for (const route of queryRoutes()) {
      await fc.assert(
        fc.asyncProperty(requestFor(route, pools), (request) => sendAndCheck(t, session, route, request)),
        { numRuns: RUNS, seed: seedFor(route) },
      );
    }
  }, 1_200_000);
});

/** A fixed seed per route keeps a failure reproducible; fast-check prints the request that failed. */
function seedFor(route: Route): number {
  let hash = 7;
  for (const char of `${route.method} ${route.path}`) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return hash;
}

/** Signing out or changing the account must not spoil the other routes: each route has its own session. */
async function freshSession(t: TestApp, route: Route): Promise<Session | null> {
  if (route.path.endsWith('/auth/sign-in')) return null;
  return t.signInAs(demoEmail('admin'));
}

async function existingIds(t: TestApp): Promise<string[]> {
  const ids = Object.values(t.organisationIds);
  for (const url of ['/api/v1/activities?limit=3', '/api/v1/mechanisms', '/api/v1/statistics/releases']) {
    const reply = await t.as(null, 'GET', url);
    for (const item of (reply.json().data ?? []).slice(0, 3) as { id: string }[]) ids.push(item.id);
  }
  return ids;
}

function requestFor(route: Route, pools: Pools): fc.Arbitrary<GeneratedRequest> {
  const parameters = route.operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(
      ...pathParams.map((p) =>
        fc.oneof(
          { weight: 4, arbitrary: queryValueFor(p.schema, pools) },
          { weight: 1, arbitrary: hostileText() },
        ),
      ),
    )
    .map((values) =>
      pathParams.reduce(
        (url, p, index) => url.replace(`{${p.name}}`, percentEncode(values[index] ?? '')),
        route.path,
      ),
    );
  const query = fc.tuple(
    fc.record(Object.fromEntries(queryParams.map((p) => [p.name, queryValueFor(p.schema, pools)])), {
      requiredKeys: [],
    }),
    fc.constantFrom(
      '',
      '',
      '',
      '&q=%E0%A4%A',
      '&q=%FF%C3%28',
      '&a[b]=1',
      '&limit=1&limit=2',
      '&=&&',
      '&unknown=1',
    ),
  );
  return fc.tuple(path, query, bodyFor(route, pools)).map(([url, [values, raw], body]) => {
    const search = Object.entries(values)
      .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value as string)}`)
      .join('&');
    const queryString = `${search}${raw}`.replace(/^&/, '');
    return { url: queryString ? `${url}?${queryString}` : url, ...body };
  });
}

function bodyFor(route: Route, pools: Pools): fc.Arbitrary<Omit<GeneratedRequest, 'url'>> {
  const content = route.operation.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  if (jsonSchema)
    return fc.oneof(
      { weight: 8, arbitrary: valueFor(jsonSchema, pools).map((value) => json(value)) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('{', '{"a":', '[1,2', 'null', '"text"', '{"a":1}{"b":2}', '\u0000')
          .map((text) => ({ body: text, contentType: 'application/json' })),
      },
    );
  const mediaTypes = route.operation.consumes ?? Object.keys(content);
  if (mediaTypes.length > 0)
    return fc.record({
      body: fc.oneof(
        hostileText(),
        fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
        fc.constantFrom(
          'identifier,title\n"unclosed,row\n',
          '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><iati-activities>&e;</iati-activities>',
          '<iati-activities><iati-activity><title>',
          'PK\u0003\u0004\u0014\u0000truncated',
        ),
      ),
      contentType: fc.constantFrom(...mediaTypes),
    });
  return route.method === 'delete' ? fc.constant({}) : fc.constantFrom({}, json({}));
}

/** Percent-encodes the UTF-8 bytes, as a client does; a lone surrogate becomes U+FFFD on the way. */
function percentEncode(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (byte) =>
    /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

function json(value: unknown): Omit<GeneratedRequest, 'url'> {
  return { body: JSON.stringify(value) ?? 'null', contentType: 'application/json' };
}

async function sendAndCheck(t: TestApp, session: Session | null, route: Route, request: GeneratedRequest) {
  const reply = await t.app.inject({
    method: route.method.toUpperCase() as 'POST',
    url: request.url,
    remoteAddress: FUZZ_ADDRESS,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      ...(request.contentType ? { 'content-type': request.contentType } : {}),
    },
    ...(request.body === undefined ? {} : { payload: request.body }),
  });
  if (reply.statusCode >= 500)
    throw new Error(
      `${route.method.toUpperCase()} ${request.url.slice(0, 300)} answered ${reply.statusCode}: ${reply.body.slice(0, 500)}`,
    );
  if (reply.statusCode >= 400) {
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.json()).toMatchObject({ code: expect.stringMatching(/^[a-z_]+$/) });
  }
}
