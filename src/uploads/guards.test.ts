// The readers' guards and the XLSX archive check refuse exactly what passes a limit, naming it.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sharedStringsXlsx, zipBombXlsx } from '../../test/uploads/hostile-files.js';
import { RowGuard, xmlLimitGuard } from './guards.js';
import { ImportSlots, ImportsBusy } from './import-slots.js';
import { readLimitsFor } from './limits.js';
import { readBodyWithin } from './read-body.js';
import { UploadRefused } from './refusal.js';
import { checkXlsxArchive, UnreadableUpload } from './xlsx-check.js';

const limits = { ...readLimitsFor('activities'), xmlDepth: 3, rows: 2, columns: 3, cellCharacters: 5 };

async function drain(xml: string) {
  for await (const _ of Readable.from([Buffer.from(xml)]).pipe(xmlLimitGuard(limits))) {
  }
}

async function refusalOf(work: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    return error;
  }
  return null;
}

describe('upload guards', () => {
  it('lets XML as deep as the limit through and refuses one level deeper', async () => {
    await drain('<a><b><c/></b></a>');
    const refusal = await refusalOf(drain('<a><b><c><d/></c></b></a>'));
    expect(refusal).toBeInstanceOf(UploadRefused);
    expect((refusal as UploadRefused).limit).toBe('xmlDepth');
  });

  it('refuses the row past the row limit, a row too wide and a cell too long, saying where', () => {
    const guard = new RowGuard(limits);
    guard.check(['a', 'b', 'c'], 1);
    const wide = refusalOf(() =>
      new RowGuard(limits).check(['a', 'b', 'c', 'd'], 7),
    ) as Promise<UploadRefused>;
    const long = refusalOf(() => new RowGuard(limits).check(['a', 'abcdef'], 4)) as Promise<UploadRefused>;
    guard.check([], 2);
    const many = refusalOf(() => guard.check([], 3)) as Promise<UploadRefused>;
    return Promise.all([wide, long, many]).then(([w, l, m]) => {
      expect([w.limit, w.where]).toEqual(['columns', 'file.row.7']);
      expect([l.limit, l.where]).toEqual(['cellCharacters', 'file.row.4.column.2']);
      expect([m.limit, m.where]).toEqual(['rows', 'file.row.3']);
      expect(l.status).toBe(422);
    });
  });

  it('refuses a workbook by its zip directory, and one whose part inflates past what it declares', async () => {
    const honest = (await refusalOf(checkXlsxArchive(await zipBombXlsx(300), limits))) as UploadRefused;
    expect(honest.limit).toBe('xlsxUncompressedBytes');
    const lying = (await refusalOf(checkXlsxArchive(await zipBombXlsx(300, true), limits))) as UploadRefused;
    expect([lying.limit, lying.where]).toEqual(['xlsxUncompressedBytes', 'file.xl/worksheets/sheet1.xml']);
    const strings = (await refusalOf(checkXlsxArchive(await sharedStringsXlsx(80), limits))) as UploadRefused;
    expect(strings.limit).toBe('xlsxSharedStringsBytes');
    await checkXlsxArchive(await zipBombXlsx(1), limits);
  }, 60_000);

  it('calls a file that is no zip at all unreadable rather than over a limit', async () => {
    expect(await refusalOf(checkXlsxArchive(Buffer.from('identifier,title\n'), limits))).toBeInstanceOf(
      UnreadableUpload,
    );
  });

  it('gives up on a body whose sender hangs up before its end, instead of waiting for ever', async () => {
    const body = new PassThrough();
    const reading = readBodyWithin(body, 'activitiesBodyBytes', 1024);
    body.write('identifier,');
    body.destroy();
    expect(await refusalOf(reading)).toMatchObject({ code: 'validation_failed' });
  });

  it('queues imports up to the queue length, refuses the next, and hands a freed slot to the first waiting', async () => {
    const slots = new ImportSlots({ concurrent: 1, queued: 1, retryAfterSeconds: 7 });
    const first = await slots.acquire();
    const second = slots.acquire();
    const third = await refusalOf(slots.acquire());
    expect(third).toBeInstanceOf(ImportsBusy);
    expect((third as ImportsBusy).status).toBe(503);
    expect(slots.load).toEqual({ running: 1, waiting: 1 });
    first();
    first();
    const release = await second;
    expect(slots.load).toEqual({ running: 1, waiting: 0 });
    release();
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });
});
