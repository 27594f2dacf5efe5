// `concerted keys rotate` in-process on both engines: a person sealed before the rotation opens after it,
// and no data key is left wrapped by the old master key.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { actorOf, asRequester } from '../access/context.js';
import { KeyRing, recordInitialMasterKey } from '../cases/person/keyring.js';
import { createCase, readPerson } from '../cases/store.js';
import { rowsOf } from '../platform/db.js';
import { keysCommand } from './keys-command.js';

describe.each(TEST_ENGINES)('concerted keys rotate on $name', (engine) => {
  let database: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    database = await engine.open({ seed: false });
    dataDir = await mkdtemp(path.join(tmpdir(), 'keys-command-'));
  });
  afterAll(async () => {
    await database?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  async function run(args: string[]) {
    const stdout: string[] = [];
    const out = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
    try {
      await keysCommand(
        async () => ({ ...database, close: async () => {} }),
        () => ({ dataDir }),
      ).parseAsync(args, { from: 'user' });
    } finally {
      out.mockRestore();
    }
    return stdout.join('');
  }

  it('re-wraps every data key with a new key file and leaves the persons readable', async () => {
    const ring = await KeyRing.load({ dataDir });
    await recordInitialMasterKey(database.db, ring);
    const [org] = await rowsOf<{ id: string }>(
      database.db,
      sql`insert into organisations (name, actor_type) values ('Shelter K', 'ngo') returning id`,
    );
    const [user] = await rowsOf<{ id: string }>(
      database.db,
      sql`insert into users (email, display_name) values ('keys@example.org', 'Keys') returning id`,
    );
    const organisationId = org?.id as string;
    const userId = user?.id as string;
    await database.db.execute(
      sql`insert into memberships (user_id, organisation_id, role) values (${userId}, ${organisationId}, 'case_manager')`,
    );
    const actor = actorOf({
      kind: 'user',
      userId,
      memberships: [{ organisationId, role: 'case_manager' }],
      via: 'session',
      secondFactor: true,
    });
    const created = await asRequester(database, actor, (tx) =>
      createCase(tx, ring, { organisationId, facts: {}, person: { dateOfBirth: '1990-01-02' } }, userId),
    );

    const report = JSON.parse(await run(['rotate', '--json']));
    expect(report).toMatchObject({ rewrapped: 1, leftOnOldKeys: 0, retiredKeyIds: [ring.initialKeyId] });
    const files = await readdir(path.join(dataDir, 'keys'));
    expect(files).toContain(`master-${report.newKeyId}.key`);
    expect((await stat(path.join(dataDir, 'keys', `master-${report.newKeyId}.key`))).mode & 0o777).toBe(
      0o600,
    );
    const person = await asRequester(database, actor, async (tx) =>
      readPerson(tx, await KeyRing.load({ dataDir }), created.id),
    );
    expect(person.person.dateOfBirth).toBe('1990-01-02');

    const text = await run(['rotate']);
    expect(text).toContain('1 data key re-wrapped; 0 left on an older key.');
  });
});
