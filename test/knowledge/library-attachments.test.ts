// Attachments of knowledge items through the API on both engines: a Word or PDF file attached to a draft
// is stored with its text, which search then finds; it downloads as it was sent, for the public once the
// item is published; other formats, unreadable files and changes to a published item are refused; removing
// the file removes its words from search. Every file and word here is invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helveticaPdf, wordDocument } from '../../src/knowledge/attachments/testing/documents.js';
import type { ItemView } from '../../src/knowledge/schemas.js';
import { demoEmail, type Session, startTestApp, type TestApp } from '../support/app.js';
import { TEST_ENGINES } from '../support/databases.js';
import { expectStatus, ITEMS, idsOf, plant, search } from './library-support.js';

describe.each(TEST_ENGINES)('knowledge attachments on $name', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  let item: ItemView;
  let docx: Buffer;

  const attach = (fileName: string, content: Buffer, as: Session = editor) =>
    t.as(as, 'POST', `${ITEMS}/${item.id}/attachments`, { fileName, content: content.toString('base64') });

  beforeAll(async () => {
    t = await startTestApp(engine);
    coordinator = await t.signInAs(demoEmail('coordinator'));
    editor = await t.signInAs(demoEmail('editor'));
    item = await plant(t, editor, {
      type: 'research',
      language: 'en',
      title: 'Report with annexes (invented)',
    });
    docx = Buffer.from(
      await wordDocument({ body: ['Annex on Thornvale quarries where workers were held by debt.'] }),
    );
  });
  afterAll(() => t?.close());

  it('stores a Word file with its text, which search then finds', async () => {
    item = await expectStatus<ItemView>(attach('annex-thornvale.docx', docx), 201);
    expect(item.attachments).toEqual([
      expect.objectContaining({
        fileName: 'annex-thornvale.docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        byteSize: docx.length,
      }),
    ]);
    const found = await search(t, editor, { q: 'thornvale quarry', lang: 'en' });
    expect(idsOf(found)).toEqual([item.id]);
    expect(found.data[0]?.snippet.filter((s) => s.highlighted).map((s) => s.text)).toContain('Thornvale');
  });

  it('stores a PDF file with its text', async () => {
    item = await expectStatus<ItemView>(
      attach('annex-b.pdf', Buffer.from(helveticaPdf(['Skerrow brickworks inspection notes']))),
      201,
    );
    expect(idsOf(await search(t, editor, { q: 'skerrow brickworks', lang: 'en' }))).toEqual([item.id]);
  });

  it('refuses files that are neither PDF nor Word, and files that cannot be read', async () => {
    const text = await attach('notes.txt', Buffer.from('plain text notes'));
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('attachment_type_unsupported');
    const broken = await attach('broken.pdf', Buffer.from('%PDF-1.4 this is not really a PDF'));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('attachment_unreadable');
    expect(broken.json().errors[0].path).toBe('body.content');
  });

  it('refuses a file cut short at once, naming it, and stores nothing', async () => {
    const pdf = helveticaPdf(['Skerrow brickworks inspection notes']);
    const before = item.attachments.length;
    for (const [fileName, content] of [
      ['cut-short.pdf', Buffer.from(pdf.subarray(0, pdf.length - 40))],
      ['cut-short.docx', docx.subarray(0, Math.floor(docx.length / 2))],
    ] as const) {
      const reply = await attach(fileName, content);
      expect(reply.statusCode).toBe(422);
      expect(reply.json().code).toBe('attachment_unreadable');
      expect(reply.json().detail).toContain(fileName);
      expect(reply.json().detail).toMatch(/cut short/);
    }
    const current = await expectStatus<ItemView>(t.as(editor, 'GET', `${ITEMS}/${item.id}`), 200);
    expect(current.attachments).toHaveLength(before);
  });

  it('downloads the file as it was sent, for the public once the item is published', async () => {
    const [first] = item.attachments;
    const download = `${ITEMS}/${item.id}/attachments/${first?.id}`;
    expect((await t.as(null, 'GET', download)).statusCode).toBe(404);
    const reviewed = await expectStatus<ItemView>(
      t.as(coordinator, 'POST', `${ITEMS}/${item.id}/review`, { version: item.version }),
      200,
    );
    item = await expectStatus<ItemView>(
      t.as(coordinator, 'POST', `${ITEMS}/${item.id}/publication`, { version: reviewed.version }),
      200,
    );
    const reply = await t.as(null, 'GET', download);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toContain('wordprocessingml');
    expect(reply.headers['content-disposition']).toContain('annex-thornvale.docx');
    expect(Buffer.compare(reply.rawPayload, docx)).toBe(0);
    expect((await attach('late.docx', docx)).statusCode).toBe(409);
  });

  it('removes a draft’s attachment, and its words from search', async () => {
    item = await expectStatus<ItemView>(
      t.as(editor, 'POST', `${ITEMS}/${item.id}/return-to-draft`, { version: item.version }),
      200,
    );
    const [first] = item.attachments;
    const viewer = await t.signInAs(demoEmail('viewer'));
    const path = `${ITEMS}/${item.id}/attachments/${first?.id}`;
    expect((await t.as(viewer, 'DELETE', path)).statusCode).toBe(403);
    const after = await expectStatus<ItemView>(t.as(editor, 'DELETE', path), 200);
    expect(after.attachments.map((a) => a.fileName)).toEqual(['annex-b.pdf']);
    expect((await search(t, editor, { q: 'thornvale', lang: 'en' })).total).toBe(0);
    expect(idsOf(await search(t, editor, { q: 'skerrow', lang: 'en' }))).toEqual([item.id]);
  });
});
