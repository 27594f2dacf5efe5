// Import routes hold a bounded number of slots (503 with Retry-After beyond the queue), stop reading a body
// without Content-Length at its limit, and refuse a file whose reader runs out of its bounded heap.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../src/uploads/index.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { broadIati } from './hostile-files.js';

describe.each(TEST_ENGINES)('import route limits on $name', (engine) => {
  let t: TestApp;
  let editor: Session;

  beforeAll(async () => {
    t = await startTestApp(engine, {
      uploads: {
        slots: { concurrent: 1, queued: 0, retryAfterSeconds: 11 },
        budget: { heapMb: 96, readingMs: 60_000 },
      },
    });
    editor = await t.signInAs(demoEmail('editor'));
  }, 180_000);
  afterAll(async () => t?.close());

  const importing = (payload: PassThrough | string, type = 'text/csv') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/activities/import?dryRun=true',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken, 'content-type': type },
      payload,
    });

  it('refuses an import with 503 and Retry-After while another holds the only slot, then takes it', async () => {
    const slow = new PassThrough();
    const first = importing(slow);
    while (t.app.uploads.slots.load.running === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const refused = await importing('identifier\n');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('11');
    expect(refused.json().code).toBe('imports_busy');
    slow.end('identifier,title\n');
    expect((await first).statusCode).toBe(200);
    expect(t.app.uploads.slots.load).toEqual({ running: 0, waiting: 0 });
  }, 60_000);

  it('stops reading a body sent without Content-Length once it passes the limit', async () => {
    const endless = new PassThrough();
    const answer = importing(endless);
    const megabyte = Buffer.alloc(1024 * 1024, 'x');
    for (let sent = 0; sent <= UPLOAD_LIMITS.activitiesBodyBytes.value; sent += megabyte.length)
      if (!endless.write(megabyte)) await new Promise((resolve) => endless.once('drain', resolve));
    const response = await answer;
    endless.destroy();
    expect(response.statusCode).toBe(413);
    expect(response.json().errors[0].code).toBe('activitiesBodyBytes');
  }, 60_000);

  it('refuses one activity of 1.5 million elements at its declared limit, and the server carries on', async () => {
    // The IATI reader stops an activity at its element limit, long before the worker's heap runs out.
    const response = await importing(broadIati(1_500_000), 'application/xml');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'xml_limit_exceeded',
      errors: [{ code: 'maxRecordElements' }],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 120_000);
});
