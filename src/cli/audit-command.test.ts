// `concerted audit verify|list` run in-process against a test database: output and exit codes.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { appendAudit } from '../audit/chain.js';
import { auditEntries } from '../audit/schema.js';
import type { Transaction } from '../platform/db.js';
import { auditCommand } from './audit-command.js';

/** Runs the command and returns what it wrote; the database stays open for the next test. */
async function run(database: TestDatabase, args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  try {
    await auditCommand(async () => ({ ...database, close: async () => {} })).parseAsync(args, {
      from: 'user',
    });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: process.exitCode };
}

describe.each(TEST_ENGINES)('concerted audit on $name', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await engine.open({ seed: false });
    for (const resourceId of ['a', 'b', 'c']) {
      await appendAudit(database.db, {
        actorUserId: null,
        actorVia: 'cli',
        action: 'plans.update',
        outcome: 'allowed',
        resourceType: 'plan',
        resourceId,
      });
    }
  });

  afterEach(() => {
    process.exitCode = undefined;
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('says the trail is intact and how many entries it checked', async () => {
    const result = await run(database, ['verify']);
    expect(result.stdout).toBe('Audit trail intact: 3 entries checked\n');
    expect(result.exitCode).toBeUndefined();
  });

  const withTriggersOff = (work: (tx: Transaction) => Promise<unknown>) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_entries disable trigger audit_entries_no_update`);
      await work(tx);
      await tx.execute(sql`alter table audit_entries enable trigger audit_entries_no_update`);
    });

  it('names the first broken entry and exits with 1', async () => {
    const setAction = (action: string) =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_entries disable trigger audit_entries_no_update`);
        await tx.update(auditEntries).set({ action }).where(eq(auditEntries.seq, 2));
        await tx.execute(sql`alter table audit_entries enable trigger audit_entries_no_update`);
      });
    await setAction('plans.delete');
    try {
      const result = await run(database, ['verify', '--json']);
      expect(JSON.parse(result.stdout)).toMatchObject({ isIntact: false, firstBroken: { seq: 2 } });
      expect(result.exitCode).toBe(1);
      const human = await run(database, ['verify']);
      expect(human.stdout).toMatch(/^Audit trail BROKEN at entry 2: entry 2 was changed/);
    } finally {
      await setAction('plans.update');
    }
  });

  it('lists entries newest first, filtered, as a table or JSON', async () => {
    const table = await run(database, ['list', '--resource-type', 'plan', '--limit', '2']);
    expect(table.stdout.split('\n')[0]).toMatch(/^seq\s+at\s+actor\s+action/);
    expect(table.stdout).toContain('plan:c');
    expect(table.stdout).toContain('(older entries: add --before 2)');
    const json = JSON.parse((await run(database, ['list', '--resource-id', 'a', '--json'])).stdout);
    expect(json).toMatchObject({ data: [{ seq: 1, resourceId: 'a' }], nextBefore: null });
  });

  it('signs a checkpoint with a key it creates 0600, and verifies the chain against it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'concerted-checkpoint-'));
    const key = path.join(dir, 'keys', 'audit.pem');
    const file = path.join(dir, 'checkpoints.jsonl');
    try {
      const signed = await run(database, ['checkpoint', '--key', key, '--append', file]);
      expect(signed.exitCode).toBeUndefined();
      expect(signed.stdout).toMatch(/"seq":3/);
      expect(signed.stdout).toContain('BEGIN PUBLIC KEY');
      expect((await stat(key)).mode & 0o777).toBe(0o600);
      const verified = await run(database, ['verify', '--checkpoint', file, '--key', key]);
      expect(verified.stdout).toContain('Checkpoints hold: the chain matches all 1 signed checkpoints');
      expect(verified.exitCode).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('catches a truncated chain that is still whole, with the checkpoint signed before', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'concerted-checkpoint-'));
    const key = path.join(dir, 'audit.pem');
    const file = path.join(dir, 'checkpoints.jsonl');
    const extra = await appendAudit(database.db, {
      actorUserId: null,
      actorVia: 'cli',
      action: 'plans.update',
      outcome: 'allowed',
      resourceType: 'plan',
      resourceId: 'd',
    });
    try {
      await run(database, ['checkpoint', '--key', key, '--append', file, '--json']);
      await withTriggersOff((tx) => tx.delete(auditEntries).where(eq(auditEntries.seq, extra.seq)));
      const chainOnly = await run(database, ['verify']);
      expect(chainOnly.exitCode).toBeUndefined();
      const result = await run(database, ['verify', '--checkpoint', file, '--key', key]);
      expect(result.stdout).toContain(`entries ${extra.seq} to ${extra.seq} were removed`);
      expect(result.exitCode).toBe(1);
      const json = JSON.parse(
        (await run(database, ['verify', '--json', '--checkpoint', file, '--key', key])).stdout,
      );
      expect(json).toMatchObject({ isIntact: false, firstBroken: null, checkpoints: { checked: 1 } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses checkpoints signed by another key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'concerted-checkpoint-'));
    const file = path.join(dir, 'checkpoints.jsonl');
    try {
      await run(database, ['checkpoint', '--key', path.join(dir, 'attacker.pem'), '--append', file]);
      await run(database, ['checkpoint', '--key', path.join(dir, 'own.pem')]);
      const result = await run(database, [
        'verify',
        '--checkpoint',
        file,
        '--key',
        path.join(dir, 'own.pem'),
      ]);
      expect(result.stdout).toMatch(/not by this installation's audit key/);
      expect(result.exitCode).toBe(1);
      const withoutKey = await run(database, [
        'verify',
        '--checkpoint',
        file,
        '--key',
        path.join(dir, 'none.pem'),
      ]);
      expect(withoutKey.stderr).toMatch(/no audit signing key at .*--public-key/);
      expect(withoutKey.exitCode).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('explains an option it cannot use', async () => {
    const result = await run(database, ['list', '--user', 'not-a-uuid']);
    expect(result.stderr).toMatch(/^error: --user: /);
    expect(result.exitCode).toBe(1);
  });

  // Last: it lengthens the chain the tests above count.
  it('shows an action people know by its description, not its code', async () => {
    await appendAudit(database.db, {
      actorUserId: null,
      actorVia: 'cli',
      action: 'organisations.update',
      outcome: 'allowed',
      resourceType: 'note',
      resourceId: 'z',
    });
    const table = await run(database, ['list', '--resource-id', 'z']);
    expect(table.stdout).toContain('Change an organisation’s profile');
    expect(table.stdout).not.toContain('organisations.update');
  });
});
