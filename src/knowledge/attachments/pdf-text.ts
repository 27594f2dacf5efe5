// The text of a PDF, page by page, with Mozilla's reader (pdf.js) as it runs in Node.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ATTACHMENT_LIMITS, type AttachmentLimits, TextBudget } from './limits.js';
import { UnreadableAttachment } from './unreadable.js';

type TextItem = { str?: string; hasEOL?: boolean };

export async function readPdfText(
  bytes: Uint8Array,
  limits: AttachmentLimits = ATTACHMENT_LIMITS,
): Promise<string> {
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given.
    data: bytes.slice(),
    // No code generated from the file is ever run (font programs are interpreted instead).
    isEvalSupported: false,
    // Text needs no fonts loaded or fetched; nothing leaves the process.
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw unreadable(error);
    });
    const budget = new TextBudget(limits.textCharacters);
    const pages = Math.min(document.numPages, limits.pdfPages);
    for (let number = 1; number <= pages && !budget.isFull; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items as TextItem[]) {
        budget.add(item.str ?? '');
        if (item.hasEOL) budget.add('\n');
      }
      budget.add('\n\n');
      page.cleanup();
    }
    return budget.toString().trim();
  } finally {
    await task.destroy();
  }
}

function unreadable(error: unknown): UnreadableAttachment {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException')
    return new UnreadableAttachment(
      'is protected by a password; save a copy without the password and attach that',
    );
  return new UnreadableAttachment('is not a readable PDF (the file is damaged, cut short or not a PDF)');
}
