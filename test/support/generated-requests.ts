// Generated requests for every route of the OpenAPI document, sent with no 5xx allowed.
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { normalisePassword } from '../../src/access/passwords.js';
import { users } from '../../src/access/schema.js';
import type { Engine } from '../../src/platform/db.js';
import type { Session, TestApp } from './app.js';
import { hostileText, type JsonSchema, type Pools, queryValueFor, valueFor } from './openapi-arbitraries.js';

/**
 * Requests per route: 1,000 for every write route (bodies and query strings), on every engine, as the
 * hardening asked; 250 query strings for each read route, whose only input is the query string and whose
 * parameters are few, so that the whole suite stays within its time. GENERATED_INPUT_RUNS sets another
 * number for every route, for a quick look while changing a route or for a longer soak.
 */
export function runsOn(_engine: Engine, routes: 'write' | 'read'): number {
  const fromEnvironment = process.env.GENERATED_INPUT_RUNS;
  if (fromEnvironment) return Number(fromEnvironment);
  return routes === 'write' ? 1000 : 250;
}

/**
 * Routes exercised at once. The server answers several connections in parallel; the embedded database
 * answers one query at a time, but a second route keeps it busy while the first waits for a password
 * hash or for the test itself.
 */
export const ROUTES_AT_ONCE: Record<Engine, number> = { postgres: 4, pglite: 2 };

/** Failed sign-ins lock an address; the generated ones come from elsewhere than the test's own sign-ins. */
const FUZZ_ADDRESS = '198.51.100.23';
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

type Parameter = { in: string; name: string; schema: JsonSchema; required?: boolean };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  consumes?: string[];
};
export type Route = { method: string; path: string; operation: Operation };
type GeneratedRequest = {
  url: string;
  body?: string | Buffer;
  contentType?: string;
};

/** The routes of the application's OpenAPI document, and ids that exist for some requests to find. */
export async function describeApi(t: TestApp): Promise<{ routes: Route[]; pools: Pools }> {
  const doc = (await t.app.inject('/api/openapi.json')).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  const routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method, path, operation })),
  );
  return { routes, pools: { ids: await existingIds(t) } };
}

export const writeRoutes = (routes: Route[]) =>
  routes.filter((route) => route.path.startsWith('/api/v1') && WRITE_METHODS.includes(route.method));

export const queryRoutes = (routes: Route[]) =>
  routes.filter(
    (route) => route.method === 'get' && (route.operation.parameters ?? []).some((p) => p.in === 'query'),
  );

async function existingIds(t: TestApp): Promise<string[]> {
  const ids = Object.values(t.organisationIds);
  for (const url of ['/api/v1/activities?limit=3', '/api/v1/mechanisms', '/api/v1/statistics/releases']) {
    const reply = await t.as(null, 'GET', url);
    for (const item of (reply.json().data ?? []).slice(0, 3) as { id: string }[]) ids.push(item.id);
  }
  return ids;
}

/**
 * Stores the user's password under light argon2id parameters, as a hash made under older settings
 * would be: verifying reads the parameters from the stored hash, so the routes that ask for the current
 * password answer a thousand generated guesses in seconds rather than minutes. Nothing else changes.
 */
export async function lightenPasswordHash(t: TestApp, email: string): Promise<void> {
  const passwordHash = await hash(normalisePassword(DEMO_PASSWORD), {
    algorithm: 2,
    memoryCost: 1024,
    timeCost: 1,
    parallelism: 1,
  });
  await t.database.db.update(users).set({ passwordHash }).where(eq(users.email, email));
}

/**
 * Runs `work` on every item, `limit` at a time; the first failure stops new items from starting and
 * is the one reported.
 */
export async function forEachAtOnce<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  const waiting = [...items];
  let failed = false;
  const worker = async () => {
    for (let item = waiting.shift(); item !== undefined && !failed; item = waiting.shift()) {
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Sends `runs` generated requests to the route and fails on the first 5xx, naming the request. */
export async function assertNoServerError(
  t: TestApp,
  session: Session | null,
  route: Route,
  pools: Pools,
  runs: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(requestFor(route, pools), (request) => sendAndCheck(t, session, route, request)),
    { numRuns: runs, seed: seedFor(route) },
  );
}

/** A fixed seed per route keeps a failure reproducible; fast-check prints the request that failed. */
function seedFor(route: Route): number {
  let hash = 7;
  for (const char of `${route.method} ${route.path}`) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return hash;
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
      { weight: 6, arbitrary: valueFor(jsonSchema, pools).map((value) => json(value)) },
      // Bodies that fit the schema in every part get past validation to the route's own code.
      { weight: 3, arbitrary: valueFor(jsonSchema, pools, 0, false).map((value) => json(value)) },
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

/** Longer than any route takes on a busy machine; a request still unanswered then waits on something that never comes. */
const ANSWER_WITHIN_MS = 60_000;

async function sendAndCheck(t: TestApp, session: Session | null, route: Route, request: GeneratedRequest) {
  const reply = await answeredWithin(
    ANSWER_WITHIN_MS,
    route,
    request,
    t.app.inject({
      method: route.method.toUpperCase() as 'POST',
      url: request.url,
      remoteAddress: FUZZ_ADDRESS,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
      },
      ...(request.body === undefined ? {} : { payload: request.body }),
    }),
  );
  if (reply.statusCode >= 500)
    throw new Error(
      `${route.method.toUpperCase()} ${request.url.slice(0, 300)} answered ${reply.statusCode}: ${reply.body.slice(0, 500)}`,
    );
  if (reply.statusCode >= 400) {
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.json()).toMatchObject({ code: expect.stringMatching(/^[a-z_]+$/) });
  }
}

/** The reply, or a failure naming the request that got none in time (a hang is a fault like a 5xx). */
async function answeredWithin<T>(
  ms: number,
  route: Route,
  request: GeneratedRequest,
  reply: Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const unanswered = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const body =
        typeof request.body === 'string' ? request.body.slice(0, 300) : `${request.body?.length ?? 0} bytes`;
      reject(
        new Error(
          `${route.method.toUpperCase()} ${request.url.slice(0, 300)} got no answer within ${ms / 1000} s; body: ${body}`,
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([reply, unanswered]);
  } finally {
    clearTimeout(timer);
  }
}
