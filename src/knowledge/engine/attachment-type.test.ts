// The format and shape of an attachment from its bytes, on documents written here (invented words).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCX, PDF } from '../attachments/limits.js';
import { helveticaPdf, wordDocument } from '../attachments/testing/documents.js';
import { attachmentMediaType, attachmentShapeProblem } from './attachment-type.js';

const cutShort = (bytes: Uint8Array, keep = 0.6) => bytes.subarray(0, Math.floor(bytes.byteLength * keep));

describe('attachment format and shape', () => {
  it('tells PDF and Word from their first bytes, and nothing else', async () => {
    expect(attachmentMediaType(helveticaPdf(['Quarry notes']))).toBe(PDF);
    expect(attachmentMediaType(await wordDocument({ body: ['Quarry notes'] }))).toBe(DOCX);
    expect(attachmentMediaType(Buffer.from('plain text'))).toBeNull();
    expect(attachmentMediaType(new Uint8Array())).toBeNull();
  });

  it('finds whole files sound', async () => {
    expect(attachmentShapeProblem(helveticaPdf(['Quarry notes']), PDF)).toBeNull();
    expect(attachmentShapeProblem(await wordDocument({ body: ['Quarry notes'] }), DOCX)).toBeNull();
  });

  it('finds a PDF cut short, or one that is only a header', () => {
    expect(attachmentShapeProblem(cutShort(helveticaPdf(['Quarry notes'])), PDF)).toMatch(/cut short/);
    expect(attachmentShapeProblem(Buffer.from('%PDF-1.4 not really a PDF'), PDF)).toMatch(
      /not a complete PDF/,
    );
  });

  it('finds a PDF whole when padding follows its end marker', () => {
    const padded = Buffer.concat([helveticaPdf(['Quarry notes']), Buffer.alloc(500, 0x20)]);
    expect(attachmentShapeProblem(padded, PDF)).toBeNull();
  });

  it('finds a Word file cut short, and a ZIP archive that holds no Word document', async () => {
    const word = await wordDocument({ body: ['Quarry notes'] });
    expect(attachmentShapeProblem(cutShort(word), DOCX)).toMatch(/cut short/);
    expect(attachmentShapeProblem(word.subarray(0, 4), DOCX)).toMatch(/cut short/);
    const zip = new JSZip();
    zip.file('notes.txt', 'Quarry notes');
    const archive = await zip.generateAsync({ type: 'uint8array' });
    expect(attachmentShapeProblem(archive, DOCX)).toMatch(/not a Word \(\.docx\) document/);
  });
});
