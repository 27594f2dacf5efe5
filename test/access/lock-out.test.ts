// Lock-out under concurrency: counting and checking an attempt is one step, so a burst of guesses sent
// together is cut off at the limit like the same guesses sent one after another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/demo.js';
import { demoEmail, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const SIGN_IN = '/api/v1/auth/sign-in';
const BURST = 30;
const ACCOUNT_LIMIT = 5;

describe.each(TEST_ENGINES)('lock-out under concurrent sign-ins on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t?.close());

  const attempt = (email: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: SIGN_IN, payload: { email, password }, remoteAddress: ip });

  it('checks only five of thirty concurrent wrong passwords and refuses the rest with 429', async () => {
    const email = demoEmail('editor');
    const replies = await Promise.all(
      Array.from({ length: BURST }, () => attempt(email, 'a wrong guess of a passphrase', '192.0.2.10')),
    );
    const statuses = replies.map((reply) => reply.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(ACCOUNT_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(BURST - ACCOUNT_LIMIT);
    const afterwards = await attempt(email, DEMO_PASSWORD, '192.0.2.11');
    expect(afterwards.statusCode).toBe(429);
  });

  it('checks no more than five attempts of a burst of thirty that hides the right password', async () => {
    const email = demoEmail('analyst');
    const passwords = Array.from({ length: BURST }, (_, index) =>
      index === BURST - 1 ? DEMO_PASSWORD : `wrong guess number ${index}`,
    );
    const replies = await Promise.all(passwords.map((password) => attempt(email, password, '192.0.2.20')));
    const checked = replies.filter((reply) => reply.statusCode !== 429);
    // Which five are checked depends on arrival; the right password gets in only if it is one of them.
    expect(checked).toHaveLength(ACCOUNT_LIMIT);
    const accepted = replies.filter((reply) => reply.statusCode === 200);
    expect(accepted.length).toBeLessThanOrEqual(1);
    if (accepted.length === 1) expect(replies.at(-1)?.statusCode).toBe(200);
  });

  it('lets a correct sign-in through after wrong ones below the limit, and forgets them', async () => {
    const email = demoEmail('viewer');
    const wrong = await Promise.all(
      Array.from({ length: ACCOUNT_LIMIT - 1 }, () => attempt(email, 'not it at all, sorry', '192.0.2.30')),
    );
    expect(wrong.map((reply) => reply.statusCode)).toEqual(Array(ACCOUNT_LIMIT - 1).fill(401));
    expect((await attempt(email, DEMO_PASSWORD, '192.0.2.30')).statusCode).toBe(200);
    const next = await Promise.all(
      Array.from({ length: ACCOUNT_LIMIT - 1 }, () => attempt(email, 'not it at all, sorry', '192.0.2.30')),
    );
    expect(next.map((reply) => reply.statusCode)).toEqual(Array(ACCOUNT_LIMIT - 1).fill(401));
  });
});
