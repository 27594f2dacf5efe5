// The text of a Word document (DOCX): body, headers, footers, footnotes and endnotes, a paragraph per line.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { ATTACHMENT_LIMITS, type AttachmentLimits, TextBudget } from './limits.js';
import { UnreadableAttachment } from './unreadable.js';

/** The parts holding text a reader sees, in reading order (ECMA-376 Part 1, §11.3). */
const TEXT_PARTS = [
  /^word\/document\.xml$/,
  /^word\/header\d*\.xml$/,
  /^word\/footer\d*\.xml$/,
  /^word\/footnotes\.xml$/,
  /^word\/endnotes\.xml$/,
];

export async function readDocxText(
  bytes: Uint8Array,
  limits: AttachmentLimits = ATTACHMENT_LIMITS,
): Promise<string> {
  const archive = await openArchive(bytes);
  const parts = TEXT_PARTS.flatMap((pattern) =>
    Object.values(archive.files)
      .filter((entry) => !entry.dir && pattern.test(entry.name))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })),
  );
  if (!parts.some((entry) => entry.name === 'word/document.xml'))
    throw new UnreadableAttachment('is a zip file but not a Word document (it has no word/document.xml)');
  // JSZip keeps each entry's declared size: a zip bomb is refused before anything is inflated.
  const declared = parts.reduce((sum, entry) => sum + declaredSize(entry), 0);
  if (declared > limits.docxXmlBytes)
    throw new UnreadableAttachment(
      `unpacks to more than ${limits.docxXmlBytes / 1024 / 1024} MB of text parts, more than any document needs`,
    );
  const budget = new TextBudget(limits.textCharacters);
  for (const entry of parts) {
    if (budget.isFull) break;
    readPartText(await entry.async('string'), budget);
  }
  return budget.toString().trim();
}

async function openArchive(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadableAttachment('is not a complete Word document (the file is damaged or cut short)');
  }
}

function declaredSize(entry: JSZip.JSZipObject): number {
  return (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
}

/*
 * WordprocessingML keeps visible text in <w:t> runs; <w:tab/> and <w:br/> are a tab and a line break
 * inside a paragraph. Deleted text (<w:delText>) and field codes (<w:instrText>) are not read.
 */
function readPartText(xml: string, budget: TextBudget) {
  const parser = new SaxesParser({ position: false });
  let inText = false;
  let paragraph = '';
  parser.on('doctype', () => {
    throw new UnreadableAttachment('declares an XML document type, which Word documents never do');
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = true;
    else if (name === 'tab') paragraph += '\t';
    else if (name === 'br' || name === 'cr') paragraph += '\n';
  });
  parser.on('text', (text) => {
    if (inText) paragraph += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'p') {
      budget.add(`${paragraph}\n`);
      paragraph = '';
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof UnreadableAttachment) throw error;
    throw new UnreadableAttachment('holds XML that is not well formed (the document is damaged)');
  }
  budget.add(paragraph);
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
