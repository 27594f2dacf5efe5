// What an attachment may be: its types, its size, and how much of its text the library keeps.
const MiB = 1024 * 1024;

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ATTACHMENT_TYPES = [PDF, DOCX] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/**
 * A guideline, a judgment or a training manual is rarely more than a few megabytes; beyond these, a file
 * is either scanned images (no text to find) or built to exhaust the reader.
 */
export const ATTACHMENT_LIMITS = {
  /** The file as sent. */
  bytes: 20 * MiB,
  /** A DOCX's text parts once inflated: refused beyond this before inflating (zip bombs declare their sizes). */
  docxXmlBytes: 64 * MiB,
  /** Pages of a PDF read; the rest are not searched. */
  pdfPages: 2_000,
  /** Characters of text kept (about 2 MB): enough to find any document; search indexes stay small. */
  textCharacters: 2_000_000,
  /** Time and heap of the reading thread, whatever the file does. */
  readingMs: 30_000,
  heapMb: 256,
} as const;

export type AttachmentLimits = { [Limit in keyof typeof ATTACHMENT_LIMITS]: number };

export function isAttachmentType(mediaType: string): mediaType is AttachmentType {
  return (ATTACHMENT_TYPES as readonly string[]).includes(mediaType);
}

/** Collects text up to a number of characters, and says when it is full so that readers stop early. */
export class TextBudget {
  private readonly parts: string[] = [];
  private length = 0;
  constructor(private readonly limit: number) {}

  get isFull(): boolean {
    return this.length >= this.limit;
  }

  add(text: string) {
    if (this.isFull || text === '') return;
    const kept = text.slice(0, this.limit - this.length);
    this.parts.push(kept);
    this.length += kept.length;
  }

  toString(): string {
    return this.parts.join('');
  }
}
