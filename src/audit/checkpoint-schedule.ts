// The server signs a checkpoint of the audit chain when it starts and then on a schedule, appending
// each to a file outside the database and logging it, so that copies reach wherever logs are shipped.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadOrCreateSigningKey, writeCheckpoint } from './checkpoint-store.js';

export const auditCheckpointSchedule = fp(
  async (app: FastifyInstance) => {
    const { auditCheckpointMinutes, auditKeyFile, auditCheckpointFile } = app.config;
    if (auditCheckpointMinutes === 0) {
      app.log.warn('scheduled audit checkpoints are off (AUDIT_CHECKPOINT_MINUTES=0)');
      return;
    }
    const key = await loadOrCreateSigningKey(auditKeyFile);
    if (key.isNew)
      app.log.warn(
        { keyFile: auditKeyFile, publicKey: key.publicKeyPem },
        'created the audit signing key: keep a copy of its public key elsewhere to verify checkpoints',
      );
    await mkdir(path.dirname(auditCheckpointFile), { recursive: true, mode: 0o700 });
    const sign = async () => {
      try {
        const checkpoint = await writeCheckpoint(app.database.db, key, auditCheckpointFile);
        app.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint signed');
      } catch (error) {
        app.log.error({ err: error }, 'could not sign an audit checkpoint');
      }
    };
    const timer = setInterval(sign, auditCheckpointMinutes * 60_000);
    // The schedule alone must not keep a stopping process alive.
    timer.unref();
    app.addHook('onReady', sign);
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'audit-checkpoint-schedule' },
);
