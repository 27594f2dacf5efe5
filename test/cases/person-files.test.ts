// Files of a person record on both engines: sealed with the person's data key (bytes, name and type), only
// JPEG, PNG and PDF as told by their first bytes, at most 10 MiB (413), downloaded with no-store as an
// audited read, and the name never in a URL, a header or the database's plain text.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/platform/db.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR invented pixels of a photo that shows nobody'),
]);
const PDF = Buffer.from('%PDF-1.7\n% an invented scan of a residence permit\n%%EOF\n');
/** An invented file name: it must stay inside the sealed record. */
const FILE_NAME = 'Passport scan of Wenzeline Harrowgate.pdf';

describe.each(TEST_ENGINES)('person files on $name', (engine) => {
  let t: TestApp;
  let worker: Session;
  let manager: Session;
  let coordinator: Session;
  let shelter: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    worker = await t.signInAs(demoEmail('case_worker'));
    manager = await t.signInAs(demoEmail('case_manager'));
    coordinator = await t.signInAs(demoEmail('coordinator'));
    shelter = t.organisationIds.shelter ?? '';
  });
  afterAll(() => t?.close());

  async function openCase(as: Session = worker) {
    const reply = await t.as(as, 'POST', '/api/v1/cases', { organisationId: shelter });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().data as { id: string };
  }

  function upload(
    as: Session,
    caseId: string,
    content: Buffer,
    fileName = FILE_NAME,
    kind = 'identity_document',
  ) {
    return t.as(as, 'POST', `/api/v1/cases/${caseId}/files`, {
      kind,
      fileName,
      content: content.toString('base64'),
    });
  }

  it('seals a file, lists it by name and gives back the same bytes with no-store', async () => {
    const opened = await openCase();
    const stored = await upload(worker, opened.id, PDF);
    expect(stored.statusCode, stored.body).toBe(201);
    const file = stored.json().data;
    expect(file).toMatchObject({ fileName: FILE_NAME, mediaType: 'application/pdf', byteSize: PDF.length });
    const photo = await upload(worker, opened.id, PNG, 'photo.png', 'photo');
    expect(photo.json().data.mediaType).toBe('image/png');
    const list = await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/files`);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(
      list
        .json()
        .data.map((f: { fileName: string }) => f.fileName)
        .sort(),
    ).toEqual([FILE_NAME, 'photo.png'].sort());
    const download = await t.as(manager, 'GET', `/api/v1/cases/${opened.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(JSON.stringify(download.headers)).not.toContain('Harrowgate');
    const [row] = await rowsOf<{ text: string; content: Buffer }>(
      t.database.db,
      sql`select sealed_name || sealed_media_type as text, content from person_files where id = ${file.id}`,
    );
    expect(row?.text).not.toContain('Harrowgate');
    expect(row?.text).not.toContain('application/pdf');
    expect(Buffer.from(row?.content ?? []).includes(Buffer.from('residence permit'))).toBe(false);
  });

  it('audits each download and listing as a read of personal data, without the file’s name', async () => {
    const opened = await openCase();
    const file = (await upload(worker, opened.id, PNG, 'Harrowgate at the border.png', 'photo')).json().data;
    await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/files/${file.id}`);
    await t.as(worker, 'GET', `/api/v1/cases/${opened.id}/files`);
    const entries = await rowsOf<{
      action: string;
      resource_type: string;
      details: { file?: string; files?: string };
    }>(
      t.database.db,
      sql`select action, resource_type, details from audit_entries where resource_id = ${opened.id} order by seq`,
    );
    expect(
      entries.filter((e) => e.action === 'persons.read').map((e) => e.details.file ?? e.details.files),
    ).toEqual([file.id, 'list']);
    expect(entries.filter((e) => e.action === 'persons.write').map((e) => e.details.file)).toEqual([file.id]);
    expect(JSON.stringify(entries)).not.toContain('Harrowgate');
  });

  it('refuses what is not a JPEG, PNG or PDF, whatever its name says, and stores nothing', async () => {
    const opened = await openCase();
    const html = await upload(
      worker,
      opened.id,
      Buffer.from('<html><script>alert(1)</script></html>'),
      'photo.png',
      'photo',
    );
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({
      code: 'unsupported_media_type',
      errors: [{ path: 'body.content', code: 'file_type' }],
    });
    const notBase64 = await t.as(worker, 'POST', `/api/v1/cases/${opened.id}/files`, {
      kind: 'photo',
      fileName: 'x.png',
      content: 'not base64 at all!',
    });
    expect(notBase64.statusCode).toBe(400);
    const [count] = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from person_files where case_id = ${opened.id}`,
    );
    expect(count?.n).toBe(0);
  });

  it('refuses a file over 10 MiB with 413 payload_too_large', async () => {
    const opened = await openCase();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const reply = await upload(worker, opened.id, big);
    expect(reply.statusCode).toBe(413);
    expect(reply.json().code).toBe('payload_too_large');
    const exact = Buffer.alloc(10 * 1024 * 1024, 0x20);
    PNG.copy(exact);
    expect((await upload(worker, opened.id, exact, 'large.png', 'photo')).statusCode).toBe(201);
  }, 240_000);

  it('keeps files out of reach of those outside the case and of coordinators', async () => {
    const managersOwn = await openCase(manager);
    const file = (await upload(manager, managersOwn.id, PNG, 'p.png', 'photo')).json().data;
    expect((await t.as(worker, 'GET', `/api/v1/cases/${managersOwn.id}/files/${file.id}`)).statusCode).toBe(
      404,
    );
    expect((await t.as(worker, 'GET', `/api/v1/cases/${managersOwn.id}/files`)).statusCode).toBe(404);
    expect((await upload(worker, managersOwn.id, PNG, 'p.png', 'photo')).statusCode).toBe(404);
    expect(
      (await t.as(coordinator, 'GET', `/api/v1/cases/${managersOwn.id}/files/${file.id}`)).statusCode,
    ).toBe(403);
    const other = await openCase();
    expect((await t.as(worker, 'GET', `/api/v1/cases/${other.id}/files/${file.id}`)).statusCode).toBe(404);
  });
});
