// What the case benchmark asks of the application, as its users would: a case manager and a case worker
// sign in with their second factor, open invented cases with sealed person records, then read cases and
// person records (each opening audited) and write case facts and consents (each write audited).
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/access/demo.js';
import { currentTotp } from '../../src/access/totp.js';
import { codesOf } from '../../src/reference/vocabulary.js';
import type { HttpClient, Operation } from './load.js';

export type Session = {
  who: 'manager' | 'worker';
  organisationId: string;
  headers: Record<string, string>;
  /** With the session's anti-forgery token, which writes need. */
  write: Record<string, string>;
};
export type BenchCase = { id: string; version: number; owner: Session; consents: number };

const CASES = '/api/v1/cases';

export async function signIn(client: HttpClient, role: 'case_manager' | 'case_worker'): Promise<Session> {
  const demo = DEMO_USERS.find((user) => user.role === role);
  if (!demo?.totpSecret) throw new Error(`no demo ${role} with a second factor`);
  const reply = await client.send(
    'POST',
    '/api/v1/auth/sign-in',
    {},
    {
      email: demo.email,
      password: DEMO_PASSWORD,
      code: currentTotp(demo.totpSecret),
    },
  );
  if (reply.status !== 200) throw new Error(`sign-in as ${role} failed: ${reply.status} ${reply.body}`);
  const me = JSON.parse(reply.body).data as { csrfToken: string; memberships: { organisationId: string }[] };
  if (!reply.setCookie) throw new Error('the sign-in set no session cookie');
  const headers = { cookie: reply.setCookie };
  const who = role === 'case_manager' ? 'manager' : 'worker';
  const organisationId = me.memberships[0]?.organisationId ?? '';
  return { who, organisationId, headers, write: { ...headers, 'x-csrf-token': me.csrfToken } };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'ba', 'do', 'fi'];

/** An invented name, reproducible from its number: no real person is ever named. */
function inventedName(n: number): string {
  let name = '';
  for (let i = 0, rest = n + 7; i < 3; i++, rest = Math.floor(rest / SYLLABLES.length))
    name += SYLLABLES[rest % SYLLABLES.length];
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} Benchmark`;
}

function inventedPerson(n: number) {
  return {
    names: [{ kind: 'name', value: inventedName(n) }],
    dateOfBirth: `19${70 + (n % 30)}-0${1 + (n % 9)}-1${n % 10}`,
    contacts: [{ kind: 'phone', value: `+99 555 ${String(n).padStart(7, '0')}` }],
    identityDocuments: [
      { kind: 'passport', number: `BX${String(n).padStart(7, '0')}`, issuingCountry: 'NPL' },
    ],
  };
}

/** Opens `count` cases, half by each session, `parallel` at a time; calls `progress` now and then. */
export async function openCases(
  client: HttpClient,
  sessions: Session[],
  organisationId: string,
  count: number,
  parallel: number,
  progress: (done: number) => void,
): Promise<BenchCase[]> {
  const opened: BenchCase[] = [];
  let next = 0;
  const sexes = codesOf('sex');
  const opener = async () => {
    while (next < count) {
      const n = next++;
      const owner = sessions[n % sessions.length] as Session;
      const body = {
        organisationId,
        facts: { sex: sexes[n % sexes.length], citizenship: 'NPL', exploitationCountries: ['KEN'] },
        person: inventedPerson(n),
      };
      const reply = await client.send('POST', CASES, owner.write, body);
      if (reply.status !== 201) throw new Error(`opening a case failed: ${reply.status} ${reply.body}`);
      const view = JSON.parse(reply.body).data as { id: string; version: number };
      opened.push({ id: view.id, version: view.version, owner, consents: 0 });
      if (opened.length % 500 === 0) progress(opened.length);
    }
  };
  await Promise.all(Array.from({ length: parallel }, opener));
  return opened;
}

const ok = (expected: number, what: string) => (reply: { status: number; body: string }) =>
  reply.status === expected ? null : `${what}: ${reply.status} ${reply.body.slice(0, 200)}`;

export function readCase(client: HttpClient, session: Session, theCase: BenchCase): Operation {
  return () => client.send('GET', `${CASES}/${theCase.id}`, session.headers).then(ok(200, 'GET case'));
}

export function readPerson(client: HttpClient, session: Session, theCase: BenchCase): Operation {
  return () =>
    client.send('GET', `${CASES}/${theCase.id}/person`, session.headers).then(ok(200, 'GET person'));
}

const MEANS = codesOf('means_of_control');

/** Changes the case's means of control from the version last read; learns the new version from the answer. */
export function patchCase(client: HttpClient, theCase: BenchCase): Operation {
  return async () => {
    const means = MEANS[theCase.version % MEANS.length];
    const body = { version: theCase.version, facts: { meansOfControl: [means] } };
    const reply = await client.send('PATCH', `${CASES}/${theCase.id}`, theCase.owner.write, body);
    if (reply.status !== 200) return `PATCH case: ${reply.status} ${reply.body.slice(0, 200)}`;
    theCase.version = (JSON.parse(reply.body).data as { version: number }).version;
    return null;
  };
}

/** Records the person's consent to be counted in statistics, given and withdrawn in turn. */
export function recordConsent(client: HttpClient, theCase: BenchCase): Operation {
  return async () => {
    const decision = theCase.consents++ % 2 === 0 ? 'given' : 'withdrawn';
    const body = { purpose: 'statistics', decision };
    const reply = await client.send('POST', `${CASES}/${theCase.id}/consents`, theCase.owner.write, body);
    return ok(201, 'POST consent')(reply);
  };
}
