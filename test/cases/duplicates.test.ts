// Possible duplicates across organisations on both engines: a person held by another organisation is
// found by keyed hashes of normalised names, date of birth and document numbers, although that
// organisation's cases stay out of sight; the answer names the organisation and what matched, never the
// other case or anything about the person, and every check is audited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { memberships, users } from '../../src/access/schema.js';
import { casesCommand } from '../../src/cli/cases-command.js';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

/** Invented people. */
const PERSON = {
  names: [{ kind: 'name', value: 'Ilvane Drosselmark' }],
  dateOfBirth: '1998-11-23',
  identityDocuments: [{ kind: 'passport', number: 'QT5512094', issuingCountry: 'MDA' }],
};

describe.each(TEST_ENGINES)('possible duplicates on $name', (engine) => {
  let t: TestApp;
  let shelterWorker: Session;
  let legalWorker: Session;
  let shelter: string;
  let legal: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    shelterWorker = await t.signInAs(demoEmail('case_worker'));
    shelter = t.organisationIds.shelter ?? '';
    legal = t.organisationIds.legal ?? '';
    const [user] = await t.database.db
      .insert(users)
      .values({ email: 'dup.worker.legal@example.org', displayName: 'Lior Legal', totpEnabledAt: new Date() })
      .returning({ id: users.id });
    await t.database.db
      .insert(memberships)
      .values({ userId: user?.id ?? '', organisationId: legal, role: 'case_worker' });
    legalWorker = await t.openSessionAs('dup.worker.legal@example.org');
  });
  afterAll(() => t?.close());

  async function openCase(as: Session, organisationId: string, person?: unknown) {
    const reply = await t.as(as, 'POST', '/api/v1/cases', { organisationId, person });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data as { id: string; code: string; version: number };
  }

  async function duplicatesOf(as: Session, caseId: string) {
    const reply = await t.as(as, 'GET', `/api/v1/cases/${caseId}/duplicates`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply;
  }

  it('names the other organisation and what matched, never its case or the person', async () => {
    const held = await openCase(legalWorker, legal, PERSON);
    const mine = await openCase(shelterWorker, shelter, {
      names: [{ kind: 'name', value: 'DROSSELMARK, Ilváne' }],
      dateOfBirth: '1998-11-23',
      identityDocuments: [{ kind: 'national_id', number: 'qt 551-2094' }],
    });
    expect((await t.as(shelterWorker, 'GET', `/api/v1/cases/${held.id}`)).statusCode).toBe(404);
    const reply = await duplicatesOf(shelterWorker, mine.id);
    const legalName = (
      await rowsOf<{ name: string }>(t.database.db, sql`select name from organisations where id = ${legal}`)
    )[0]?.name;
    expect(reply.json().data).toEqual([
      {
        organisationId: legal,
        organisationName: legalName,
        matchedOn: ['date_of_birth', 'document', 'name'],
      },
    ]);
    for (const secret of [held.id, held.code, 'Drosselmark', 'QT5512094', '1998-11-23'])
      expect(reply.body).not.toContain(secret);
    const back = await duplicatesOf(legalWorker, held.id);
    expect(back.json().data.map((d: { organisationId: string }) => d.organisationId)).toEqual([shelter]);
  });

  it('needs a document number, or a name together with the date of birth', async () => {
    const base = { names: [{ kind: 'name', value: 'Teodric Vallanger' }], dateOfBirth: '1987-02-14' };
    await openCase(legalWorker, legal, {
      ...base,
      identityDocuments: [{ kind: 'passport', number: 'LM0090871' }],
    });
    const nameOnly = await openCase(shelterWorker, shelter, { names: base.names, dateOfBirth: '1987-02-15' });
    expect((await duplicatesOf(shelterWorker, nameOnly.id)).json().data).toEqual([]);
    const birthOnly = await openCase(shelterWorker, shelter, { dateOfBirth: base.dateOfBirth });
    expect((await duplicatesOf(shelterWorker, birthOnly.id)).json().data).toEqual([]);
    const nameAndBirth = await openCase(shelterWorker, shelter, {
      names: [{ kind: 'alias', value: 'vallanger teodric' }],
      dateOfBirth: base.dateOfBirth,
    });
    expect((await duplicatesOf(shelterWorker, nameAndBirth.id)).json().data[0].matchedOn).toEqual([
      'date_of_birth',
      'name',
    ]);
    const documentOnly = await openCase(shelterWorker, shelter, {
      identityDocuments: [{ kind: 'other', number: 'lm 0090871' }],
    });
    expect((await duplicatesOf(shelterWorker, documentOnly.id)).json().data[0].matchedOn).toEqual([
      'document',
    ]);
  });

  it('follows the person record as it changes, and forgets a case closed as a duplicate', async () => {
    const held = await openCase(legalWorker, legal, {
      identityDocuments: [{ kind: 'passport', number: 'RW7781234' }],
    });
    const mine = await openCase(shelterWorker, shelter);
    expect((await duplicatesOf(shelterWorker, mine.id)).json().data).toEqual([]);
    const written = await t.as(shelterWorker, 'PUT', `/api/v1/cases/${mine.id}/person`, {
      version: 0,
      person: { identityDocuments: [{ kind: 'passport', number: 'RW7781234' }] },
    });
    expect(written.statusCode, written.body).toBe(200);
    expect((await duplicatesOf(shelterWorker, mine.id)).json().data).toHaveLength(1);
    const closed = await t.as(legalWorker, 'POST', `/api/v1/cases/${held.id}/closure`, {
      version: held.version,
      reason: 'duplicate',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await duplicatesOf(shelterWorker, mine.id)).json().data).toEqual([]);
  });

  it('stores keyed hashes only, and checks only cases the requester can see', async () => {
    const held = await openCase(legalWorker, legal, PERSON);
    const stored = await rowsOf<{ text: string }>(
      t.database.db,
      sql`select string_agg(kind || ':' || key_id || ':' || encode(digest, 'escape'), E'\n') as text
          from person_match_keys where case_id = ${held.id}`,
    );
    expect(stored[0]?.text).toMatch(/name:pm_[0-9a-f]{16}:/);
    for (const plain of ['ilvane', 'drosselmark', 'QT5512094', '1998-11-23'])
      expect(stored[0]?.text.toLowerCase()).not.toContain(plain.toLowerCase());
    expect((await t.as(shelterWorker, 'GET', `/api/v1/cases/${held.id}/duplicates`)).statusCode).toBe(404);
  });

  it('audits every check with the number found, and nothing about the person', async () => {
    await openCase(legalWorker, legal, PERSON);
    const mine = await openCase(shelterWorker, shelter, PERSON);
    await duplicatesOf(shelterWorker, mine.id);
    const entries = await rowsOf<{ action: string; details: { possibleDuplicates?: number } }>(
      t.database.db,
      sql`select action, details from audit_entries where resource_id = ${mine.id} and action = 'cases.duplicates'`,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details.possibleDuplicates).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain('Drosselmark');
  });

  it('finds records written before their keys existed once `concerted cases match-keys` computed them', async () => {
    const person = {
      names: [{ kind: 'name', value: 'Orsolya Quenneville' }],
      identityDocuments: [{ kind: 'passport', number: 'ZR0070451', issuingCountry: 'ROU' }],
    };
    const held = await openCase(legalWorker, legal, person);
    const mine = await openCase(shelterWorker, shelter, person);
    expect((await duplicatesOf(shelterWorker, mine.id)).json().data).toHaveLength(1);
    // As if both were written before migration 0035: no keys at all.
    await rowsOf(
      t.database.db,
      sql`delete from person_match_keys where case_id in (${held.id}::uuid, ${mine.id}::uuid)`,
    );
    expect((await duplicatesOf(shelterWorker, mine.id)).json().data).toEqual([]);

    const first = await runMatchKeys(['match-keys', '--json']);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout).rebuilt).toBeGreaterThanOrEqual(2);
    const found = (await duplicatesOf(shelterWorker, mine.id)).json().data;
    expect(found.map((d: { organisationId: string }) => d.organisationId)).toEqual([legal]);

    // Nothing left to do for them, and --all computes every record again to the same keys.
    const keysNow = await keysOf([held.id, mine.id]);
    const again = await runMatchKeys(['match-keys', '--all']);
    expect(again.stdout).toMatch(/^Computed the duplicate-check keys of \d+ person records \(of \d+\)\.\n$/);
    expect(await keysOf([held.id, mine.id])).toEqual(keysNow);
    const [{ audited } = { audited: 0 }] = await rowsOf<{ audited: number }>(
      t.database.db,
      sql`select count(*)::int as audited from audit_entries
          where action = 'cases.write' and resource_type = 'person' and details ? 'duplicateCheckKeys'`,
    );
    expect(audited).toBeGreaterThanOrEqual(2);
  });

  async function keysOf(caseIds: string[]) {
    return rowsOf<{ case_id: string; kind: string; digest: string }>(
      t.database.db,
      sql`select case_id, kind, encode(digest, 'hex') as digest from person_match_keys
          where case_id = any(${`{${caseIds.join(',')}}`}::uuid[]) order by case_id, kind, digest`,
    );
  }

  async function runMatchKeys(args: string[]) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((c) => stdout.push(String(c)) > 0);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((c) => stderr.push(String(c)) > 0);
    try {
      const open = async () => ({ ...t.database, close: async () => {} });
      await casesCommand(open, () => ({ dataDir: t.keysDir })).parseAsync(args, { from: 'user' });
    } finally {
      out.mockRestore();
      err.mockRestore();
      process.exitCode = undefined;
    }
    return { stdout: stdout.join(''), stderr: stderr.join('') };
  }
});
