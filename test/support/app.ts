// An application on a test database with the demo organisations and users, and helpers to act as them.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { csrfTokenFor, openSession, SESSION_COOKIE } from '../../src/access/accounts.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from '../../src/access/demo.js';
import { users } from '../../src/access/schema.js';
import { currentTotp } from '../../src/access/totp.js';
import { KeyRing } from '../../src/cases/person/keyring.js';
import { organisations } from '../../src/partners/schema.js';
import { loadConfig } from '../../src/platform/config.js';
import { Sealer } from '../../src/platform/crypto.js';
import { type BuildAppOptions, buildApp } from '../../src/server/app.js';
import { seedDatabase } from '../../src/server/seed.js';
import type { TestDatabase, TestEngine } from './databases.js';

export type DemoRole = (typeof DEMO_USERS)[number]['role'];

export type Session = { cookie: string; csrfToken: string; userId: string };

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  sealer: Sealer;
  keyRing: KeyRing;
  /** Where the app's master keys are kept, for commands that load the key ring themselves. */
  keysDir: string;
  /** Demo organisation ids by key: office, shelter, legal, institute. */
  organisationIds: Record<string, string>;
  /** Signs in as the demo user (with a TOTP code when the user has one). */
  signInAs(email: string): Promise<Session>;
  /**
   * Opens a session for the user as a sign-in would (with the second factor when the user has one),
   * without the password check: for tests that need many sessions and do not test signing in.
   */
  openSessionAs(email: string): Promise<Session>;
  /** Sends a request as the session (cookie plus, for writes, its anti-forgery token). */
  as(
    session: Session | null,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

export type TestAppOptions = Pick<
  BuildAppOptions,
  'uploads' | 'keepAnswers' | 'logStream' | 'offerCheckRegister'
> & {
  /** A database opened by the test (for example on disk); one of the engine's otherwise. */
  database?: TestDatabase;
  /** Log level of the app; silent otherwise. */
  logLevel?: string;
  /** Parts of the demo dataset a test leaves out, because it counts exactly what it writes itself. */
  demoWithout?: readonly string[];
  /**
   * Seeds the demo dataset here rather than copying the run's, so that its generated ids are its own: for
   * a test of two installations, which never share ids.
   */
  ownInstallation?: boolean;
  /** Routes only a test needs, registered before the app is ready. */
  extraRoutes?: (app: FastifyInstance) => void;
  /** Settings as the environment would give them (for example FINDINGS_INLINE_ACTIVITIES). */
  env?: Record<string, string>;
};

export async function startTestApp(engine: TestEngine, options: TestAppOptions = {}): Promise<TestApp> {
  const {
    extraRoutes,
    database: given,
    logLevel,
    demoWithout,
    ownInstallation,
    env,
    ...appOptions
  } = options;
  const { database, sealer } = await openDemoDatabase(engine, given, demoWithout, ownInstallation);
  const config = loadConfig({ LOG_LEVEL: logLevel ?? 'silent', PORT: '0', ...env });
  // Each app has master keys of its own, in a directory that goes with it.
  const keysDir = await mkdtemp(path.join(tmpdir(), 'concerted-keys-'));
  const keyRing = await KeyRing.load({ dataDir: keysDir });
  const app = await buildApp({
    config,
    database,
    sealer,
    keyRing,
    ownsDatabase: false,
    serveWeb: false,
    ...appOptions,
  });
  extraRoutes?.(app);
  await app.ready();
  const rows = await database.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations);
  const organisationIds = Object.fromEntries(
    DEMO_ORGANISATIONS.map((org) => [org.key, rows.find((row) => row.name === org.name)?.id ?? '']),
  );

  const as: TestApp['as'] = (session, method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });

  async function signInAs(email: string): Promise<Session> {
    const demo = DEMO_USERS.find((user) => user.email === email);
    const code = demo?.totpSecret ? currentTotp(demo.totpSecret) : undefined;
    const reply = await as(null, 'POST', '/api/v1/auth/sign-in', { email, password: DEMO_PASSWORD, code });
    if (reply.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${reply.body}`);
    const cookie = String(reply.headers['set-cookie']).split(';')[0] ?? '';
    const me = reply.json().data as { id: string; csrfToken: string };
    return { cookie, csrfToken: me.csrfToken, userId: me.id };
  }

  async function openSessionAs(email: string): Promise<Session> {
    const [user] = await database.db
      .select({ id: users.id, totpEnabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.email, email));
    if (!user) throw new Error(`no user ${email}`);
    const client = { ipAddress: '127.0.0.1', userAgent: 'test' };
    const { sessionToken } = await openSession(database.db, user.id, user.totpEnabledAt !== null, client);
    return {
      cookie: `${SESSION_COOKIE}=${encodeURIComponent(sessionToken)}`,
      csrfToken: csrfTokenFor(sessionToken),
      userId: user.id,
    };
  }

  return {
    app,
    database,
    sealer,
    keyRing,
    keysDir,
    organisationIds,
    signInAs,
    openSessionAs,
    as,
    async close() {
      await app.close();
      await database.dispose();
      await rm(keysDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the run's demo template when the test takes the whole demo dataset on a database of the
 * engine's (seeding it costs more than copying it); otherwise a database seeded here, with a key of its own.
 * Every copy holds the same ids, as one installation would.
 */
async function openDemoDatabase(
  engine: TestEngine,
  given: TestDatabase | undefined,
  demoWithout: readonly string[] | undefined,
  ownInstallation: boolean | undefined,
): Promise<{ database: TestDatabase; sealer: Sealer }> {
  const copy = given || demoWithout?.length || ownInstallation ? undefined : await engine.openWithDemo();
  if (copy) return copy;
  const database = given ?? (await engine.open());
  const sealer = new Sealer(randomBytes(32));
  await seedDatabase(database.db, { demo: true, sealer, leaveOut: demoWithout });
  return { database, sealer };
}

export function demoEmail(role: DemoRole): string {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user.email;
}
