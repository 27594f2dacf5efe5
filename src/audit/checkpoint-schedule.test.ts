// The server signs a checkpoint when it starts, into the configured file, with the configured key.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES, type TestDatabase } from '../../test/support/databases.js';
import { loadConfig } from '../platform/config.js';
import { Sealer } from '../platform/crypto.js';
import { buildApp } from '../server/app.js';
import { appendAudit } from './chain.js';
import { isSignedBy, parseCheckpointLines } from './checkpoint.js';
import { loadSigningKey, readChainTip } from './checkpoint-store.js';

describe.each(TEST_ENGINES)('scheduled audit checkpoints on $name', (engine) => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await engine.open({ seed: false });
    dir = await mkdtemp(path.join(tmpdir(), 'concerted-schedule-'));
    await appendAudit(database.db, {
      actorUserId: null,
      actorVia: 'system',
      action: 'plans.update',
      outcome: 'allowed',
    });
  });
  afterAll(async () => {
    await database?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs the chain’s tip into the checkpoint file when the server starts', async () => {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATA_DIR: dir,
      AUDIT_CHECKPOINT_FILE: path.join(dir, 'shipped', 'checkpoints.jsonl'),
      AUDIT_CHECKPOINT_MINUTES: '15',
    });
    const app = await buildApp({
      config,
      database,
      sealer: new Sealer(randomBytes(32)),
      ownsDatabase: false,
      serveWeb: false,
      signAuditCheckpoints: true,
    });
    await app.ready();
    await app.close();
    const { checkpoints } = parseCheckpointLines(await readFile(config.auditCheckpointFile, 'utf8'));
    const key = await loadSigningKey(path.join(dir, 'keys', 'audit-signing.pem'));
    expect(checkpoints).toHaveLength(1);
    const [first] = checkpoints;
    expect(first && isSignedBy(first.checkpoint, key.publicKey)).toBe(true);
    expect(first?.checkpoint).toMatchObject(await readChainTip(database.db));
  });
});
