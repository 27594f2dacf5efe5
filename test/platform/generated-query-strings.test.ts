// Generated input from the OpenAPI document: malformed query strings to every read route (see runsOn), never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import {
  assertNoServerError,
  describeApi,
  forEachAtOnce,
  queryRoutes,
  ROUTES_AT_ONCE,
  type Route,
  runsOn,
} from '../support/generated-requests.js';
import type { Pools } from '../support/openapi-arbitraries.js';

describe.each(TEST_ENGINES)('generated query strings to read routes on $name', (engine) => {
  const RUNS = runsOn(engine.name, 'read');
  let t: TestApp;
  let routes: Route[] = [];
  let pools: Pools;

  beforeAll(async () => {
    t = await startTestApp(engine);
    ({ routes, pools } = await describeApi(t));
  }, 60_000);
  afterAll(() => t?.close());

  it('finds the read routes that take a query string', () => {
    expect(queryRoutes(routes).length).toBeGreaterThan(15);
  });

  it(`answers ${RUNS} generated query strings per read route with no 5xx`, async () => {
    const session = await t.openSessionAs(demoEmail('admin'));
    await forEachAtOnce(queryRoutes(routes), ROUTES_AT_ONCE[engine.name], (route) =>
      assertNoServerError(t, session, route, pools, RUNS),
    );
  }, 1_200_000);
});
