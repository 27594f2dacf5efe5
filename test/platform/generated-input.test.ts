// Generated input from the OpenAPI document: a thousand malformed bodies and query strings per write route, and never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import {
  assertNoServerError,
  describeApi,
  forEachAtOnce,
  lightenPasswordHash,
  ROUTES_AT_ONCE,
  type Route,
  runsOn,
  writeRoutes,
} from '../support/generated-requests.js';
import type { Pools } from '../support/openapi-arbitraries.js';

describe.each(TEST_ENGINES)('generated input to write routes on $name', (engine) => {
  const RUNS = runsOn(engine.name, 'write');
  let t: TestApp;
  let routes: Route[] = [];
  let pools: Pools;

  beforeAll(async () => {
    t = await startTestApp(engine);
    ({ routes, pools } = await describeApi(t));
    await lightenPasswordHash(t, demoEmail('admin'));
  }, 60_000);
  afterAll(() => t?.close());

  it('finds the write routes in the OpenAPI document', () => {
    expect(writeRoutes(routes).length).toBeGreaterThan(25);
  });

  it(`answers ${RUNS} generated bodies and query strings per write route with no 5xx`, async () => {
    await forEachAtOnce(writeRoutes(routes), ROUTES_AT_ONCE[engine.name], async (route) => {
      // Signing out or changing the account must not spoil the other routes: each has its own session.
      const session = route.path.endsWith('/auth/sign-in') ? null : await t.openSessionAs(demoEmail('admin'));
      await assertNoServerError(t, session, route, pools, RUNS);
    });
  }, 1_200_000);
});
