// Generated input from the OpenAPI document: a thousand malformed bodies and query strings per write route, and
// never a 5xx nor a request left unanswered. The write routes are shared out between four test files, so that the
// test workers take them in turn.
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

/** One of the shares of the write routes: every `of`-th route, starting at `index` (from 0). */
export type RouteShare = { index: number; of: number };

export function describeGeneratedWrites(share: RouteShare) {
  const inShare = (routes: Route[]) => writeRoutes(routes).filter((_, at) => at % share.of === share.index);

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
      expect(inShare(routes).length).toBeGreaterThan(0);
    });

    it(`answers ${RUNS} generated bodies and query strings per write route of share ${share.index + 1} of ${share.of} with no 5xx`, async () => {
      await forEachAtOnce(inShare(routes), ROUTES_AT_ONCE[engine.name], async (route) => {
        // Signing out or changing the account must not spoil the other routes: each has its own session.
        const session = route.path.endsWith('/auth/sign-in')
          ? null
          : await t.openSessionAs(demoEmail('admin'));
        const started = Date.now();
        await assertNoServerError(t, session, route, pools, RUNS);
        if (process.env.GENERATED_INPUT_TIMINGS)
          console.log(`${engine.name} ${route.method} ${route.path}: ${Date.now() - started} ms`);
      });
    }, 1_200_000);
  });
}
