// Imports sent with `Prefer: respond-async`: 202 with the job, progress, then the report or the problem; a
// job is its starter's own (and the installation-wide roles'), and a restart settles jobs a stop cut off.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_DETAIL, SILENCE_MS, settleInterruptedImports } from '../../src/imports/index.js';
import { importJobs } from '../../src/imports/schema.js';
import { GLOTIP_FIXTURE, glotipCsv } from '../statistics/publisher-files.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { wideCsv } from '../uploads/hostile-files.js';

const ASYNC = { prefer: 'respond-async' };

describe.each(TEST_ENGINES)('import jobs on $name', (engine) => {
  let t: TestApp;
  let editor: Session;
  let viewer: Session;
  let coordinator: Session;
  let analyst: Session;

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.signInAs(demoEmail('editor'));
    viewer = await t.signInAs(demoEmail('viewer'));
    coordinator = await t.signInAs(demoEmail('coordinator'));
    analyst = await t.signInAs(demoEmail('analyst'));
  }, 180_000);
  afterAll(async () => t?.close());

  const importCsv = (csv: string, query = '') =>
    t.as(editor, 'POST', `/api/v1/activities/import?filename=outreach.csv${query}`, csv, {
      'content-type': 'text/csv',
      ...ASYNC,
    });

  /** Polls the job as the session until it has finished. */
  async function finished(session: Session, accepted: LightMyRequestResponse) {
    const location = String(accepted.headers.location);
    for (let attempt = 0; attempt < 600; attempt++) {
      const reply = await t.as(session, 'GET', location);
      expect(reply.statusCode).toBe(200);
      const job = reply.json().data;
      if (job.state === 'succeeded' || job.state === 'failed') return job;
      expect(reply.headers['retry-after']).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the job did not finish');
  }

  it('answers 202 with the job and its address, then the report once the import is written', async () => {
    const csv = [
      'identifier,title,lead_organisation,activity_type,destination_countries,target_groups',
      'JOB-1,Outreach in Kisumu,SHSN,identification,KEN,women',
      'JOB-2,Outreach in Mombasa,SHSN,identification,KEN,women',
    ].join('\n');
    const accepted = await importCsv(csv);
    expect(accepted.statusCode).toBe(202);
    expect(accepted.headers['preference-applied']).toBe('respond-async');
    const job = accepted.json().data;
    expect(accepted.headers.location).toBe(`/api/v1/import-jobs/${job.id}`);
    expect(job).toMatchObject({
      kind: 'activities',
      state: 'queued',
      fileName: 'outreach.csv',
      byteSize: Buffer.byteLength(csv),
      options: { format: 'csv', dryRun: false },
      startedBy: editor.userId,
      result: null,
      problem: null,
    });
    const done = await finished(editor, accepted);
    expect(done).toMatchObject({
      state: 'succeeded',
      progress: { phase: 'finished', rowsRead: 2, rowsWritten: 2 },
      result: { committed: true, created: 2, rows: 2, problemCount: 0 },
      problem: null,
    });
    expect(done.finishedAt).not.toBeNull();
    const found = (await t.as(viewer, 'GET', '/api/v1/activities?q=JOB-')).json().data;
    expect(found.map((a: { identifier: string }) => a.identifier).sort()).toEqual(['JOB-1', 'JOB-2']);
    // The slot went back once the job ended.
    expect(t.app.uploads.slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('keeps the synchronous answer for a request that does not ask for a job', async () => {
    const reply = await t.as(editor, 'POST', '/api/v1/activities/import?dryRun=true', 'identifier,title\n', {
      'content-type': 'text/csv',
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().data).toMatchObject({ dryRun: true, rows: 0 });
  });

  it('reports rows with problems as the synchronous import does: finished, nothing written', async () => {
    const csv = [
      'identifier,title,lead_organisation,activity_type,destination_countries',
      'JOB-3,Somebody else’s,RLAC,legal_aid,UGA',
    ].join('\n');
    const done = await finished(editor, await importCsv(csv));
    expect(done).toMatchObject({
      state: 'succeeded',
      result: { committed: false, created: 0, problemCount: 1 },
      progress: { rowsRead: 1, rowsWritten: 0 },
    });
    expect((await t.as(viewer, 'GET', '/api/v1/activities?q=JOB-3')).json().data).toEqual([]);
  });

  it('fails a job whose file breaks a limit, with the problem naming it', async () => {
    const accepted = await importCsv(wideCsv(100_000));
    expect(accepted.statusCode).toBe(202);
    const done = await finished(editor, accepted);
    expect(done.state).toBe('failed');
    expect(done.result).toBeNull();
    expect(done.problem).toMatchObject({ code: 'upload_limit_exceeded', errors: [{ code: 'columns' }] });
    expect(t.app.uploads.slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('shows a job to its starter and the installation-wide roles only, and lists one’s own', async () => {
    const accepted = await importCsv('identifier,title\n', '&dryRun=true');
    const location = String(accepted.headers.location);
    await finished(editor, accepted);
    expect((await t.as(viewer, 'GET', location)).statusCode).toBe(404);
    expect((await t.as(analyst, 'GET', location)).statusCode).toBe(404);
    expect((await t.as(null, 'GET', location)).statusCode).toBe(401);
    expect((await t.as(coordinator, 'GET', location)).statusCode).toBe(200);
    const own = (await t.as(editor, 'GET', '/api/v1/import-jobs')).json().data;
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(own.every((job: { startedBy: string }) => job.startedBy === editor.userId)).toBe(true);
    expect(own[0].id).toBe(accepted.json().data.id);
    expect((await t.as(viewer, 'GET', '/api/v1/import-jobs')).json().data).toEqual([]);
    expect((await t.as(coordinator, 'GET', '/api/v1/import-jobs')).json().data).toEqual([]);
  });

  it('runs a statistics import as a job, with the release in its report', async () => {
    const accepted = await t.as(
      analyst,
      'POST',
      '/api/v1/statistics/imports',
      { source: 'glotip', fileName: 'glotip-job.csv', content: glotipCsv(GLOTIP_FIXTURE) },
      ASYNC,
    );
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().data).toMatchObject({ kind: 'statistics', fileName: 'glotip-job.csv' });
    const done = await finished(analyst, accepted);
    expect(done).toMatchObject({
      state: 'succeeded',
      result: { source: 'glotip', isDryRun: false, release: { label: 'glotip-job' } },
      progress: { phase: 'finished' },
    });
    expect(done.result.imported).toBeGreaterThan(0);
    expect(done.progress.rowsWritten).toBe(done.result.imported);
    const releases = (await t.as(viewer, 'GET', '/api/v1/statistics/releases')).json().data;
    expect(releases.map((r: { label: string }) => r.label)).toContain('glotip-job');
  });

  it('marks jobs a stopped process left queued or running as interrupted, saying nothing was saved', async () => {
    const [left] = await t.database.db
      .insert(importJobs)
      .values({
        kind: 'activities',
        state: 'running',
        fileName: 'cut-off.csv',
        byteSize: 10,
        startedBy: editor.userId,
        progress: { phase: 'reading', rowsRead: 5, rowsWritten: 5 },
      })
      .returning();
    expect(await settleInterruptedImports(t.database.db)).toBe(1);
    const job = (await t.as(editor, 'GET', `/api/v1/import-jobs/${left?.id}`)).json().data;
    expect(job).toMatchObject({
      state: 'failed',
      progress: { phase: 'finished', rowsRead: 5 },
      problem: { code: 'import_interrupted', detail: INTERRUPTED_DETAIL, status: 503 },
    });
    // Finished jobs are left as they were.
    expect(await settleInterruptedImports(t.database.db)).toBe(0);
  });

  it('on a shared server settles only jobs silent for a while, so another process keeps its running import', async () => {
    const now = new Date();
    const insertRunning = async (fileName: string, updatedAt: Date) => {
      const [row] = await t.database.db
        .insert(importJobs)
        .values({
          kind: 'activities',
          state: 'running',
          fileName,
          byteSize: 10,
          startedBy: editor.userId,
          progress: { phase: 'reading', rowsRead: 0, rowsWritten: 0 },
          updatedAt,
        })
        .returning();
      return row?.id as string;
    };
    const alive = await insertRunning('alive.csv', now);
    const silent = await insertRunning('silent.csv', new Date(now.getTime() - SILENCE_MS - 1_000));
    expect(await settleInterruptedImports(t.database.db, 'silent', now)).toBe(1);
    const stateOf = async (id: string) =>
      (await t.as(editor, 'GET', `/api/v1/import-jobs/${id}`)).json().data.state;
    expect(await stateOf(silent)).toBe('failed');
    expect(await stateOf(alive)).toBe('running');
    await settleInterruptedImports(t.database.db);
  });
});
